import ArgumentParser
import RetrofitApp
import RetrofitCore
import RetrofitReports

struct OverdueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "overdue",
        abstract: "List active cases past their stage deadline, most late first.",
        discussion: """
            A case is overdue from 00:00 of the day after its deadline. Suspended cases are not overdue.
            Examples:
              retrofit overdue
              retrofit overdue --due-soon --helper 李娜
              retrofit overdue --as-of 2025-06-30 --json
            """
    )
    @OptionGroup var global: GlobalOptions
    @Option(help: "Answer as of this day (default: today). A past day replays the log as it stood then.") var asOf: String?
    @Flag(help: "With --as-of: also ignore events recorded after that day (what was known then).") var asKnown = false
    @Flag(help: "Also list cases inside their warning window (warn_before working days).") var dueSoon = false
    @Option(help: "Only cases in this stage.") var stage: String?
    @Option(help: "Only this district.") var district: String?
    @Option(help: "Only this helper's cases.") var helper: String?
    @Option(help: "Only this workflow.") var workflow: String?
    @Flag(help: "Print as JSON: an array of {id, stage, deadline, daysLate, helper, …}.") var json = false

    func run() async throws {
        let request = OverdueRequest(asOf: try global.date(asOf, option: "--as-of"), asKnown: asKnown, dueSoon: dueSoon,
                                     selection: CaseSelection(workflow: workflow, stage: stage, district: district, helper: helper))
        let list = try await global.app().overdue(request, by: global.actingPerson)
        if json {
            try printJSON(list.entries)
            return
        }
        print(OverdueReport.table(list.entries, on: list.asOf))
        for warning in list.warnings { printWarning(warning) }
    }
}
