import ArgumentParser
import RetrofitApp
import RetrofitReports

struct ReportBottlenecks: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bottlenecks",
        abstract: "Where cases get stuck: per stage, cases now, overdue, working days taken, rework, share of waiting days.",
        discussion: """
            Per stage in workflow order: cases in the stage now, overdue now, suspended now; visits completed in \
            the period with their median, 90th-percentile and longest working days (nearest rank; suspended days \
            shown separately and not counted); rework (returns to a stage a case had left); and waiting days, the \
            working days all cases spent in the stage within the period. The first line names the stage holding \
            the most waiting days. --by repeats every figure per district or per helper (the case's current one).
            Examples:
              retrofit report bottlenecks
              retrofit report bottlenecks --from 2025-01-01 --to 2025-06-30 --by helper
              retrofit report bottlenecks --workflow elevator-retrofit --json
            """
    )
    @OptionGroup var global: GlobalOptions
    @Option(help: "The period's first day, YYYY-MM-DD (default: since the first case).") var from: String?
    @Option(help: "The period's last day, YYYY-MM-DD (default: today).") var to: String?
    @Option(help: "Only this workflow (default: each workflow in the database).") var workflow: String?
    @Option(help: "Break every figure down by district or helper.") var by: BottleneckGrouping?
    @Flag(help: "Print as JSON.") var json = false

    func run() async throws {
        let request = BottleneckReportRequest(from: try global.date(from, option: "--from"), to: try global.date(to, option: "--to"),
                                              workflowID: workflow, grouping: by)
        let report = try await global.app().bottleneckReport(request, by: global.actingPerson)
        print(json ? try ReportJSON.text(report) : report.table())
    }
}
