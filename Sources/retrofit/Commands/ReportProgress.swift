import ArgumentParser
import RetrofitApp
import RetrofitReports

struct ReportProgress: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "progress",
        abstract: "Commissioned elevators this year against the target, by month and district, with a year-end forecast.",
        discussion: """
            The forecast gives each case not yet commissioned an expected commissioning day: the stages on its \
            shortest path to the stage marking 'commissioned' each take the median working days of their past \
            visits, or the stage's deadline in the workflow when it has fewer than 3 past visits. From that: the \
            expected year-end count, and the cases that must be commissioned this year for the target to be met. \
            The target is --target, else the workflow's 'target', else 100.
            Examples:
              retrofit report progress
              retrofit report progress --year 2025
              retrofit report progress --year 2025 --target 120 --json
            """
    )
    @OptionGroup var global: GlobalOptions
    @Option(help: "The calendar year (default: this year, by the clock).") var year: Int?
    @Option(help: "Elevators to commission in the year (default: the workflow's target, else 100).") var target: Int?
    @Option(help: "The workflow (default: elevator-retrofit, or the only one in the database).") var workflow: String?
    @Flag(help: "Print as JSON.") var json = false

    func validate() throws {
        if let target, target < 0 { throw ValidationError("--target must be 0 or more") }
    }

    func run() async throws {
        if let year { _ = try ReportRunning.year(year, option: "--year") }
        let request = ProgressReportRequest(year: year, target: target, workflowID: workflow)
        let report = try await global.app().progressReport(request, by: global.actingPerson)
        print(json ? try ReportJSON.text(report) : report.table())
    }
}
