import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The built `retrofit serve` running as its own process on a free loopback port, as an operator would start it.
public final class ServerProcess: @unchecked Sendable {
    /// Why the server could not be started or stopped as expected.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
        public init(description: String) { self.description = description }
    }

    public let port: Int
    public let database: String
    /// Where the server's standard error (its request log) goes.
    public let logFile: URL
    private let process: Process

    private init(port: Int, database: String, logFile: URL, process: Process) {
        self.port = port
        self.database = database
        self.logFile = logFile
        self.process = process
    }

    /// Starts `retrofit serve --db DATABASE --listen 127.0.0.1:PORT` with the CLI's environment (its clock, its
    /// workflows) and waits until `/readyz` answers 200; tries another port if the first was taken meanwhile.
    public static func start(_ cli: RetrofitProcess, database: String? = nil, readyWithinSeconds: Double = 60) throws -> ServerProcess {
        let database = database ?? cli.environment["RETROFIT_DB"] ?? cli.directory.appendingPathComponent("retrofit.sqlite").path
        var lastFailure = Failure(description: "not started")
        for attempt in 0..<3 {
            let port = try freePort()
            let logFile = cli.directory.appendingPathComponent("serve-\(port)-\(attempt).log")
            FileManager.default.createFile(atPath: logFile.path, contents: nil)
            let process = Process()
            process.executableURL = RetrofitProcess.binary
            process.arguments = ["serve", "--db", database, "--listen", "127.0.0.1:\(port)"]
            process.currentDirectoryURL = cli.directory
            process.environment = cli.environment
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = try FileHandle(forWritingTo: logFile)
            process.standardError = try FileHandle(forWritingTo: logFile)
            try process.run()
            let server = ServerProcess(port: port, database: database, logFile: logFile, process: process)
            do {
                try server.waitUntilReady(seconds: readyWithinSeconds)
                return server
            } catch let failure as Failure {
                lastFailure = failure
                server.kill()
            }
        }
        throw lastFailure
    }

    /// Polls `/readyz` until it answers 200; fails when the process ends first or time runs out.
    public func waitUntilReady(seconds: Double) throws {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            guard process.isRunning else {
                throw Failure(description: "retrofit serve ended with \(process.terminationStatus) before it was ready:\n\(log)")
            }
            if let answer = try? LoopbackHTTP.send(port: port, "GET", "/readyz", timeoutSeconds: 5), answer.status == 200 { return }
            usleep(50_000)
        }
        throw Failure(description: "retrofit serve was not ready on port \(port) within \(seconds) s:\n\(log)")
    }

    /// Everything the server wrote to standard error and standard output so far.
    public var log: String { (try? String(contentsOf: logFile, encoding: .utf8)) ?? "" }

    public var isRunning: Bool { process.isRunning }
    public var processIdentifier: Int32 { process.processIdentifier }

    /// How the process ended.
    public struct Ending: CustomStringConvertible, Sendable {
        public let status: Int32
        public let wasSignalled: Bool
        public var description: String { wasSignalled ? "killed by signal \(status)" : "exit \(status)" }
    }

    /// Sends SIGTERM and waits for the process to drain and exit; SIGKILL if it has not within `graceSeconds`.
    @discardableResult
    public func terminate(graceSeconds: Double = 30) -> Ending {
        if process.isRunning { sendSignal(process.processIdentifier, SIGTERM) }
        let deadline = Date().addingTimeInterval(graceSeconds)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning { sendSignal(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        return Ending(status: process.terminationStatus, wasSignalled: process.terminationReason == .uncaughtSignal)
    }

    /// SIGKILL at once: no draining, no closing of the database.
    public func kill() {
        if process.isRunning { sendSignal(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    deinit { if process.isRunning { sendSignal(process.processIdentifier, SIGKILL) } }

    /// A port on 127.0.0.1 nobody listens on right now (the kernel's choice, released at once).
    public static func freePort() throws -> Int {
        #if canImport(Glibc)
        let socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let socketFD = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard socketFD >= 0 else { throw Failure(description: "no socket: \(String(cString: strerror(errno)))") }
        defer { close(socketFD) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr = in_addr(s_addr: inet_addr("127.0.0.1"))
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(socketFD, pointer, length) == 0 ? getsockname(socketFD, pointer, &length) : -1
            }
        }
        guard bound == 0 else { throw Failure(description: "no free port: \(String(cString: strerror(errno)))") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

extension ServerProcess {
    /// Signs in with `POST /api/v1/session`; the cookie header to send and the CSRF token for writes.
    public func signIn(_ name: String, password: String) throws -> (cookie: String, csrfToken: String) {
        let answer = try LoopbackHTTP.sendJSON(port: port, "POST", "/api/v1/session", ["name": name, "password": password])
        guard answer.status == 200, let setCookie = answer.headers["set-cookie"],
              let cookie = setCookie.split(separator: ";").first.map(String.init),
              let object = try answer.json() as? [String: Any], let csrf = object["csrfToken"] as? String else {
            throw Failure(description: "signing in as \(name) failed: \(answer)")
        }
        return (cookie, csrf)
    }

    /// Sends a request to this server.
    public func send(_ method: String, _ path: String, headers: [(String, String)] = [], body: Data? = nil,
                     timeoutSeconds: Int = 30) throws(LoopbackHTTPError) -> HTTPAnswer {
        try LoopbackHTTP.send(port: port, method, path, headers: headers, body: body, timeoutSeconds: timeoutSeconds)
    }
}

extension RetrofitProcess {
    /// Adds a person with a password and an API token (printed alone by `people token`); returns the token.
    public func personWithToken(_ name: String, role: String, district: String? = nil,
                                password: String = "correct horse battery staple") throws -> String {
        var add = ["people", "add", name, "--role", role]
        if let district { add += ["--district", district] }
        let added = try run(add)
        guard added.status == 0 else { throw ServerProcess.Failure(description: "people add \(name): \(added)") }
        let set = try run(["people", "password", name], input: password + "\n")
        guard set.status == 0 else { throw ServerProcess.Failure(description: "people password \(name): \(set)") }
        let token = try run(["people", "token", name, "--label", "tests"])
        let text = token.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        guard token.status == 0, !text.isEmpty, !text.contains(" ") else {
            throw ServerProcess.Failure(description: "people token \(name): \(token)")
        }
        return text
    }
}

#if canImport(Glibc)
private func sendSignal(_ pid: Int32, _ signal: Int32) { _ = Glibc.kill(pid, signal) }
#else
private func sendSignal(_ pid: Int32, _ signal: Int32) { _ = Darwin.kill(pid, signal) }
#endif
