import Foundation
import GRDB
import RetrofitCore
import RetrofitReports
@testable import RetrofitStore
import Testing

/// `report bottlenecks` adds up the working days the projection stored when each visit closed, and
/// counts only the visits the period cuts (or whose count is unknown).
@Suite("Bottlenecks from the stored working days of closed visits")
struct BottleneckStoredDaysTests {
    static func json(_ report: BottleneckReport) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(report), as: UTF8.self)
    }

    static func construction(_ report: BottleneckReport) throws -> BottleneckStage {
        try #require(report.workflows.first { $0.workflow == "elevator-retrofit" }?.overall.stages.first { $0.stage == "construction" })
    }

    @Test("a stored count altered by hand changes the report (so it is read), a rebuild check flags it, a rebuild restores the report")
    func storedCountsAreRead() async throws {
        let fixture = try await ReportFixture.programme()
        let setting = try ReportSetting.load(fixture.store, asOf: try ReportFixture.date(ReportFixture.reportDay), calendars: fixture.calendars)
        let june = (from: try ReportFixture.date("2025-06-01"), to: try ReportFixture.date("2025-06-30"))
        let whole = try BottleneckReport.build(fixture.store, setting: setting)
        let juneBefore = try BottleneckReport.build(fixture.store, setting: setting, from: june.from, to: june.to)
        #expect(try fixture.store.rebuild(calendars: fixture.calendars, keep: false).identical)

        // ER-2025-0002 was in construction from 2025-03-14 to 2025-06-10.
        let visit = "case_id = 'ER-2025-0002' AND stage = 'construction'"
        let stored = try await fixture.store.writer.read { db in try Int.fetchOne(db, sql: "SELECT working_days FROM stage_visit WHERE \(visit)") }
        let calendar = try #require(fixture.calendars["cn-mainland"])
        let counted = try calendar.workingDays(after: try ReportFixture.date("2025-03-14"), through: try ReportFixture.date("2025-06-10"),
                                               suspensions: [])
        #expect(stored == counted)
        try await fixture.store.writer.write { db in try db.execute(sql: "UPDATE stage_visit SET working_days = working_days + 1000 WHERE \(visit)") }

        // Over the whole history the visit lies inside the period: its waiting days and its duration are the stored number.
        let altered = try BottleneckReport.build(fixture.store, setting: setting)
        #expect(try Self.construction(altered).waitingDays == Self.construction(whole).waitingDays + 1000)
        #expect(try Self.construction(altered).workingDays.maximum == counted + 1000)
        #expect(altered.workflows.first?.overall.totalWaitingDays == (whole.workflows.first?.overall.totalWaitingDays ?? 0) + 1000)
        // June cuts the visit: its waiting days in June are counted, while its duration (it was left in June) is stored.
        let juneAltered = try BottleneckReport.build(fixture.store, setting: setting, from: june.from, to: june.to)
        #expect(try Self.construction(juneAltered).waitingDays == Self.construction(juneBefore).waitingDays)
        #expect(try Self.construction(juneAltered).workingDays.maximum == counted + 1000)

        let check = try fixture.store.rebuild(calendars: fixture.calendars, keep: false)
        #expect(!check.identical && check.firstDifference == "stage_visit")
        #expect(try fixture.store.rebuild(calendars: fixture.calendars, keep: true).firstDifference == "stage_visit")
        #expect(try Self.json(BottleneckReport.build(fixture.store, setting: setting)) == Self.json(whole))
        #expect(try Self.json(BottleneckReport.build(fixture.store, setting: setting, from: june.from, to: june.to)) == Self.json(juneBefore))
    }

    @Test("without stored counts (unknown, or an older database not yet recomputed) the report counts and says the same")
    func unknownCountsAreCounted() async throws {
        let fixture = try await ReportFixture.programme()
        let setting = try ReportSetting.load(fixture.store, asOf: try ReportFixture.date(ReportFixture.reportDay), calendars: fixture.calendars)
        let periods: [(CivilDate?, CivilDate?)] = [(nil, nil), (try ReportFixture.date("2025-06-01"), try ReportFixture.date("2025-06-30")),
                                                   (try ReportFixture.date("2025-01-01"), try ReportFixture.date("2025-12-31"))]
        var before: [String] = []
        for (from, to) in periods {
            before.append(try Self.json(BottleneckReport.build(fixture.store, setting: setting, from: from, to: to, by: .district)))
        }
        let closed = try await fixture.store.writer.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM stage_visit WHERE working_days IS NOT NULL") ?? 0
        }
        #expect(closed > 20)
        try await fixture.store.writer.write { db in try db.execute(sql: "UPDATE stage_visit SET working_days = NULL") }
        for ((from, to), expected) in zip(periods, before) {
            #expect(try Self.json(BottleneckReport.build(fixture.store, setting: setting, from: from, to: to, by: .district)) == expected)
        }
    }
}
