import Foundation
import RetrofitApp
import RetrofitCore
import RetrofitStore
import RetrofitTestSupport
import Testing

@Suite("A blank logged by an older retrofit reads as not set")
struct LegacyBlankTests {
    @Test("the case reads a logged blank as not set, refuses to advance without it, and a rebuild agrees with the live tables")
    func loggedBlankIsNotSet() async throws {
        let store = try TemporaryStore.inMemory()
        let service = Fixtures.service(store, now: "2025-03-10")
        let opened = try await service.open(workflowID: "elevator-retrofit", caseID: "ER-1", fields: Fixtures.intakeFields(), at: Fixtures.time("2025-03-03"))
        // What an older retrofit wrote for `case set ER-1 --field address=`: the blank itself, and a snapshot holding it.
        var blanked = opened.state
        blanked.version += 1
        blanked.fields["address"] = ""
        let append = CaseAppend(caseID: "ER-1", expectedVersion: 1, events: [.fieldsSet(.init(fields: ["address": ""]))],
                                occurredAt: Fixtures.time("2025-03-04"), recordedAt: Fixtures.time("2025-03-04"), actor: "旧版", workflow: opened.workflow)
        _ = try store.append(append, state: blanked, schedule: opened.schedule)

        let (state, _) = try await service.load("ER-1")
        #expect(state.fields["address"] == nil)
        #expect(state.fields["district"] == "德城区")
        let before = try store.head()
        await #expect(throws: AppError.self) { _ = try await service.execute(.advance(to: nil, fields: [:], note: nil), caseID: "ER-1", at: Fixtures.time("2025-03-05")) }
        #expect(try store.head() == before)

        // Until the case's next event its stored snapshot still holds the blank, which the log replayed does not.
        #expect(try store.rebuild(calendars: Fixtures.calendars, keep: false).identical == false)
        // The next event writes the snapshot as the log replayed says: a rebuild then finds nothing to change.
        _ = try await service.execute(.setFields(["subsidy_amount": "100"], note: nil), caseID: "ER-1", at: Fixtures.time("2025-03-05"))
        _ = try await service.execute(.clearFields(["subsidy_amount"], note: nil), caseID: "ER-1", at: Fixtures.time("2025-03-05"))
        await #expect(try service.load("ER-1").0.fields["subsidy_amount"] == nil)
        #expect(try store.rebuild(calendars: Fixtures.calendars, keep: false).identical)
    }
}
