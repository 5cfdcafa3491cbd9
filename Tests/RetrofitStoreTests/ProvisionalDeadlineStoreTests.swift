import Foundation
import GRDB
import RetrofitApp
import RetrofitCore
import RetrofitStore
import RetrofitTestSupport
import Testing

@Suite("The store keeps whether a deadline is provisional, and recomputes when the calendars change")
struct ProvisionalDeadlineStoreTests {
    func provisionalColumn(_ path: String) async throws -> Int? {
        try await DatabaseQueue(path: path).read { try Int.fetchOne($0, sql: "SELECT deadline_provisional FROM case_state WHERE id = 'ER-1'") }
    }

    @Test func aSchemaOneDatabaseIsUpgradedEvenToReadAndItsDeadlinesRecomputedOnce() async throws {
        let (store, folder) = try Fixtures.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        let service = Fixtures.service(store, now: "2026-12-28")
        // Intake, 5 working days from 2026-12-28, ends in 2027: provisional.
        let outcome = try await service.open(workflowID: "elevator-retrofit", caseID: "ER-1", fields: Fixtures.intakeFields())
        #expect(outcome.schedule.isProvisional)
        await #expect(try provisionalColumn(store.path) == 1)

        // Back to what schema 1 had: no column, no record of the calendars used.
        try await DatabaseQueue(path: store.path).writeWithoutTransaction { db in
            try db.execute(sql: """
                ALTER TABLE case_state DROP COLUMN deadline_provisional;
                DROP TABLE projection_input;
                DELETE FROM grdb_migrations WHERE identifier LIKE 'v2%';
                PRAGMA user_version = 1;
                """)
        }
        let reopened = try CaseStore(path: store.path, access: .read)
        await #expect(try provisionalColumn(store.path) == 0)
        let digest = CaseStore.calendarDigest(files: [("calendars/cn-mainland.yaml", "any")])
        #expect(try reopened.projectionsNeedRecomputing(calendarDigest: digest))
        let report = try #require(try reopened.recomputeProjections(calendars: Fixtures.calendars, calendarDigest: digest))
        #expect(!report.identical)
        await #expect(try provisionalColumn(store.path) == 1)
        #expect(try !reopened.projectionsNeedRecomputing(calendarDigest: digest))
        #expect(try reopened.recomputeProjections(calendars: Fixtures.calendars, calendarDigest: digest) == nil)
        #expect(try reopened.rebuild(calendars: Fixtures.calendars, keep: false).identical)
    }

    @Test func theCalendarDigestFollowsTheFilesNotTheirOrder() {
        let a = ("calendars/a.yaml", "id: a"), b = ("calendars/b.yaml", "id: b")
        #expect(CaseStore.calendarDigest(files: [a, b]) == CaseStore.calendarDigest(files: [b, a]))
        #expect(CaseStore.calendarDigest(files: [a, b]) != CaseStore.calendarDigest(files: [a]))
        #expect(CaseStore.calendarDigest(files: [a]) != CaseStore.calendarDigest(files: [("calendars/a.yaml", "id: a ")]))
    }

    /// Databases record the digest: computing it another way must give the same text, or every database would
    /// recompute its projections once and say the calendars changed.
    @Test func theCalendarDigestIsTheSHA256OfTheRuleVersionAndTheFilesInPathOrder() {
        let files = [("calendars/节假日.yaml", "名: 春节\n"), ("calendars/a.yaml", "id: a")]
        // sha256("statutory-holidays 1\u{1F}" + "calendars/a.yaml\u{1F}id: a\u{1E}" + "calendars/节假日.yaml\u{1F}名: 春节\n\u{1E}")
        #expect(CaseStore.calendarDigest(files: files) == "604494949b134b36d9015844b9b668ea4d626f656671de3193f9962219bd629d")
    }
}
