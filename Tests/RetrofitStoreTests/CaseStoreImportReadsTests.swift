import Foundation
import RetrofitApp
import RetrofitCore
import RetrofitStore
import RetrofitTestSupport
import Testing

@Suite("Store reads for import and export")
struct CaseStoreImportReadsTests {
    @Test("firstEvents finds existing cases among many ids (more than one query's worth) and ignores the rest")
    func firstEvents() async throws {
        let store = try TemporaryStore.inMemory()
        let service = LedgerFixtures.service(store)
        for index in [3, 700, 1_199] {
            _ = try await service.open(workflowID: "elevator-retrofit", caseID: "ID-\(index)", fields: LedgerFixtures.intakeFields(number: index),
                                 at: LedgerFixtures.time("2025-06-01"))
            _ = try await service.execute(.note("second event"), caseID: "ID-\(index)", at: LedgerFixtures.time("2025-06-02"))
        }
        let found = try store.firstEvents(ofCases: (0..<1_200).map { "ID-\($0)" })
        #expect(found.keys.sorted() == ["ID-1199", "ID-3", "ID-700"])
        #expect(found.values.allSatisfy { $0.version == 1 && $0.type == "opened" })
        #expect(try store.firstEvents(ofCases: []).isEmpty)
    }

    @Test("caseStates lists every case in id order, or one workflow's")
    func caseStates() async throws {
        let store = try TemporaryStore.inMemory()
        let service = LedgerFixtures.service(store)
        for id in ["B", "A", "C"] {
            _ = try await service.open(workflowID: "elevator-retrofit", caseID: id, fields: LedgerFixtures.intakeFields(), at: LedgerFixtures.time("2025-06-01"))
        }
        #expect(try store.caseStates().map(\.id) == ["A", "B", "C"])
        #expect(try store.caseStates(workflow: "elevator-retrofit").count == 3)
        #expect(try store.caseStates(workflow: "elevator-renewal").isEmpty)
    }
}
