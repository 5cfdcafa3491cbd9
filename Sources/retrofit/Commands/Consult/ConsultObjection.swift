import ArgumentParser
import RetrofitApp
import RetrofitCore
import RetrofitReports

/// `retrofit consult objection`: objections raised during public notice, and their outcome.
struct ConsultObjectionGroup: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "objection",
        abstract: "Record an objection (during public notice), resolve one, or list them.",
        discussion: """
            Objections can be raised only in stages marked 'objections: true' in the workflow (public \
            notice). While one is open, the case cannot leave that stage.
            Example:
              retrofit consult objection ER-2025-0001 --from 赵敏 --text "一楼采光受影响"
              retrofit consult objection resolve ER-2025-0001 1 --outcome mediated --note "调解达成补偿协议"
              retrofit consult objection list ER-2025-0001
            """,
        subcommands: [Raise.self, Resolve.self, List.self],
        defaultSubcommand: Raise.self
    )

    struct Raise: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "raise",
            abstract: "Record an objection (the default: 'consult objection CASE …'); prints its number.",
            discussion: """
                Example:
                  retrofit consult objection ER-2025-0001 --from 赵敏 --text "一楼采光受影响" --at 2025-06-12
                """
        )
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The case id.") var caseID: String
        @Option(help: "Who objects.") var from: String
        @Option(help: "What the objection says.") var text: String
        @Option(help: "When it was raised, YYYY-MM-DD[THH:MM].") var at: String?
        @OptionGroup var output: WriteOutput

        func run() async throws {
            let request = RaiseObjectionRequest(caseID: caseID, from: from, text: text, at: try global.time(at, option: "--at"))
            let result = try await global.app().raiseObjection(request, by: global.actingPerson, created: NewDatabase.created)
            let number = result.number
            try output.report(result.write, "\(caseID): objection #\(number) recorded; \(result.open) open "
                              + "(resolve with 'retrofit consult objection resolve \(caseID) \(number) --outcome …')")
        }
    }

    struct Resolve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "resolve",
            abstract: "Close an objection: withdrawn, mediated or overruled.",
            discussion: """
                Example:
                  retrofit consult objection resolve ER-2025-0001 1 --outcome withdrawn --note "业主书面撤回"
                """
        )
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The case id.") var caseID: String
        @Argument(help: "The objection's number (see 'consult objection list').") var number: Int
        @Option(help: "withdrawn, mediated or overruled.") var outcome: ObjectionOutcome
        @Option(help: "A note kept with the outcome.") var note: String?
        @Option(help: "When it was resolved, YYYY-MM-DD[THH:MM].") var at: String?
        @OptionGroup var output: WriteOutput

        func run() async throws {
            let request = ResolveObjectionRequest(caseID: caseID, number: number, outcome: outcome, note: note,
                                                  at: try global.time(at, option: "--at"))
            let result = try await global.app().resolveObjection(request, by: global.actingPerson, created: NewDatabase.created)
            try output.report(result.write, "\(caseID): objection #\(number) \(outcome.rawValue); \(result.open) open",
                              nothingChanged: "objection #\(number) is already resolved (\(outcome.rawValue))")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List a case's objections, open and resolved.",
            discussion: """
                Example:
                  retrofit consult objection list ER-2025-0001 --json
                """
        )
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The case id.") var caseID: String
        @Flag(help: "Print as JSON: an array of {number, from, text, raisedAt, outcome, resolvedAt, note}.") var json = false

        func run() async throws {
            let list = try await global.app().objections(ObjectionListRequest(caseID: caseID), by: global.actingPerson)
            if json {
                try printJSON(list.objections)
                return
            }
            var table = TextTable(["#", "raised", "from", "objection", "outcome", "resolved", "note"])
            for row in list.objections {
                table.add(["\(row.number)", String(row.raisedAt.prefix(10)), row.from, row.text, row.outcome ?? "open",
                           row.resolvedAt.map { String($0.prefix(10)) } ?? "", row.note ?? ""])
            }
            print(table.render())
            let count = list.objections.count
            print("\(count) objection\(count == 1 ? "" : "s"), \(list.open) open")
        }
    }
}
