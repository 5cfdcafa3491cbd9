import Foundation
import RetrofitApp
import RetrofitCore
import RetrofitTestSupport
import Testing

/// A write whose outcome is the case as it stands appends nothing and says why; "as of" answers replay the log
/// by one path, for one case and for the whole log.
@Suite("No-change reasons and the replay as of a past day, through RetrofitApp")
struct NoChangeAndReplayTests {
    let li = Actor(name: "李娜")

    @Test func aCommandThatChangesNothingSaysWhyAndAppendsNothing() async throws {
        let bench = try AppCaseBench(now: "2025-06-01T10:00")
        defer { bench.removeFolder() }
        try await bench.open("C-1", at: "2025-05-06", by: li)

        let same = try await bench.change("C-1", .setFields(["homes": "12", "floors": "6"], note: nil), at: "2025-05-07", by: li)
        #expect(!same.changed && same.summary.version == 1)
        #expect(same.noChange == "C-1: nothing changed: floors is already 6, homes is already 12")
        let set = try await bench.change("C-1", .setFields(["homes": "14"], note: nil), at: "2025-05-07", by: li)
        #expect(set.changed && set.noChange == nil && set.summary.version == 2)

        try await bench.change("C-1", .classify(priority: .urgent, difficulty: nil), at: "2025-05-07", by: li)
        let classified = try await bench.change("C-1", .classify(priority: .urgent, difficulty: .normal), at: "2025-05-08", by: li)
        #expect(classified.noChange == "C-1: nothing changed: priority is already urgent, difficulty is already normal")
        try await bench.change("C-1", .assign(helper: "李娜"), at: "2025-05-08", by: li)
        #expect(try await bench.change("C-1", .assign(helper: "李娜"), at: "2025-05-09", by: li).noChange
            == "C-1: nothing changed: the helper is already 李娜")
        let version = try await bench.app.showCase(ShowCaseRequest(caseID: "C-1"), by: li).summary.version
        #expect(version == 4)
    }

    @Test func theReasonNamesTheValuesTheCaseAlreadyHas() throws {
        let state = try #require(CaseState.replay(id: "C-1", workflow: try Fixtures.workflow("elevator-retrofit"), events: [
            EventEnvelope(event: .opened(CaseEvent.Opened(stage: "intake", fields: ["homes": "12"], priority: .normal, difficulty: .easy, helper: "刘洋")),
                          occurredAt: Fixtures.time("2025-05-06")),
        ]))
        #expect(NoChangeReason.reason(.setFields(["homes": "12"], note: nil), state: state) == "homes is already 12")
        #expect(NoChangeReason.reason(.classify(priority: nil, difficulty: .easy), state: state) == "difficulty is already easy")
        #expect(NoChangeReason.reason(.assign(helper: "刘洋"), state: state) == "the helper is already 刘洋")
        #expect(NoChangeReason.reason(.castBallot(home: " 2-101 ", vote: .agree), state: state) == "home 2-101 has already voted agree")
        #expect(NoChangeReason.reason(.castOwnerBallot(owner: "王伟", vote: .object), state: state) == "every home of 王伟 has already voted object")
        #expect(NoChangeReason.reason(.note("x"), state: state) == "case C-1 is already so")
        #expect(NoChangeReason.reason(.advance(to: nil, fields: [:], note: nil), state: state) == "")
        #expect(NoChangeReason.sentence(caseID: "C-1", reason: "") == "C-1: nothing changed: the case is already so")
    }

    @Test func oneCaseAndTheWholeLogReplayAlikeAsOfAPastDay() async throws {
        let bench = try AppCaseBench(now: "2025-06-30T17:00")
        defer { bench.removeFolder() }
        let manager = Actor(name: "王芳")
        for id in ["C-1", "C-2"] {
            try await bench.open(id, at: "2025-03-03", by: manager)
            try await bench.change(id, .advance(to: nil, fields: [:], note: nil), at: "2025-03-04", by: manager)
            try await bench.change(id, .assign(helper: "李娜"), at: "2025-03-05", by: manager)
        }
        // C-1 enters consultation (deadline 2025-06-05) and stays; C-2 enters it later, due 2025-07-07.
        try await bench.change("C-1", .advance(to: nil, fields: [:], note: nil), at: "2025-03-05", by: manager)
        try await bench.change("C-2", .advance(to: nil, fields: [:], note: nil), at: "2025-04-07", by: manager)

        let now = try await bench.app.overdue(OverdueRequest(), by: li)
        #expect(!now.replayed && now.entries.map(\.id) == ["C-1"] && now.entries.first?.daysLate == 25)
        let june10 = try await bench.app.overdue(OverdueRequest(asOf: Fixtures.date("2025-06-10")), by: li)
        #expect(june10.replayed && june10.entries.map(\.id) == ["C-1"] && june10.entries.first?.daysLate == 5)
        #expect(june10.warnings.isEmpty)

        // Before C-2 moved, both were in helper-assignment: the single-case answer agrees with the whole-log scan.
        let march = Fixtures.date("2025-03-20")
        let shown = try await bench.app.showCase(ShowCaseRequest(caseID: "C-2", asOf: march), by: li)
        #expect(shown.summary.stage == "helper-assignment" && shown.summary.version == 3 && shown.asOf == march)
        #expect(shown.timeline.map(\.version) == [1, 2, 3] && shown.timelineIsComplete)
        let explained = try await bench.app.explainCase(ExplainCaseRequest(caseID: "C-2", asOf: march), by: li)
        #expect(explained.stage == "helper-assignment")

        do {
            _ = try await bench.app.showCase(ShowCaseRequest(caseID: "C-1", asOf: Fixtures.date("2025-03-02")), by: li)
            Issue.record("a case was shown before it was opened")
        } catch {
            #expect(error.category == .badInput && error.message == "case C-1 did not exist yet on 2025-03-02")
        }
        // Every event was recorded on 2025-06-30: as known on 2025-06-10, nothing had happened yet.
        do {
            _ = try await bench.app.showCase(ShowCaseRequest(caseID: "C-1", asOf: Fixtures.date("2025-06-10"), asKnown: true), by: li)
            Issue.record("a case was shown before it was recorded")
        } catch {
            #expect(error.message == "case C-1 did not exist yet on 2025-06-10")
        }
        let known = try await bench.app.overdue(OverdueRequest(asOf: Fixtures.date("2025-06-10"), asKnown: true), by: li)
        #expect(known.replayed && known.entries.isEmpty)
        let atRecording = try await bench.app.overdue(OverdueRequest(asOf: Fixtures.date("2025-06-30"), asKnown: true), by: li)
        #expect(atRecording.entries.map(\.id) == now.entries.map(\.id))
    }

    @Test func aProvisionalDeadlineIsWarnedAbout() async throws {
        let bench = try AppCaseBench(now: "2026-12-06T10:00")
        defer { bench.removeFolder() }
        try await bench.open("ER-1", at: "2026-12-01", by: li)
        try await bench.change("ER-1", .advance(to: nil, fields: [:], note: nil), at: "2026-12-02", by: li)
        try await bench.change("ER-1", .assign(helper: "李娜"), at: "2026-12-03", by: li)
        let moved = try await bench.change("ER-1", .advance(to: nil, fields: [:], note: nil), at: "2026-12-03", by: li)
        #expect(moved.deadline.deadline == Fixtures.date("2027-03-03") && moved.deadline.rule == "3 months")
        #expect(moved.deadline.warnings.count == 1)
        #expect(moved.deadline.warnings.first?.hasPrefix("the deadline 2027-03-03 of ER-1 is provisional: 2027 has no State Council") == true)
        #expect(moved.summary.deadlineProvisional)
    }
}
