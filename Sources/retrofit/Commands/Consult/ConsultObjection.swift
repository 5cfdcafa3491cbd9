import ArgumentParser
import RetrofitApp
import RetrofitCore
import RetrofitReports
import RetrofitStore

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
            try await runReporting {
                let outcome = try await global.service().execute(.raiseObjection(from: from, text: text), caseID: caseID,
                                                           at: try global.time(at, option: "--at"))
                let number = outcome.state.objections.last?.number ?? 0
                try output.report(outcome, "\(caseID): objection #\(number) recorded; \(outcome.state.openObjections.count) open "
                                  + "(resolve with 'retrofit consult objection resolve \(caseID) \(number) --outcome …')")
            }
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
            try await runReporting {
                let result = try await global.service().execute(.resolveObjection(number: number, outcome: outcome, note: note),
                                                          caseID: caseID, at: try global.time(at, option: "--at"))
                try output.report(result, "\(caseID): objection #\(number) \(outcome.rawValue); "
                                  + "\(result.state.openObjections.count) open",
                                  nothingChanged: "objection #\(number) is already resolved (\(outcome.rawValue))")
            }
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
            try await runReporting {
                let service = try global.service(.read)
                let (state, _) = try await service.load(caseID)
                var notes: [Int: String] = [:]
                for event in try await service.store.events(caseID: caseID, afterVersion: 0, limit: .max) where event.kind == .objectionResolved {
                    if case .objectionResolved(let resolved) = try event.decodedEvent(),
                       let note = resolved.note {
                        notes[resolved.number] = note
                    }
                }
                let rows = state.objections.map { ObjectionJSON($0, note: notes[$0.number]) }
                if json {
                    try printJSON(rows)
                    return
                }
                var table = TextTable(["#", "raised", "from", "objection", "outcome", "resolved", "note"])
                for row in rows {
                    table.add(["\(row.number)", String(row.raisedAt.prefix(10)), row.from, row.text, row.outcome ?? "open",
                               row.resolvedAt.map { String($0.prefix(10)) } ?? "", row.note ?? ""])
                }
                print(table.render())
                let open = state.openObjections.count
                print("\(rows.count) objection\(rows.count == 1 ? "" : "s"), \(open) open")
            }
        }
    }
}

/// One objection of `consult objection list --json`.
struct ObjectionJSON: Encodable {
    let number: Int
    let from: String
    let text: String
    let raisedAt: String
    /// withdrawn, mediated or overruled; null while open.
    let outcome: String?
    let resolvedAt: String?
    let note: String?

    init(_ objection: Objection, note: String?) {
        number = objection.number
        from = objection.from
        text = objection.text
        raisedAt = objection.raisedAt.description
        outcome = objection.outcome?.rawValue
        resolvedAt = objection.resolvedAt?.description
        self.note = note
    }
}
