import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs child processes and measures them with wait4's rusage: wall time and peak memory (ru_maxrss).
enum Spawn {
    struct Run {
        let status: Int32
        let seconds: Double
        /// Peak resident memory, from `/usr/bin/time -f %M` when asked for (else nil). wait4's ru_maxrss
        /// cannot be used: posix_spawn is a vfork, and Linux carries the parent's peak into the child's.
        let maxRSSMB: Double?
    }

    static let timeCommand = "/usr/bin/time"

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Runs `path arguments…` with stdin from `stdin` (or /dev/null) and stdout to `stdout` (or /dev/null);
    /// stderr is inherited unless `stderr` is given. The child starts in this process's directory.
    static func run(_ path: String, _ arguments: [String], stdin: String? = nil, stdout: String? = nil, stderr: String? = nil,
                    environment: [String: String] = [:], memory: Bool = false) throws -> Run {
        if memory {
            guard FileManager.default.isExecutableFile(atPath: timeCommand) else {
                throw Failure(description: "\(timeCommand) is missing (apt-get install -y time)")
            }
            let report = NSTemporaryDirectory() + "retrofit-bench-time-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).txt"
            defer { try? FileManager.default.removeItem(atPath: report) }
            let run = try run(timeCommand, ["-f", "%M", "-o", report, path] + arguments, stdin: stdin, stdout: stdout, stderr: stderr,
                              environment: environment)
            let kilobytes = ((try? String(contentsOfFile: report, encoding: .utf8)) ?? "").split(separator: "\n")
                .compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }.last
            return Run(status: run.status, seconds: run.seconds, maxRSSMB: kilobytes.map { $0 / 1024 })
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdin ?? "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if let stderr { posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o644) }

        var merged = ProcessInfo.processInfo.environment
        for (key, value) in environment { merged[key] = value }
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let start = Measure.now()
        let spawned = posix_spawn(&pid, path, &actions, nil, argv, envp)
        guard spawned == 0 else { throw Failure(description: "cannot start \(path): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else { throw Failure(description: "wait4 failed for \(path)") }
        }
        let seconds = Measure.now() - start
        let exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return Run(status: exitStatus, seconds: seconds, maxRSSMB: nil)
    }

    /// Like `run`, but fails unless the exit status is 0.
    @discardableResult
    static func checked(_ path: String, _ arguments: [String], stdin: String? = nil, stdout: String? = nil,
                        environment: [String: String] = [:], memory: Bool = false) throws -> Run {
        let errors = NSTemporaryDirectory() + "retrofit-bench-stderr-\(getpid()).txt"
        defer { try? FileManager.default.removeItem(atPath: errors) }
        let result = try run(path, arguments, stdin: stdin, stdout: stdout, stderr: errors, environment: environment, memory: memory)
        guard result.status == 0 else {
            let message = (try? String(contentsOfFile: errors, encoding: .utf8)) ?? ""
            throw Failure(description: "\(([path] + arguments).joined(separator: " ")) exited \(result.status): \(message.prefix(2_000))")
        }
        return result
    }

    /// Runs a command and returns its standard output.
    static func capture(_ path: String, _ arguments: [String], environment: [String: String] = [:]) throws -> String {
        let output = NSTemporaryDirectory() + "retrofit-bench-out-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).txt"
        defer { try? FileManager.default.removeItem(atPath: output) }
        try checked(path, arguments, stdout: output, environment: environment)
        return (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
    }

    /// The absolute path of an executable found on PATH, or nil.
    static func which(_ name: String) -> String? {
        if name.contains("/") { return FileManager.default.isExecutableFile(atPath: name) ? name : nil }
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
