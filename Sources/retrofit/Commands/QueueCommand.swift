import ArgumentParser
import RetrofitApp
import RetrofitCore
import RetrofitReports
import RetrofitStore

struct QueueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queue",
        abstract: "A helper's work list: overdue first, then due soon, urgent before normal, easy before hard.",
        discussion: """
            The order follows the city's principle 先急后缓、先易后难: overdue (most late first), then due soon, \
            then urgent before normal, then easy before hard, then the oldest deadline.
            Example:
              retrofit queue --helper 李娜
            """
    )
    @OptionGroup var global: GlobalOptions
    @Option(help: "Only this helper's cases.") var helper: String?
    @Option(help: "Only this district.") var district: String?
    @Option(help: "As of this day (default: today).") var asOf: String?
    @Flag(help: "Print as JSON.") var json = false

    func run() throws {
        try runReporting {
            let date = try global.date(asOf, option: "--as-of") ?? global.clock().date
            let store = try global.store(.read)
            let filter = CaseFilter(district: district, helper: helper)
            if filter.namesAny { try store.check(filter, definitions: try global.catalog().definitions()) }
            let entries = try QueueReport.build(store, calendars: try global.loadCalendars(), on: date,
                                                helper: helper, district: district, actor: global.actorName, keepingMoves: json)
            if json { try printJSON(entries) } else { print(QueueReport.table(entries)) }
        }
    }
}
