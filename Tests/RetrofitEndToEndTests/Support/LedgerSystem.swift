import Foundation

/// The operating-system tricks the damaged-database tests need: immutable files, tiny file systems.
enum LedgerSystem {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Runs a program from the PATH and waits; throws unless it exits 0.
    static func shell(_ arguments: String...) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            throw Failure(description: "\(arguments.joined(separator: " ")) failed (\(process.terminationStatus))")
        }
    }

    static func chattr(_ flag: String, _ path: String) throws { try shell("chattr", flag, path) }

    /// `chattr +i` works here (root on a file system that supports it): even root cannot write the file.
    static let canMakeImmutable: Bool = {
        let probe = FileManager.default.temporaryDirectory.appendingPathComponent("retrofit-chattr-\(UUID().uuidString)").path
        guard FileManager.default.createFile(atPath: probe, contents: Data("x".utf8)) else { return false }
        defer {
            try? chattr("-i", probe)
            try? FileManager.default.removeItem(atPath: probe)
        }
        guard (try? chattr("+i", probe)) != nil else {
            print("skipping read-only tests: chattr +i is not available here")
            return false
        }
        return !FileManager.default.isWritableFile(atPath: probe) || (try? Data("y".utf8).write(to: URL(fileURLWithPath: probe))) == nil
    }()

    /// A tmpfs can be mounted here (root with CAP_SYS_ADMIN).
    static let canMountTmpfs: Bool = {
        let probe = FileManager.default.temporaryDirectory.appendingPathComponent("retrofit-mount-\(UUID().uuidString)").path
        guard (try? FileManager.default.createDirectory(atPath: probe, withIntermediateDirectories: true)) != nil else { return false }
        defer { try? FileManager.default.removeItem(atPath: probe) }
        guard (try? shell("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", probe)) != nil else {
            print("skipping the full-disk test: cannot mount a tmpfs here")
            return false
        }
        try? shell("umount", probe)
        return true
    }()

    /// Fills the file system holding `path` with a file of zeros, then frees `kilobytes` KB of it.
    static func fill(_ path: String, leaving kilobytes: Int) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil) else { throw Failure(description: "cannot create \(path)") }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        let chunk = Data(count: 4096)
        var written: UInt64 = 0
        while (try? handle.write(contentsOf: chunk)) != nil { written += 4096 }
        try handle.truncate(atOffset: written - min(written, UInt64(kilobytes * 1024)))
    }
}
