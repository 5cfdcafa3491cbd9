import Foundation
import GRDB
import RetrofitCore
import RetrofitReports
import RetrofitStore
import Testing

/// `audit verify` recomputes the hash chain; these tests change the SQLite file behind the
/// store's back, as someone with the file and a SQLite tool could.
@Suite("Audit verify")
struct AuditVerifyTests {
    /// A case with seven events (open, two moves, suspend, resume, a note, a move).
    static func fixture() async throws -> ReportFixture {
        let fixture = try ReportFixture(onFile: true)
        try await fixture.open("ER-2025-0101", fields: ReportFixture.intake(address: "德州市德城区新华路12号", district: "德城区", community: "新华小区",
                                                                       building: "3", unit: "2", homes: 12), helper: "李娜", at: "2025-03-03T09:00")
        try await fixture.advance("ER-2025-0101", at: "2025-03-04T09:00")
        try await fixture.advance("ER-2025-0101", at: "2025-03-05T09:00")
        try await fixture.run(.suspend(reason: .mediation, note: nil), "ER-2025-0101", at: "2025-03-10T09:00")
        try await fixture.run(.resume(note: nil), "ER-2025-0101", at: "2025-03-17T09:00")
        try await fixture.run(.note("业主座谈会"), "ER-2025-0101", at: "2025-03-18T09:00")
        try await fixture.run(.withdraw(reason: "业主放弃"), "ER-2025-0101", at: "2025-03-20T09:00")
        return fixture
    }

    /// Runs `sql` on the fixture's file with the append-only triggers dropped.
    static func tamper(_ fixture: ReportFixture, _ sql: String) throws {
        let queue = try DatabaseQueue(path: fixture.store.path)
        try queue.write { db in
            try db.execute(sql: "DROP TRIGGER event_is_append_only_update")
            try db.execute(sql: "DROP TRIGGER event_is_append_only_delete")
            try db.execute(sql: sql)
        }
    }

    @Test("an untouched log verifies and ends at the head")
    func intact() async throws {
        let fixture = try await Self.fixture()
        let chain = try fixture.store.verifyChain()
        let head = try fixture.store.head()
        #expect(chain.isIntact)
        #expect(head.sequence == 7)
        #expect(chain.description == "ok: 7 events, head \(head.hash)")
    }

    @Test("the triggers refuse edits made without dropping them")
    func triggersGuard() async throws {
        let fixture = try await Self.fixture()
        let queue = try DatabaseQueue(path: fixture.store.path)
        #expect(throws: (any Error).self) {
            try queue.write { db in try db.execute(sql: "UPDATE event SET actor = 'x' WHERE sequence = 2") }
        }
        #expect(try fixture.store.verifyChain().isIntact)
    }

    @Test("a changed payload breaks the chain at that event")
    func changedPayload() async throws {
        let fixture = try await Self.fixture()
        try Self.tamper(fixture, "UPDATE event SET payload = replace(payload, '\"12\"', '\"16\"') WHERE sequence = 1")
        let chain = try fixture.store.verifyChain()
        #expect(chain.firstBroken?.sequence == 1)
        #expect(chain.description.hasPrefix("broken at event 1: its content or its link to the previous event was changed"))
    }

    @Test("a changed timestamp breaks the chain at that event")
    func changedTimestamp() async throws {
        let fixture = try await Self.fixture()
        try Self.tamper(fixture, "UPDATE event SET occurred_at = '2025-03-03T09:00:00+08:00' WHERE sequence = 3")
        #expect(try fixture.store.verifyChain().firstBroken?.sequence == 3)
        let again = try await Self.fixture()
        try Self.tamper(again, "UPDATE event SET recorded_at = '2025-03-21T09:00:00+08:00' WHERE sequence = 5")
        #expect(try again.store.verifyChain().firstBroken?.sequence == 5)
    }

    @Test("a deleted event is found at the gap it leaves")
    func deletedEvent() async throws {
        let fixture = try await Self.fixture()
        try Self.tamper(fixture, "DELETE FROM event WHERE sequence = 4")
        let chain = try fixture.store.verifyChain()
        #expect(chain.firstBroken?.sequence == 5)
        #expect(chain.description == "broken at event 5: expected event 4 next; events are missing or reordered")
    }

    @Test("a reordered pair breaks the chain at the first of the two places")
    func reorderedPair() async throws {
        let fixture = try await Self.fixture()
        try Self.tamper(fixture, """
            UPDATE event SET sequence = -1 WHERE sequence = 4;
            UPDATE event SET sequence = 4 WHERE sequence = 5;
            UPDATE event SET sequence = 5 WHERE sequence = -1;
            """)
        let chain = try fixture.store.verifyChain()
        #expect(chain.firstBroken?.sequence == 4)
    }

    @Test("removing the newest events leaves a valid shorter chain: only a head kept elsewhere shows it")
    func truncatedTail() async throws {
        let fixture = try await Self.fixture()
        let before = try fixture.store.head()
        try Self.tamper(fixture, "DELETE FROM event WHERE sequence = 7")
        let chain = try fixture.store.verifyChain()
        #expect(chain.isIntact)
        #expect(chain.head != before.hash)
        #expect(try fixture.store.head().sequence == 6)
    }
}
