import ArgumentParser
import RetrofitApp
import RetrofitCore

extension CaseGroup {
    struct CaseExplain: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "explain",
            abstract: "Explain, in plain words, how a case's deadline was reached and what each move waits for.",
            discussion: """
                Names the entry day, the rule, each holiday skipped, each make-up working day counted, \
                the days suspended and why, and the result: what a helper shows a manager who doubts the list. \
                Then why the case is or is not due soon, and each move out of its stage: ready, or every \
                blocker the engine finds (role, minimum duration, open objections, fields, guard, vote rule).
                Example:
                  retrofit case explain ER-2025-0001
                  retrofit case explain ER-2025-0001 --json
                """
        )
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The case id.") var caseID: String
        @Option(help: "Explain as of this day (default: today).") var asOf: String?
        @Flag(help: "Print as JSON.") var json = false

        func run() async throws {
            let request = ExplainCaseRequest(caseID: caseID, asOf: try global.date(asOf, option: "--as-of"))
            let explanation = try await global.app().explainCase(request, by: global.actingPerson)
            if json { try printJSON(explanation) } else { print(explanation.explanation.joined(separator: "\n")) }
        }
    }
}
