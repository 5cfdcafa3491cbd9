import ArgumentParser
import RetrofitApp
import RetrofitCore
import RetrofitReports

extension CaseGroup {
    struct CaseShow: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show a case: stage, status, deadline, fields, helper and timeline.",
            discussion: """
                Example:
                  retrofit case show ER-2025-0001
                  retrofit case show ER-2025-0001 --as-of 2025-06-30 --json
                """
        )
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The case id.") var caseID: String
        @Option(help: "Answer as the log stood on this day (events that occurred by its end).") var asOf: String?
        @Flag(help: "With --as-of: also ignore events recorded after that day (what was known then).") var asKnown = false
        @Flag(help: "Print as JSON.") var json = false

        func run() async throws {
            let request = ShowCaseRequest(caseID: caseID, asOf: try global.date(asOf, option: "--as-of"), asKnown: asKnown)
            let view = try await global.app().showCase(request, by: global.actingPerson)
            if json { try printJSON(view.summary) } else { print(CaseText.show(view)) }
        }
    }

    struct CaseHistory: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "history",
            abstract: "List a case's events, oldest first, a page at a time.",
            discussion: """
                Example:
                  retrofit case history ER-2025-0001
                  retrofit case history ER-2025-0001 --after 100 --limit 50 --json
                """
        )
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The case id.") var caseID: String
        @Option(help: "Start after this case version.") var after: Int = 0
        @Option(help: "At most this many events.") var limit: Int = 1000
        @Flag(help: "Print as JSON.") var json = false

        func validate() throws {
            if after < 0 { throw ValidationError("--after must be 0 or more") }
            if limit < 1 { throw ValidationError("--limit must be at least 1") }
        }

        func run() async throws {
            let page = try await global.app().caseHistory(CaseHistoryRequest(caseID: caseID, after: after, limit: limit),
                                                          by: global.actingPerson)
            if json {
                try printJSON(page.events)
                return
            }
            var table = TextTable(["#", "occurred", "type", "actor", "details"])
            for event in page.events {
                table.add(["\(event.version)", CaseText.minutes(event.occurredAt), event.type, event.actor, event.details])
            }
            print(table.render())
            if let next = page.nextAfter { print("… more: --after \(next)") }
        }
    }

    struct CaseList: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List cases, filtered.",
            discussion: "Example:\n  retrofit case list --stage consultation --district 德城区")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only this workflow.") var workflow: String?
        @Option(help: "Only cases in this stage.") var stage: String?
        @Option(help: "active, suspended, withdrawn or completed.") var status: CaseStatus?
        @Option(help: "Only this district.") var district: String?
        @Option(help: "Only this helper's cases.") var helper: String?
        @Flag(help: "Print as JSON.") var json = false

        func run() async throws {
            let selection = CaseSelection(workflow: workflow, stage: stage, status: status, district: district, helper: helper)
            let rows = try await global.app().listCases(selection, by: global.actingPerson).cases
            if json {
                try printJSON(rows)
                return
            }
            var table = TextTable(["case", "workflow", "stage", "status", "district", "helper", "deadline"])
            for row in rows {
                table.add([row.id, row.workflow, row.stage, row.status, row.district ?? "", row.helper ?? "", row.deadline ?? ""])
            }
            print(table.render())
            print("\(rows.count) case\(rows.count == 1 ? "" : "s")")
        }
    }
}
