import Foundation
import RetrofitApp
import RetrofitCore
import RetrofitStore
import RetrofitTestSupport
import Testing

/// One case with 100,000 events (`RETROFIT_HEAVY=1`; 10,000 by default), in-process.
@Suite("Long histories in the store", .tags(.reliability, .heavy))
struct LongHistoryStoreTests {
    @Test("a long history pages, advances and rebuilds")
    func longHistory() async throws {
        let folder = try LedgerFixtures.temporaryDirectory("long-store")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("long.sqlite").path
        let notes = LedgerFixtures.scaled(10_000, heavy: 100_000)
        try await LedgerHistoryBuilder.caseWithNotes(path: path, caseID: "LONG-1", notes: notes, batch: 2_500)
        let store = try CaseStore(path: path, access: .write)
        let page = try store.events(caseID: "LONG-1", afterVersion: notes / 2, limit: 100)
        #expect(page.map(\.version) == Array((notes / 2 + 1)...(notes / 2 + 100)))
        #expect(try store.events(caseID: "LONG-1", afterVersion: notes + 1, limit: 100).isEmpty)
        let service = LedgerFixtures.service(store)
        let outcome = try await service.execute(.advance(to: "helper-assignment", fields: [:], note: nil), caseID: "LONG-1",
                                          at: LedgerFixtures.time("2025-03-05T10:00"))
        #expect(outcome.state.version == notes + 2)
        #expect(outcome.state.notes == notes)
        let report = try store.rebuild(calendars: LedgerFixtures.calendars, keep: false)
        #expect(report.identical)
        #expect(report.events == notes + 2)
        #expect(try store.verifyChain().isIntact)
    }
}
