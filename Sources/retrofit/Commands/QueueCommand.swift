import ArgumentParser
import RetrofitApp
import RetrofitCore
import RetrofitReports

struct QueueCommand: AsyncParsableCommand {
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

    func run() async throws {
        let request = QueueRequest(helper: helper, district: district, asOf: try global.date(asOf, option: "--as-of"), includeMoves: json)
        let queue = try await global.app().queue(request, by: global.actingPerson)
        if json { try printJSON(queue.entries) } else { print(QueueReport.table(queue.entries)) }
    }
}
