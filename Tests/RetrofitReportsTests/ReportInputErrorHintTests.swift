import Foundation
import RetrofitApp
import RetrofitCore
import RetrofitReports
import RetrofitTestSupport
import Testing

@Suite("Report and ledger errors name no flag; their hints carry the structure")
struct ReportInputErrorHintTests {
    @Test("each report input error's sentence, and its hints", arguments: [
        (ReportInputError.chooseWorkflow(["elevator-retrofit", "elevator-renewal"]), "the database holds several workflows",
         [InputHint.chooseOne(.workflow, choices: [InputChoice("elevator-retrofit"), InputChoice("elevator-renewal")])]),
        (.noCases, "the database has no cases yet", [.run(SuggestedOperation(.openCase))]),
        (.badPeriod(from: LedgerFixtures.date("2025-03-01"), to: LedgerFixtures.date("2025-02-01")), "the period's start 2025-03-01 is after its end 2025-02-01",
         [.outOfOrder(InputArgument(.periodStart, "2025-03-01"), InputArgument(.periodEnd, "2025-02-01"))]),
        (.unknownWorkflow("x", known: ["a"]), "no case runs under workflow 'x'; the database has: a", []),
    ])
    func sentenceAndHints(error: ReportInputError, message: String, hints: [InputHint]) {
        #expect(error.message == message)
        #expect(error.description == message)
        #expect(!error.message.contains("--") && !error.message.contains("'retrofit "))
        #expect(error.hints == hints)
    }

    private func problems(_ lines: [String], workflow: String? = nil,
                          lookup: @escaping (String) throws -> WorkflowDefinition = { try LedgerFixtures.catalog.load($0) }) throws -> [LedgerProblem] {
        let records = try LedgerCSV.read(Data(lines.joined(separator: "\n").utf8), file: "l.csv")
        return LedgerImportPlan.make(records: records, file: "l.csv", source: "l.csv", sha256: "abc", defaultWorkflow: workflow,
                                     now: LedgerFixtures.time("2025-06-30T10:00"), lookup: lookup).problems
    }

    @Test func anEmptyWorkflowCellMayBeFilledOrGivenForTheFile() throws {
        let found = try problems(["id,workflow,stage,entered", "A-1,,intake,2025-01-02"]).filter { $0.column == 2 }
        #expect(found.map(\.message) == ["the workflow is empty; fill it in"])
        #expect(found.map(\.hints) == [[.giveInstead(.workflow)]])
    }

    @Test func aWorkflowFileWithErrorsPointsToValidationOnTheRow() throws {
        guard case .failure(let invalid) = WorkflowLoader.load(text: "id: x\n", file: "w.yaml") else {
            Issue.record("an incomplete workflow loaded")
            return
        }
        let found = try problems(["id,workflow,stage,entered", "A-1,x,intake,2025-01-02"], lookup: { _ in throw WorkflowLookupError.invalid(invalid) })
            .filter { $0.column == 2 }
        #expect(found.map(\.description) == ["l.csv:2:2: the workflow file has errors:"])
        #expect(found.map(\.hints) == [[.run(SuggestedOperation(.validateWorkflow))]])
    }

    @Test func noLedgerProblemNamesAFlag() throws {
        let found = try problems(["id,stage,entered"]) + (try problems(["id,workflow,stage,entered", "A-1,,intake,2025-01-02", "A-2,elevator-renewal,intake,2025-01-02"],
                                                                       workflow: "elevator-retrofit"))
        #expect(!found.isEmpty)
        for problem in found {
            #expect(!problem.description.contains("--") && !problem.description.contains("'retrofit "), "\(problem)")
        }
    }
}
