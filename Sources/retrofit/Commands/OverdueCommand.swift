import ArgumentParser
import RetrofitApp
import RetrofitCore
import RetrofitReports
import RetrofitStore

struct OverdueCommand: ParsableCommand {
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

    func run() throws {
        try runReporting {
            let today = try global.clock().date
            let date = try global.date(asOf, option: "--as-of") ?? today
            let filter = CaseFilter(workflow: workflow, stage: stage, district: district, helper: helper)
            let store = try global.store(.read)
            if filter.namesAny { try store.check(filter, definitions: try global.catalog().definitions()) }
            let entries: [OverdueEntry]
            if date >= today && !asKnown {
                entries = try OverdueReport.fromProjection(store, on: date, dueSoon: dueSoon, filter: filter)
            } else {
                entries = try OverdueReport.replaying(store, calendars: try global.loadCalendars(), on: date,
                                                      asKnown: asKnown, dueSoon: dueSoon, filter: filter)
            }
            if json {
                try printJSON(entries)
                return
            }
            print(OverdueReport.table(entries, on: date))
            let problems = try store.deadlineProblems()
            if let first = problems.first {
                printWarning("\(problems.count) active case\(problems.count == 1 ? " has" : "s have") no deadline and cannot show as overdue (\(first.id): \(first.problem))")
            }
        }
    }
}
