import Foundation
import RetrofitTestSupport
import Testing

/// The manager's reports through the built binary: the year they default to, file formats taken from `--out`,
/// the forecast checked against the year asked for, and the HTML page covering every workflow.
@Suite("Report years, formats and the manager's page, run as a user would")
struct ReportOptionsCommandTests {
    let folder: URL
    let cli: RetrofitProcess

    /// A demo programme as of 1 August 2025: some cases are forecast for later in 2025, others for 2026.
    init() throws {
        folder = try Fixtures.temporaryDirectory()
        cli = RetrofitProcess(directory: folder, now: "2025-08-01T10:00")
        let demo = try cli.run(["demo", "--cases", "30", "--seed", "7", "--quiet"])
        #expect(demo.status == 0, "\(demo)")
    }

    func json(_ result: RetrofitProcess.Result) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    }

    @Test("report progress without --year is the clock's year")
    func progressDefaultsToThisYear() throws {
        let implicit = try cli.run("report", "progress")
        let explicit = try cli.run("report", "progress", "--year", "2025")
        #expect(implicit.status == 0, "\(implicit)")
        #expect(implicit.stdout == explicit.stdout)
        #expect(implicit.stdout.hasPrefix("Progress 2025 — "))
        #expect(try cli.run(["report", "progress"], environment: ["RETROFIT_NOW": "2026-02-01"]).stdout.hasPrefix("Progress 2026 — "))
    }

    @Test("a two-digit --year is an error, not a report of year 25", arguments: [
        ["report", "progress"], ["report", "commissioned"], ["report", "html", "--out", "page.html"],
    ])
    func twoDigitYear(command: [String]) throws {
        let result = try cli.run(command + ["--year", "25"])
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr == "error: --year 25 is not a year; expected four digits, e.g. 2025\n")
        #expect(result.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("page.html").path))
    }

    @Test("a case forecast before the year asked for is neither in it nor after its end, and not among those it needs")
    func forecastBeforeTheYear() throws {
        let result = try cli.run("report", "progress", "--year", "2026", "--json")
        #expect(result.status == 0, "\(result)")
        let report = try #require(try json(result) as? [String: Any])
        let forecast = try #require(report["forecast"] as? [String: Any])
        let cases = try #require(forecast["cases"] as? [[String: Any]])
        let early = cases.filter { ($0["expected"] as? String ?? "9999") < "2026-01-01" }
        try #require(!early.isEmpty, "the demo should have cases forecast for 2025")
        for item in early {
            #expect(item["inYear"] as? Bool == false)
            #expect(item["daysAfterYearEnd"] as? Int == 0)
        }
        let mustMove = try #require(forecast["mustMove"] as? [[String: Any]])
        let earlyIDs = Set(early.compactMap { $0["id"] as? String })
        #expect(mustMove.allSatisfy { !earlyIDs.contains($0["id"] as? String ?? "") })
        let late = mustMove.filter { ($0["daysAfterYearEnd"] as? Int ?? 0) > 0 }.count
        let summary = forecast["summary"] as? String ?? ""
        #expect(summary.contains("\(early.count) case\(early.count == 1 ? " is" : "s are") forecast before 2026 and count\(early.count == 1 ? "s" : "") for an earlier year."), "\(summary)")
        #expect(summary.contains(", \(late) of them forecast after the year end") || !summary.contains("forecast after the year end"), "\(summary)")

        let table = try cli.run("report", "progress", "--year", "2026")
        let rows = table.stdout.split(separator: "\n").filter { line in earlyIDs.contains { line.hasPrefix($0 + " ") } }
        #expect(rows.count == early.count)
        #expect(rows.allSatisfy { $0.contains("  before  ") }, "\(rows)")
    }

    @Test("--out with .csv or .json and no --format writes that format", arguments: ["csv", "json"])
    func formatFromFileName(format: String) throws {
        let path = folder.appendingPathComponent("commissioned.\(format)").path
        let written = try cli.run("report", "commissioned", "--year", "2025", "--out", path)
        #expect(written.status == 0, "\(written)")
        let printed = try cli.run("report", "commissioned", "--year", "2025", "--format", format)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(printed.stdout.utf8))
    }

    @Test("a --format the --out file name contradicts is an error, and nothing is written")
    func conflictingFormat() throws {
        let path = folder.appendingPathComponent("commissioned.csv").path
        let result = try cli.run("report", "commissioned", "--year", "2025", "--format", "json", "--out", path)
        #expect(result.status == 2)
        #expect(result.stderr == "error: --format json conflicts with --out \(path), a .csv file; give --format csv, or another file name\n")
        #expect(!FileManager.default.fileExists(atPath: path))
        let table = try cli.run("report", "commissioned", "--year", "2025", "--format", "table", "--out", path)
        #expect(table.status == 2)
        let html = try cli.run("report", "commissioned", "--year", "2025", "--out", folder.appendingPathComponent("c.html").path)
        #expect(html.status == 2)
        #expect(html.stderr.contains("'retrofit report html' writes the HTML page"))
        let page = try cli.run("report", "html", "--out", folder.appendingPathComponent("page.csv").path)
        #expect(page.status == 2)
        #expect(page.stderr.contains("names a .csv file, but this report is written as HTML"))
        // A name without a known extension keeps the format given (or the table).
        let text = folder.appendingPathComponent("commissioned.txt").path
        #expect(try cli.run("report", "commissioned", "--year", "2025", "--format", "json", "--out", text).status == 0)
        #expect(try String(contentsOfFile: text, encoding: .utf8).hasPrefix("{"))
    }

    @Test("the HTML page covers every workflow: its overdue count is overdue's, with stage titles, Chinese first")
    func htmlCoversEveryWorkflow() throws {
        // A larger programme, later in the year: overdue cases in both workflows.
        var cli = cli
        cli.environment["RETROFIT_NOW"] = "2025-11-20T10:00"
        cli.environment["RETROFIT_DB"] = folder.appendingPathComponent("later.sqlite").path
        #expect(try cli.run("demo", "--cases", "60", "--seed", "7", "--quiet").status == 0)
        func json(_ result: RetrofitProcess.Result) throws -> Any { try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) }
        let overdue = try #require(try json(try cli.run("overdue", "--json")) as? [[String: Any]])
        try #require(Set(overdue.compactMap { $0["workflow"] as? String }).count == 2, "the demo should have overdue cases of both workflows")
        let path = folder.appendingPathComponent("report.html").path
        let result = try cli.run("report", "html", "--out", path)
        #expect(result.status == 0, "\(result)")
        let page = try String(contentsOfFile: path, encoding: .utf8)
        #expect(page.contains("<h2>逾期案件（\(overdue.count) 件）/ Overdue cases (\(overdue.count))</h2>"))
        #expect(page.components(separatedBy: "<tr><td>").count - 1 == overdue.count)
        #expect(page.contains("（elevator-retrofit）") && page.contains("（elevator-renewal）"))
        // Stage titles, not ids, in the overdue table.
        let cells = page.components(separatedBy: "<td>").dropFirst().map { $0.components(separatedBy: "</td>")[0] }
        for entry in overdue {
            #expect(!cells.contains(entry["stage"] as? String ?? ""), "stage id \(entry["stage"] ?? "") shown")
        }
        // Every paragraph in Chinese comes first, its English right after; no reference to a list the page lacks.
        let paragraphs = page.components(separatedBy: "<p class=\"").dropFirst().map { $0.components(separatedBy: "</p>")[0] }
        #expect(!paragraphs.isEmpty)
        for (index, paragraph) in paragraphs.enumerated() {
            let chinese = index % 2 == 0
            #expect(paragraph.contains(chinese ? "lang=\"zh-CN\"" : "lang=\"en\""), "\(paragraph)")
            #expect(paragraph.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } == chinese, "\(paragraph)")
        }
        #expect(!page.contains("listed"))
        // One workflow asked for: only its section and its overdue cases, as 'overdue --workflow' lists them.
        let one = try #require(try json(try cli.run("overdue", "--json", "--workflow", "elevator-renewal")) as? [[String: Any]])
        #expect(try cli.run("report", "html", "--workflow", "elevator-renewal", "--out", path).status == 0)
        let renewal = try String(contentsOfFile: path, encoding: .utf8)
        #expect(renewal.contains("<h2>逾期案件（\(one.count) 件）/ Overdue cases (\(one.count))</h2>"))
        #expect(!renewal.contains("（elevator-retrofit）"))
    }
}
