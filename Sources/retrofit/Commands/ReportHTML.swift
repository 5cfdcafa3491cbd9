import ArgumentParser
import RetrofitApp
import RetrofitReports

struct ReportHTML: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "html",
        abstract: "Write one self-contained HTML page: for each workflow progress to target, stage funnel, working days per stage; then every overdue case.",
        discussion: """
            Every workflow in the database has its section, and the overdue list is the one 'retrofit overdue' shows \
            (with --workflow, only that workflow's). Each sentence is in Chinese, then in English. \
            The page needs nothing else: charts are inline SVG, there is no script and nothing is fetched. \
            It is well-formed XHTML, declares UTF-8 with a Chinese font stack, and prints on A4.
            Example:
              retrofit report html --year 2025 --out report.html
            """
    )
    @OptionGroup var global: GlobalOptions
    @Option(help: "The calendar year (default: this year).") var year: Int?
    @Option(help: "Only this workflow (default: every workflow in the database).") var workflow: String?
    @Option(help: "The file to write, e.g. report.html (a .csv or .json name is refused).") var out: String

    func run() async throws {
        if let year { _ = try ReportRunning.year(year, option: "--year") }
        try ReportFileFormat.check(out, writes: .html)
        let report = try await global.app().htmlReport(HTMLReportRequest(year: year, workflowID: workflow), by: global.actingPerson)
        try ReportRunning.emit(report.html(), to: out)
        print("wrote \(out)")
    }
}
