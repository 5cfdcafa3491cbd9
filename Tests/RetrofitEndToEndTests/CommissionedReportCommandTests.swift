import Foundation
import RetrofitTestSupport
import Testing

/// `report commissioned` through the built binary: what goes to standard output, what goes to `--out`.
@Suite("report commissioned, run as a user would")
struct CommissionedReportCommandTests {
    let folder: URL
    let cli: RetrofitProcess

    init() throws {
        folder = try Fixtures.temporaryDirectory()
        var cli = RetrofitProcess(directory: folder, now: "2025-12-15T17:00")
        cli.environment["RETROFIT_DB"] = folder.appendingPathComponent("demo.sqlite").path
        self.cli = cli
        let demo = try cli.run(["demo", "--cases", "150", "--seed", "7", "--quiet"])
        #expect(demo.status == 0, "\(demo)")
    }

    func leftovers() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".partial") }
    }

    @Test("--out writes the same text as standard output, and says how many elevators", arguments: ["table", "json", "csv"])
    func outMatchesStandardOutput(format: String) throws {
        let printed = try cli.run(["report", "commissioned", "--year", "2025", "--format", format])
        #expect(printed.status == 0, "\(printed)")
        let path = folder.appendingPathComponent("commissioned.\(format)").path
        let written = try cli.run(["report", "commissioned", "--year", "2025", "--format", format, "--out", path])
        #expect(written.status == 0, "\(written)")
        // Compared as bytes: reading the file as a String would drop the CSV's byte-order mark.
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(printed.stdout.utf8))
        #expect(written.stdout.hasPrefix("wrote ") && !written.stdout.hasPrefix("wrote 0 ") && written.stdout.hasSuffix(" to \(path)\n"))
        #expect(try leftovers().isEmpty)
        if format == "csv" {
            #expect(printed.stderr.hasPrefix("note: audit head event "))
        } else {
            #expect(printed.stdout.hasSuffix("\n"))
        }
    }

    @Test("a report that fails leaves no file behind")
    func failureLeavesNoFile() throws {
        let path = folder.appendingPathComponent("nothing.csv").path
        let result = try cli.run(["report", "commissioned", "--year", "2025", "--format", "csv", "--workflow", "nope", "--out", path])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("error: no case runs under workflow 'nope'"))
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(try leftovers().isEmpty)
    }
}
