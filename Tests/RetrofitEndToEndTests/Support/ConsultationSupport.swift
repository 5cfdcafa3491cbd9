import Foundation
import Testing

/// What one run of the `retrofit` binary did.
struct ConsultationRun: CustomStringConvertible {
    let status: Int32
    let stdout: String
    let stderr: String

    /// The `error:` lines of stderr.
    var errorLines: [String] { stderr.split(separator: "\n").map(String.init).filter { $0.hasPrefix("error: ") } }

    var description: String { "exit \(status)\n--- stdout\n\(stdout)\n--- stderr\n\(stderr)" }
}

/// Why the end-to-end tests cannot run.
struct ConsultationSetupError: Error, CustomStringConvertible {
    let description: String
}

/// A temporary folder with its own database, in which the built `retrofit` binary runs with
/// a fixed clock. Each test makes its own; the folder is removed when it goes away.
final class ConsultationWorkspace {
    /// The package root, found by walking up from this file to `Package.swift`.
    static let packageRoot: URL? = {
        var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while folder.path != "/" {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) { return folder }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }()

    /// `<package>/.build/debug/retrofit`, built by `swift build`.
    static func binary() throws -> URL {
        guard let root = packageRoot else {
            throw ConsultationSetupError(description: "cannot find Package.swift above \(#filePath)")
        }
        let binary = root.appendingPathComponent(".build/debug/retrofit")
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            throw ConsultationSetupError(description: "the retrofit binary is missing at \(binary.path); run 'swift build' before the end-to-end tests")
        }
        return binary
    }

    /// `<package>/workflows/examples`, the Dezhou and Beijing workflows.
    static var examples: String { (packageRoot?.appendingPathComponent("workflows/examples").path) ?? "workflows/examples" }

    let folder: URL
    let binary: URL
    /// The clock every run uses unless a run gives its own `--now`.
    var now = "2025-07-01"

    init() throws {
        binary = try Self.binary()
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("retrofit-consult-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    var database: String { folder.appendingPathComponent("retrofit.sqlite").path }

    /// Runs `retrofit ARGUMENTS` in the folder with `--db` and the clock set by environment.
    @discardableResult
    func run(_ arguments: [String]) throws -> ConsultationRun {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("RETROFIT_") }
        environment["RETROFIT_DB"] = database
        environment["RETROFIT_NOW"] = now
        environment["RETROFIT_ACTOR"] = "李娜"
        process.environment = environment
        // Files, not pipes: a pipe whose reader waits for the process can fill up and hang it.
        let id = UUID().uuidString
        let outURL = folder.appendingPathComponent("\(id).out"), errURL = folder.appendingPathComponent("\(id).err")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        let stdout = String(decoding: try Data(contentsOf: outURL), as: UTF8.self)
        let stderr = String(decoding: try Data(contentsOf: errURL), as: UTF8.self)
        try? FileManager.default.removeItem(at: outURL)
        try? FileManager.default.removeItem(at: errURL)
        return ConsultationRun(status: process.terminationStatus, stdout: stdout, stderr: stderr)
    }

    @discardableResult
    func run(_ arguments: String...) throws -> ConsultationRun { try run(arguments) }

    /// Runs and records a test failure (with the run's output) unless it exits 0.
    @discardableResult
    func succeed(_ arguments: String..., sourceLocation: SourceLocation = #_sourceLocation) throws -> ConsultationRun {
        let result = try run(arguments)
        #expect(result.status == 0, "retrofit \(arguments.joined(separator: " "))\n\(result)", sourceLocation: sourceLocation)
        return result
    }

    /// Writes `text` as UTF-8 to `name` in the folder and returns its path.
    func write(_ name: String, _ text: String) throws -> String {
        try write(name, Data(text.utf8))
    }

    func write(_ name: String, _ data: Data) throws -> String {
        let url = folder.appendingPathComponent(name)
        try data.write(to: url)
        return url.path
    }

    /// Opens case `id` in `workflow` on `date` with every intake field filled.
    func open(_ id: String, workflow: String = "elevator-retrofit", on date: String = "2025-05-06", extra: [String] = []) throws {
        let fields = ["address=德州市德城区新华路12号", "district=德城区", "community=新华小区", "building=3", "unit=1",
                      "homes=13", "floors=7"].flatMap { ["--field", $0] }
        let result = try run(["case", "open", "--workflow", workflow, "--id", id, "--at", date] + fields + extra)
        #expect(result.status == 0, "open \(id): \(result)")
    }

    /// Opens case `id` and takes it to the consultation stage (a helper is assigned first).
    func openInConsultation(_ id: String, workflow: String = "elevator-retrofit", extra: [String] = []) throws {
        try open(id, workflow: workflow, extra: extra)
        try succeed(["case", "advance", id, "--at", "2025-05-07"] + extra)
        try succeed(["case", "assign", id, "--helper", "李娜", "--at", "2025-05-08"] + extra)
        try succeed(["case", "advance", id, "--at", "2025-05-08"] + extra)
    }

    @discardableResult
    func succeed(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> ConsultationRun {
        let result = try run(arguments)
        #expect(result.status == 0, "retrofit \(arguments.joined(separator: " "))\n\(result)", sourceLocation: sourceLocation)
        return result
    }

    /// Parses a run's stdout as JSON.
    func json(_ arguments: String...) throws -> Any {
        let result = try run(arguments)
        guard result.status == 0 else { throw ConsultationSetupError(description: "retrofit \(arguments.joined(separator: " ")): \(result)") }
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    }
}

/// The 13-home register of the tests: 12 owners, 王伟 holds 1-602 and 1-701 (60 m² each),
/// every other home is 80 m², 1,000 m² in all.
let consultationHomesCSV = """
    home,floor,area,owner
    1-101,1,80.00,赵敏
    1-102,1,80.00,钱坤
    1-201,2,80.00,孙丽
    1-202,2,80.00,李强
    1-301,3,80.00,周杰
    1-302,3,80.00,吴芳
    1-401,4,80.00,郑浩
    1-402,4,80.00,冯雪
    1-501,5,80.00,陈晨
    1-502,5,80.00,褚亮
    1-601,6,80.00,卫兰
    1-602,6,60.00,王伟
    1-701,7,60.00,王伟

    """
