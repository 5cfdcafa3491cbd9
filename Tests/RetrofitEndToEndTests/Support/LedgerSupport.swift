import Foundation
import RetrofitTestSupport

/// Runs the built `retrofit` binary for the ledger and reliability tests, in a temporary folder,
/// with a fixed clock and a database of its own.
struct LedgerCLI {
    struct Result: CustomStringConvertible {
        let arguments: [String]
        let status: Int32
        let stdout: String
        let stderr: String
        /// True when the process died of a signal (a crash), not an exit.
        let signalled: Bool

        var description: String { "retrofit \(arguments.joined(separator: " ")) → \(signalled ? "signal" : "exit") \(status)\nstdout: \(stdout.prefix(2000))\nstderr: \(stderr.prefix(2000))" }

        /// The `error:` lines of stderr (ArgumentParser writes `Error:`).
        var errorLines: [String] {
            stderr.split(separator: "\n").map(String.init).filter { $0.lowercased().hasPrefix("error:") }
        }

        /// Exit 0, or exit 1–5 or 64 with at least one `error:` line: never a signal, never silence.
        var endedCleanly: Bool {
            guard !signalled else { return false }
            if status == 0 { return true }
            return ([1, 2, 3, 4, 5, 64] as [Int32]).contains(status) && !errorLines.isEmpty
        }
    }

    /// `<package>/.build/debug/retrofit`, found from this file's location.
    static var binary: URL {
        var url = URL(fileURLWithPath: #filePath)
        while url.pathComponents.count > 1 {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
                return url.appendingPathComponent(".build/debug/retrofit")
            }
        }
        return URL(fileURLWithPath: ".build/debug/retrofit")
    }

    let directory: URL
    var environment: [String: String]

    /// The database every command uses unless it gives `--db`.
    var database: String { directory.appendingPathComponent("retrofit.sqlite").path }

    init(directory: URL, now: String = LedgerFixtures.now, actor: String = "tester") {
        self.directory = directory
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("RETROFIT_") }
        environment["RETROFIT_NOW"] = now
        environment["RETROFIT_ACTOR"] = actor
        environment["RETROFIT_DB"] = directory.appendingPathComponent("retrofit.sqlite").path
        self.environment = environment
    }

    /// A new temporary folder with its own database.
    static func temporary(_ label: String) throws -> LedgerCLI {
        LedgerCLI(directory: try LedgerFixtures.temporaryDirectory(label))
    }

    func cleanUp() {
        try? FileManager.default.removeItem(at: directory)
    }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    func write(_ name: String, _ bytes: Data) throws {
        try bytes.write(to: directory.appendingPathComponent(name))
    }

    /// Starts `retrofit ARGUMENTS…` without waiting; output goes to files in the folder.
    func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = LedgerCLI.binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Runs `retrofit ARGUMENTS…` and waits; a run longer than `timeout` seconds is killed (and shows as a signal).
    @discardableResult
    func run(_ arguments: [String], timeout: Int = 60) throws -> Result {
        let process = Process()
        process.executableURL = LedgerCLI.binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = environment
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let watchdog = DispatchWorkItem { [process] in if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        DispatchQueue.global().asyncAfter(deadline: .now() + .seconds(timeout), execute: watchdog)
        // Read both pipes before waiting so a large output cannot stall the child.
        let group = DispatchGroup()
        nonisolated(unsafe) var errorData = Data()
        DispatchQueue.global().async(group: group) { errorData = LedgerCLI.readAll(errors.fileHandleForReading) }
        let outputData = LedgerCLI.readAll(output.fileHandleForReading)
        group.wait()
        process.waitUntilExit()
        watchdog.cancel()
        return Result(arguments: arguments, status: process.terminationStatus,
                      stdout: String(decoding: outputData, as: UTF8.self), stderr: String(decoding: errorData, as: UTF8.self),
                      signalled: process.terminationReason == .uncaughtSignal)
    }

    @discardableResult
    func run(_ arguments: String...) throws -> Result { try run(arguments) }

    /// Everything until end of file. Unlike `readDataToEndOfFile`, which traps on EINTR (a signal
    /// arriving while it waits, as SIGCHLD does when many children run), this retries.
    static func readAll(_ handle: FileHandle) -> Data {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        let descriptor = handle.fileDescriptor
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                data.append(contentsOf: buffer[0..<count])
            } else if count < 0, errno == EINTR {
                continue
            } else {
                return data
            }
        }
    }

    /// The number of events in `path` (the log's last sequence number), or nil when it cannot be read.
    static func eventCount(_ path: String) -> Int? {
        (try? LedgerDatabaseInspection.eventCount(path)).map { Int($0) }
    }
}

/// Ledger CSV files for the tests.
enum LedgerFiles {
    static let header = ["id", "address", "district", "community", "building", "unit", "homes", "floors",
                         "stage", "entered", "entered:intake", "entered:helper-assignment", "helper", "priority", "difficulty"]

    /// `count` valid consultation-stage rows of the elevator-retrofit workflow, ids `prefix-00000`…
    static func rows(_ count: Int, prefix: String = "LG") -> [[String]] {
        (0..<count).map { index in
            let id = "\(prefix)-\(String(repeating: "0", count: max(0, 5 - "\(index)".count)))\(index)"
            return [id, "德州市德城区新华路\(index)号, \(index % 7 + 1)栋", "德城区", "新华小区", "\(index % 9 + 1)", "\(index % 3 + 1)",
                    "\(12 + index % 6)", "6", "consultation", "2025-03-\(twoDigits(index % 28 + 1))", "2025-01-06",
                    "2025-02-0\(index % 5 + 1)", index % 2 == 0 ? "李娜" : "王强", index % 4 == 0 ? "urgent" : "normal", "easy"]
        }
    }

    /// A whole file: header and rows, RFC 4180, LF line ends.
    static func csv(_ rows: [[String]], header: [String] = header) -> Data {
        let lines = ([header] + rows).map { $0.map(quoted).joined(separator: ",") }
        return Data((lines.joined(separator: "\n") + "\n").utf8)
    }

    static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    static func quoted(_ cell: String) -> String {
        cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
            ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
    }
}

