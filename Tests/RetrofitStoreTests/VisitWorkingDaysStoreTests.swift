import Foundation
import GRDB
@testable import RetrofitCore
@testable import RetrofitStore
import RetrofitTestSupport
import Testing

/// Each closed stage visit keeps its working days (and its suspended working days) in `stage_visit`:
/// written live, recomputed by a rebuild, filled in for an older database.
@Suite("The working days of closed stage visits are stored")
struct VisitWorkingDaysStoreTests {
    typealias Counts = [String: (working: Int?, suspended: Int?)]

    static func storedCounts(_ store: CaseStore) throws -> Counts {
        try store.writer.read { db in
            var counts: Counts = [:]
            for row in try Row.fetchAll(db, sql: "SELECT case_id, visit, working_days, suspended_working_days FROM stage_visit") {
                counts["\(row["case_id"] as String? ?? "")#\(row["visit"] as Int? ?? 0)"] = (row["working_days"], row["suspended_working_days"])
            }
            return counts
        }
    }

    @Test("seeded: what a command writes is what a rebuild computes and what the calendar counts day by day")
    func liveEqualsRebuiltEqualsCalendar() async throws {
        let seed = UInt64(ProcessInfo.processInfo.environment["RETROFIT_SEED"] ?? "") ?? 20_251_206
        print("VisitWorkingDaysStoreTests seed: \(seed) (rerun with RETROFIT_SEED=\(seed))")
        let store = try await RebuildRepairTests.history(seed: seed, steps: 400)
        let stored = try Self.storedCounts(store)
        var closed = 0, suspended = 0
        for summary in try store.cases() {
            let (state, pinned) = try #require(try store.loadCase(summary.id))
            let workflow = try StoredWorkflowCache.definition(pinned)
            let calendar = try #require(Fixtures.calendars[workflow.calendar])
            for (index, visit) in state.visits.enumerated() {
                let counts = try #require(stored["\(state.id)#\(index + 1)"])
                guard let left = visit.leftAt?.date else {
                    #expect(counts.working == nil && counts.suspended == nil, "open visit \(index + 1) of \(state.id)")
                    continue
                }
                // The walk, not the table the store counts with.
                let working = try calendar.workingDays(after: visit.enteredAt.date, through: left, suspensions: visit.suspendedSpans(asOf: left))
                let all = try calendar.workingDays(after: visit.enteredAt.date, through: left, suspensions: [])
                #expect(counts.working == working && counts.suspended == all - working, "visit \(index + 1) of \(state.id)")
                closed += 1
                if all > working { suspended += 1 }
            }
        }
        #expect(closed > 10 && suspended > 0, "\(closed) closed visits, \(suspended) suspended ones")
        #expect(try store.rebuild(calendars: Fixtures.calendars, keep: false).identical)
    }

    @Test("an older database (schema 4) gets the columns, and its counts are filled in once the calendars are at hand")
    func migrationFillsTheCounts() async throws {
        // The test rewinds the file through a second connection, then reopens it.
        try await TemporaryStore.onFile { store, _ in
            try await RebuildRepairTests.record(seed: 11, steps: 150, into: store)
            let digest = CaseStore.calendarDigest(files: [("calendars/cn-mainland.yaml", "any")])
            _ = try store.recomputeProjections(calendars: Fixtures.calendars, calendarDigest: digest)
            let written = try Self.storedCounts(store)
            #expect(written.values.contains { $0.working != nil })

            // Back to what schema 4 had: no columns, no record of the migration.
            try await DatabaseQueue(path: store.path).writeWithoutTransaction { db in
                try db.execute(sql: """
                    ALTER TABLE stage_visit DROP COLUMN working_days;
                    ALTER TABLE stage_visit DROP COLUMN suspended_working_days;
                    DELETE FROM grdb_migrations WHERE identifier LIKE 'v5%';
                    PRAGMA user_version = 4;
                    """)
            }
            let reopened = try CaseStore(path: store.path, access: .read)
            let version = try await DatabaseQueue(path: store.path).read { try Int.fetchOne($0, sql: "PRAGMA user_version") }
            #expect(version == StoreSchema.version)
            #expect(try Self.storedCounts(reopened).values.allSatisfy { $0.working == nil && $0.suspended == nil })
            #expect(try !reopened.rebuild(calendars: Fixtures.calendars, keep: false).identical)
            // The migration forgot which calendars the projections were computed with, so the next command recomputes them.
            #expect(try reopened.projectionsNeedRecomputing(calendarDigest: digest))
            let report = try #require(try reopened.recomputeProjections(calendars: Fixtures.calendars, calendarDigest: digest))
            #expect(report.firstDifference == "stage_visit")
            let filled = try Self.storedCounts(reopened)
            #expect(filled.count == written.count)
            for (key, counts) in written {
                #expect(filled[key]?.working == counts.working && filled[key]?.suspended == counts.suspended, "\(key)")
            }
            #expect(try reopened.rebuild(calendars: Fixtures.calendars, keep: false).identical)
        }
    }

    @Test("a visit is counted once it is closed, and not at all in a year the calendar cannot say")
    func uncountableVisitsKeepNull() async throws {
        let store = try TemporaryStore.inMemory()
        let service = Fixtures.service(store, now: "2025-03-03T09:00")
        let opened = try await service.open(workflowID: "elevator-retrofit", caseID: "ER-1", fields: Fixtures.intakeFields(),
                                      at: Fixtures.time("2025-03-03T09:00"))
        let calendar = try #require(Fixtures.calendar)
        var visit = try #require(opened.state.visits.first)
        #expect(visit.workingDays(in: calendar) == nil)   // still open
        visit.leftAt = Fixtures.time("2025-03-10T09:00")
        let days = try #require(visit.workingDays(in: calendar))
        #expect(days.working == (try calendar.workingDays(after: Fixtures.date("2025-03-03"), through: Fixtures.date("2025-03-10"), suspensions: [])))
        #expect(days.suspended == 0)
        visit.enteredAt = Fixtures.time("1900-01-02T09:00")
        visit.leftAt = Fixtures.time("1900-01-09T09:00")
        #expect(visit.workingDays(in: calendar) == nil)   // a year no calendar knows
    }
}
