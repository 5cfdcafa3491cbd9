import Foundation
import RetrofitTestSupport
import Testing

@Suite("retrofit import and export")
struct LedgerImportCommandTests {
    @Test("--dry-run prints every problem as FILE:ROW:COLUMN, exits 2 and writes nothing")
    func dryRunReportsEveryProblem() throws {
        let cli = try LedgerCLI.temporary("import-dry")
        defer { cli.cleanUp() }
        var rows = LedgerFiles.rows(3)
        rows[0][6] = "twelve"            // homes: not a whole number (row 2, column 7)
        rows[1][8] = "consultaton"       // unknown stage (row 3, column 9)
        rows[2][0] = rows[0][0]          // duplicate id (row 4, column 1)
        rows[2][9] = "2025-07-01"        // after --now (row 4, column 10)
        try cli.write("cases.csv", LedgerFiles.csv(rows))
        let result = try cli.run("import", "cases.csv", "--workflow", "elevator-retrofit", "--dry-run")
        #expect(result.status == 2, "\(result)")
        let lines = result.errorLines
        #expect(lines.count == 5, "\(result)")
        #expect(lines.contains { $0.hasPrefix("error: cases.csv:2:7: field homes=twelve is not valid") })
        #expect(lines.contains { $0.hasPrefix("error: cases.csv:3:9: unknown stage 'consultaton' (did you mean 'consultation'?)") })
        #expect(lines.contains { $0.hasPrefix("error: cases.csv:4:1: case id 'LG-00000' is also on row 2") })
        #expect(lines.contains { $0.hasPrefix("error: cases.csv:4:10: entered 2025-07-01 is in the future") })
        #expect(lines.last == "error: 4 problems in cases.csv; nothing was imported")
        #expect(!FileManager.default.fileExists(atPath: cli.database))
    }

    @Test("a real import with a bad row imports nothing; fixed, it imports everything once")
    func badRowImportsNothing() throws {
        let cli = try LedgerCLI.temporary("import-all-or-nothing")
        defer { cli.cleanUp() }
        var rows = LedgerFiles.rows(20)
        rows[19][9] = "2025-02-30"
        try cli.write("cases.csv", LedgerFiles.csv(rows))
        let refused = try cli.run("import", "cases.csv", "--workflow", "elevator-retrofit", "--batch", "5")
        #expect(refused.status == 2)
        #expect(refused.errorLines.first == "error: cases.csv:21:10: entered '2025-02-30' is not a date; expected YYYY-MM-DD")
        #expect(LedgerCLI.eventCount(cli.database) == nil || LedgerCLI.eventCount(cli.database) == 0)

        rows[19][9] = "2025-02-28"
        try cli.write("cases.csv", LedgerFiles.csv(rows))
        let imported = try cli.run("import", "cases.csv", "--workflow", "elevator-retrofit", "--batch", "5")
        #expect(imported.status == 0, "\(imported)")
        #expect(imported.stdout == "imported 20 cases from cases.csv\n")
        // Not a terminal: one plain progress line per batch.
        #expect(imported.stderr.split(separator: "\n").count == 4)
        #expect(imported.stderr.hasPrefix("import: batch 1/4: 5/20 rows (5 imported, 0 skipped)"))

        let again = try cli.run("import", "cases.csv", "--workflow", "elevator-retrofit")
        #expect(again.stdout == "imported 0 cases from cases.csv; skipped 20 already imported\n")
        let inspection = try LedgerDatabaseInspection.inspect(cli.database)
        #expect(inspection.eventCount == 20)
        #expect(inspection.types.values.allSatisfy { $0 == ["imported"] })
        #expect(inspection.isSound)
    }

    @Test("the imported event names the file, its SHA-256 and the row")
    func importedEventNamesItsSource() throws {
        let cli = try LedgerCLI.temporary("import-event")
        defer { cli.cleanUp() }
        let data = LedgerFiles.csv(LedgerFiles.rows(2))
        try cli.write("ledger.csv", data)
        #expect(try cli.run("import", "ledger.csv", "--workflow", "elevator-retrofit").status == 0)
        let history = try cli.run("case", "history", "LG-00001", "--json")
        #expect(history.stdout.contains("\"source\" : \"ledger.csv\""), "\(history)")
        #expect(history.stdout.contains("\"row\" : 3"))
        #expect(history.stdout.contains("\"sha256\" : \"\(LedgerDatabaseInspection.digest(data))\""))
        let show = try cli.run("case", "show", "LG-00001")
        #expect(show.stdout.contains("from ledger.csv row 3, in consultation"))
    }

    @Test("a case id taken by a case opened in retrofit is skipped with a warning, never overwritten")
    func clashingIDIsSkipped() throws {
        let cli = try LedgerCLI.temporary("import-clash")
        defer { cli.cleanUp() }
        let opened = try cli.run(["case", "open", "--workflow", "elevator-retrofit", "--id", "LG-00001", "--at", "2025-06-01"]
                                 + ["address=a", "district=德城区", "community=c", "building=1", "unit=1", "homes=12", "floors=6"]
                                    .flatMap { ["--field", $0] })
        #expect(opened.status == 0, "\(opened)")
        try cli.write("cases.csv", LedgerFiles.csv(LedgerFiles.rows(3)))
        let result = try cli.run("import", "cases.csv", "--workflow", "elevator-retrofit")
        #expect(result.status == 0)
        #expect(result.stdout == "imported 2 cases from cases.csv; skipped 1 whose id is taken (see warnings)\n")
        #expect(result.stderr.contains("warning: cases.csv:3: case LG-00001 already exists, opened in retrofit"))
        let inspection = try LedgerDatabaseInspection.inspect(cli.database)
        #expect(inspection.types["LG-00001"] == ["opened"])
    }

    @Test("export then import into an empty database gives the same cases, stage dates and fields")
    func exportImportRoundTrip() throws {
        let cli = try LedgerCLI.temporary("round-trip")
        defer { cli.cleanUp() }
        var rows = LedgerFiles.rows(6)
        rows[0][1] = "=HYPERLINK(\"http://x\",\"点我\")"        // formula injection attempt
        rows[1][1] = "-1+2"
        rows[2][1] = "''=two apostrophes"
        rows[3][1] = "line one\nline two, \"quoted\""
        rows[4][12] = "@helper"
        try cli.write("in.csv", LedgerFiles.csv(rows))
        #expect(try cli.run("import", "in.csv", "--workflow", "elevator-retrofit").status == 0)
        // A case with a history of its own: opened, accepted, assigned, moved on.
        let fields = ["address=德州市陵城区1号", "district=陵城区", "community=c", "building=1", "unit=1", "homes=12", "floors=6"]
        #expect(try cli.run(["case", "open", "--workflow", "elevator-retrofit", "--id", "OPEN-1", "--at", "2025-03-03"]
                            + fields.flatMap { ["--field", $0] }).status == 0)
        #expect(try cli.run("case", "advance", "OPEN-1", "--at", "2025-03-05").status == 0)
        #expect(try cli.run("case", "assign", "OPEN-1", "--helper", "张伟", "--at", "2025-03-06").status == 0)
        #expect(try cli.run("case", "advance", "OPEN-1", "--at", "2025-03-07").status == 0)
        let first = try cli.run("export", "out.csv")
        #expect(first.status == 0, "\(first)")
        #expect(first.stdout == "exported 7 cases to out.csv\n")
        let exported = try #require(FileManager.default.contents(atPath: cli.path("out.csv")))
        #expect(exported.starts(with: [0xEF, 0xBB, 0xBF]))
        let text = String(decoding: exported, as: UTF8.self)
        #expect(text.contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"点我\"\")\""))
        #expect(text.contains(",'-1+2,"))
        #expect(text.contains(",''=two apostrophes,"))
        #expect(text.contains("OPEN-1,elevator-retrofit,德州市陵城区1号,"))
        #expect(text.contains(",consultation,2025-03-07,2025-03-03,2025-03-05,"))
        #expect(text.contains(",'@helper,"))

        var fresh = cli
        fresh.environment["RETROFIT_DB"] = cli.path("fresh.sqlite")
        let reimport = try fresh.run("import", "out.csv")
        #expect(reimport.status == 0, "\(reimport)")
        let second = try fresh.run("export", "again.csv")
        #expect(second.status == 0)
        #expect(FileManager.default.contents(atPath: cli.path("again.csv")) == exported)
        #expect(try cli.run("case", "list").stdout == fresh.run("case", "list").stdout)
        let show = try fresh.run("case", "show", "LG-00003", "--json")
        #expect(show.stdout.contains("line one\\nline two, \\\"quoted\\\""), "\(show)")
        #expect(try fresh.run("case", "show", "LG-00002", "--json").stdout.contains("\"'=two apostrophes\""))
    }

    @Test("once people are registered, only a manager or an admin may import")
    func importNeedsAManager() throws {
        var cli = try LedgerCLI.temporary("import-role")
        defer { cli.cleanUp() }
        #expect(try cli.run("people", "add", "tester", "--role", "admin").status == 0)
        #expect(try cli.run("people", "add", "李娜", "--role", "helper").status == 0)
        try cli.write("cases.csv", LedgerFiles.csv(LedgerFiles.rows(2)))
        cli.environment["RETROFIT_ACTOR"] = "李娜"
        let refused = try cli.run("import", "cases.csv", "--workflow", "elevator-retrofit")
        #expect(refused.status == 3, "\(refused)")
        #expect(refused.errorLines == ["error: 李娜 is a helper; importing a ledger needs a manager or an admin"])
        cli.environment["RETROFIT_ACTOR"] = "tester"
        #expect(try cli.run("import", "cases.csv", "--workflow", "elevator-retrofit").status == 0)
    }

    @Test("export refuses to overwrite without --force and writes to standard output with -")
    func exportDestination() throws {
        let cli = try LedgerCLI.temporary("export-destination")
        defer { cli.cleanUp() }
        try cli.write("in.csv", LedgerFiles.csv(LedgerFiles.rows(2)))
        #expect(try cli.run("import", "in.csv", "--workflow", "elevator-retrofit").status == 0)
        let refused = try cli.run("export", "in.csv")
        #expect(refused.status == 2)
        #expect(refused.errorLines == ["error: in.csv already exists; choose a new name or give --force to replace it"])
        let forced = try cli.run("export", "in.csv", "--force")
        #expect(forced.status == 0)
        let piped = try cli.run("export", "-", "--workflow", "elevator-retrofit")
        #expect(piped.stdout.hasPrefix("\u{FEFF}id,workflow,address"))
        #expect(piped.stderr == "exported 2 cases to standard output\n")
    }

    @Test("on a terminal, progress is one updating line with rows, rate and time left",
          .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func terminalProgress() throws {
        let cli = try LedgerCLI.temporary("import-tty")
        defer { cli.cleanUp() }
        try cli.write("cases.csv", LedgerFiles.csv(LedgerFiles.rows(30)))
        // script(1) runs the command on a pseudo-terminal, so isatty(2) is true inside.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qc", "\(LedgerCLI.binary.path) import cases.csv --workflow elevator-retrofit --batch 10", "/dev/null"]
        process.currentDirectoryURL = cli.directory
        process.environment = cli.environment
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: LedgerCLI.readAll(output.fileHandleForReading), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(text.contains("\r\u{1B}[Kimporting: 30/30 rows (30 imported, 0 skipped) 100% · "), "\(text)")
        #expect(text.contains(" rows/s · "))
        #expect(!text.contains("import: batch"))
        #expect(text.contains("imported 30 cases from cases.csv"))
    }

    @Test("a file that is not UTF-8 is refused with its byte offset")
    func notUTF8() throws {
        let cli = try LedgerCLI.temporary("import-gbk")
        defer { cli.cleanUp() }
        var data = Data("id,workflow,stage,entered\nA-1,elevator-retrofit,intake,2025-01-02\nA-2,".utf8)
        let offset = data.count
        data += Data([0xB5, 0xC2, 0xD6, 0xDD])   // 德州 in GBK
        try cli.write("gbk.csv", data)
        let result = try cli.run("import", "gbk.csv", "--dry-run")
        #expect(result.status == 2)
        #expect(result.errorLines.first?.hasPrefix("error: gbk.csv: byte \(offset) (line 3): not valid UTF-8") == true, "\(result)")
    }
}
