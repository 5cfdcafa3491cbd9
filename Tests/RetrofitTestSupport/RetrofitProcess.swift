import Foundation

/// Runs the built `retrofit` binary, as a user would, and captures what it prints.
public struct RetrofitProcess: Sendable {
    public struct Result: CustomStringConvertible, Sendable {
        public let status: Int32
        public let stdout: String
        public let stderr: String
        public let wasSignalled: Bool

        public var description: String { "exit \(status)\nstdout:\n\(stdout)\nstderr:\n\(stderr)" }
    }

    /// The package's `.build/debug/retrofit`, found from this file's location.
    public static var binary: URL {
        var url = URL(fileURLWithPath: #filePath)
        while url.pathComponents.count > 1 {
            url.deleteLastPathComponent()
            let candidate = url.appendingPathComponent(".build/debug/retrofit")
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return candidate }
        }
        return URL(fileURLWithPath: ".build/debug/retrofit")
    }

    public let directory: URL
    public var environment: [String: String]

    /// - Parameters: directory: the working directory (and where `retrofit.sqlite` goes).
    public init(directory: URL, now: String = "2025-06-01T10:00", actor: String = "tester") {
        self.directory = directory
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("RETROFIT_") }
        environment["RETROFIT_NOW"] = now
        environment["RETROFIT_ACTOR"] = actor
        environment["RETROFIT_DB"] = directory.appendingPathComponent("retrofit.sqlite").path
        self.environment = environment
    }

    /// Runs `retrofit ARGUMENTS…` and waits for it.
    @discardableResult
    public func run(_ arguments: [String], environment extra: [String: String] = [:], input: String? = nil) throws -> Result {
        let process = Process()
        process.executableURL = RetrofitProcess.binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = environment.merging(extra) { _, new in new }
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        let inputPipe = input.map { _ in Pipe() }
        process.standardInput = inputPipe ?? FileHandle.nullDevice
        try process.run()
        if let input, let inputPipe {
            try inputPipe.fileHandleForWriting.write(contentsOf: Data(input.utf8))
            try inputPipe.fileHandleForWriting.close()
        }
        // Both pipes are drained at once, before waiting, so a large output cannot stall the child;
        // reads retry on EINTR (Foundation's readDataToEndOfFile traps on it when many children run).
        let group = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        let errorHandle = errors.fileHandleForReading
        DispatchQueue.global().async(group: group) { errData = RetrofitProcess.readAll(errorHandle.fileDescriptor) }
        let outData = RetrofitProcess.readAll(output.fileHandleForReading.fileDescriptor)
        group.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self), wasSignalled: process.terminationReason == .uncaughtSignal)
    }

    public func run(_ arguments: String...) throws -> Result { try run(arguments) }

    /// Everything readable from `descriptor` until end of file, retrying interrupted reads.
    static func readAll(_ descriptor: Int32) -> Data {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                data.append(contentsOf: buffer[0..<count])
            } else if count < 0 && errno == EINTR {
                continue
            } else {
                return data
            }
        }
    }
}
