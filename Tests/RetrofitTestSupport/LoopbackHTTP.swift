import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One HTTP/1.1 answer, as read off the socket.
public struct HTTPAnswer: CustomStringConvertible, Sendable {
    public let status: Int
    /// Header names in lower case; a repeated header keeps its last value.
    public let headers: [String: String]
    public let body: Data

    public var text: String { String(decoding: body, as: UTF8.self) }
    public var description: String { "HTTP \(status) \(headers)\n\(text.prefix(2000))" }

    /// The version in an `ETag: "VERSION"` header.
    public var etagVersion: Int? {
        headers["etag"].flatMap { Int($0.trimmingCharacters(in: CharacterSet(charactersIn: "\"W/"))) }
    }

    /// The body parsed as JSON (objects, arrays, strings, numbers).
    public func json() throws -> Any { try JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed]) }
}

/// Why a request got no answer.
public enum LoopbackHTTPError: Error, CustomStringConvertible, Sendable {
    /// The connection was never made (refused, or no socket): the server cannot have seen the request.
    case notConnected(errno: Int32)
    /// The connection was made but no whole answer came back (reset, closed early, timed out): the server may or may
    /// not have acted on it.
    case noAnswer(String)

    public var description: String {
        switch self {
        case .notConnected(let code): "not connected: \(String(cString: strerror(code)))"
        case .noAnswer(let why): "no answer: \(why)"
        }
    }
}

/// A minimal HTTP/1.1 client over a POSIX socket to 127.0.0.1, one connection per request (`Connection: close`),
/// so a test knows exactly which requests reached the server and which were answered.
public enum LoopbackHTTP {
    /// Sends one request and reads its whole answer.
    ///
    /// - Parameters: timeoutSeconds: how long a send or a read may stall before the request counts as unanswered.
    public static func send(port: Int, _ method: String, _ path: String, headers: [(String, String)] = [],
                            body: Data? = nil, timeoutSeconds: Int = 30) throws(LoopbackHTTPError) -> HTTPAnswer {
        let socketFD = socket(AF_INET, socketStreamType, 0)
        guard socketFD >= 0 else { throw .notConnected(errno: errno) }
        defer { close(socketFD) }
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(socketFD, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(socketFD, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        #if canImport(Darwin)
        var one: Int32 = 1
        setsockopt(socketFD, SOL_SOCKET, SO_NOSIGPIPE, &one, socklen_t(MemoryLayout<Int32>.size))
        #endif
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr = in_addr(s_addr: inet_addr("127.0.0.1"))
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socketFD, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw .notConnected(errno: errno) }

        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if let body { head += "Content-Length: \(body.count)\r\n" }
        var request = Data((head + "\r\n").utf8)
        if let body { request.append(body) }
        try writeAll(socketFD, request)
        return try parse(try readToEnd(socketFD))
    }

    /// Sends a JSON body (an encodable value) with its content type.
    public static func sendJSON(port: Int, _ method: String, _ path: String, _ object: [String: any Sendable],
                                headers: [(String, String)] = [], timeoutSeconds: Int = 30) throws -> HTTPAnswer {
        let body = try JSONSerialization.data(withJSONObject: object)
        return try send(port: port, method, path, headers: headers + [("Content-Type", "application/json")], body: body,
                        timeoutSeconds: timeoutSeconds)
    }

    #if canImport(Glibc)
    private static let socketStreamType = Int32(SOCK_STREAM.rawValue)
    private static let sendFlags = Int32(MSG_NOSIGNAL)
    #else
    private static let socketStreamType = SOCK_STREAM
    private static let sendFlags: Int32 = 0
    #endif

    private static func writeAll(_ socketFD: Int32, _ data: Data) throws(LoopbackHTTPError) {
        var offset = 0
        while offset < data.count {
            let written = data.withUnsafeBytes { bytes -> Int in
                guard let base = bytes.baseAddress else { return 0 }
                return socketSend(socketFD, base.advanced(by: offset), data.count - offset, sendFlags)
            }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { throw .noAnswer("sending failed: \(String(cString: strerror(errno)))") }
            offset += written
        }
    }

    private static func readToEnd(_ socketFD: Int32) throws(LoopbackHTTPError) -> Data {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(socketFD, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                data.append(contentsOf: buffer[0..<count])
            } else if count == 0 {
                return data
            } else if errno == EINTR {
                continue
            } else {
                throw .noAnswer("reading failed after \(data.count) bytes: \(String(cString: strerror(errno)))")
            }
        }
    }

    /// The status, headers and body of a whole answer; anything short of one (a cut-off body) is no answer.
    static func parse(_ data: Data) throws(LoopbackHTTPError) -> HTTPAnswer {
        let separator = Data("\r\n\r\n".utf8)
        guard let end = data.range(of: separator) else { throw .noAnswer("\(data.count) bytes, no complete header") }
        let lines = String(decoding: data[data.startIndex..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let statusWords = (lines.first ?? "").split(separator: " ")
        guard statusWords.count >= 2, let status = Int(statusWords[1]) else { throw .noAnswer("bad status line '\(lines.first ?? "")'") }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Data(data[end.upperBound...])
        if headers["transfer-encoding"]?.lowercased() == "chunked" {
            body = try dechunk(body)
        } else if let length = headers["content-length"].flatMap(Int.init) {
            guard body.count >= length else { throw .noAnswer("body cut off: \(body.count) of \(length) bytes") }
            body = body.prefix(length)
        }
        return HTTPAnswer(status: status, headers: headers, body: body)
    }

    private static func dechunk(_ data: Data) throws(LoopbackHTTPError) -> Data {
        var output = Data()
        var rest = data[...]
        let lineEnd = Data("\r\n".utf8)
        while true {
            guard let sizeEnd = rest.range(of: lineEnd),
                  let size = Int(String(decoding: rest[rest.startIndex..<sizeEnd.lowerBound], as: UTF8.self)
                      .split(separator: ";").first.map(String.init) ?? "", radix: 16) else {
                throw .noAnswer("chunked body cut off")
            }
            if size == 0 { return output }
            let start = sizeEnd.upperBound
            guard rest.distance(from: start, to: rest.endIndex) >= size + 2 else { throw .noAnswer("chunk cut off") }
            let chunkEnd = rest.index(start, offsetBy: size)
            output.append(rest[start..<chunkEnd])
            rest = rest[rest.index(chunkEnd, offsetBy: 2)...]
        }
    }
}

#if canImport(Glibc)
private func socketSend(_ socketFD: Int32, _ pointer: UnsafeRawPointer, _ count: Int, _ flags: Int32) -> Int {
    Glibc.send(socketFD, pointer, count, flags)
}
#else
private func socketSend(_ socketFD: Int32, _ pointer: UnsafeRawPointer, _ count: Int, _ flags: Int32) -> Int {
    Darwin.send(socketFD, pointer, count, flags)
}
#endif
