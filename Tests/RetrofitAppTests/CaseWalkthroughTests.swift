import Foundation
import RetrofitApp
import RetrofitCore
import RetrofitTestSupport
import Testing

/// The README's "Five minutes with one case", through the application layer alone: no process, no argument
/// parsing, a temporary database. The same facts the walkthrough shows: stages, versions, the deadline, refusals.
@Suite("The README walkthrough through RetrofitApp")
struct CaseWalkthroughTests {
    let li = Actor(name: "李娜"), wang = Actor(name: "王芳")
    let id = "ER-2025-0001"

    @Test func aRetrofitGoesFromIntakeToClosed() async throws {
        let bench = try AppCaseBench(now: "2025-06-30T17:00")
        defer { bench.removeFolder() }
        try bench.register([("张伟", .admin, nil), ("王芳", .manager, nil), ("李娜", .helper, "德城区")], at: "2025-03-01")

        let opened = try await bench.open(fields: [
            "address": "德州市德城区新华路12号", "district": "德城区", "community": "新华小区", "building": "3", "unit": "2",
            "homes": "12", "floors": "6",
        ], at: "2025-03-03", by: li)
        #expect(opened.caseID == id)
        #expect(opened.summary.stage == "intake" && opened.summary.version == 1 && opened.changed)

        let assigning = try await bench.change(id, .advance(to: nil, fields: [:], note: nil), at: "2025-03-04", by: li)
        #expect(assigning.summary.stage == "helper-assignment" && assigning.summary.version == 2)
        try await bench.expectRefusal(id, .advance(to: nil, fields: [:], note: nil), at: "2025-03-05", by: li,
                                      .forbidden, "李娜 is a helper; \"assign\" needs a manager")
        let assigned = try await bench.change(id, .assign(helper: "李娜"), at: "2025-03-05", by: wang)
        #expect(assigned.summary.helper == "李娜")
        let consulting = try await bench.change(id, .advance(to: nil, fields: [:], note: nil), at: "2025-03-05", by: wang)
        #expect(consulting.summary.stage == "consultation")
        #expect(consulting.deadline.deadline == Fixtures.date("2025-06-05") && consulting.deadline.rule == "3 months")
        #expect(consulting.deadline.warnings.isEmpty)

        let homes = [("2-101", 1, "89.53", "赵敏"), ("2-102", 1, "76.20", "钱进"), ("2-201", 2, "89.53", "孙丽"), ("2-202", 2, "76.20", "李强"),
                     ("2-301", 3, "89.53", "周杰"), ("2-302", 3, "76.20", "吴芳"), ("2-401", 4, "89.53", "郑浩"), ("2-402", 4, "76.20", "王伟"),
                     ("2-501", 5, "89.53", "冯雪"), ("2-502", 5, "76.20", "陈晨"), ("2-601", 6, "89.53", "王伟"), ("2-602", 6, "76.20", "欧阳, 娜娜")]
        for (number, floor, area, owner) in homes {
            try await bench.change(id, .recordHome(try .row(number, floor, area, owner)), at: "2025-04-08", by: li)
        }
        let design = CaseCommand.advance(to: nil, fields: ["implementing_entity": "新华小区业主委员会", "agreement_signed_on": "2025-04-16"], note: nil)
        try await bench.expectRefusal(id, design, at: "2025-04-09", by: li, .refused, "vote rule not met")
        let ballots: [(String, BallotChoice, String)] = [
            ("2-101", .object, "2025-04-10"), ("2-102", .agree, "2025-04-10"), ("2-201", .agree, "2025-04-11"), ("2-202", .agree, "2025-04-11"),
            ("2-301", .agree, "2025-04-12"), ("2-302", .abstain, "2025-04-12"), ("2-401", .agree, "2025-04-14"), ("2-402", .agree, "2025-04-14"),
            ("2-501", .agree, "2025-04-15"), ("2-502", .agree, "2025-04-15"), ("2-601", .agree, "2025-04-15"),
        ]
        for (home, vote, day) in ballots { try await bench.change(id, .castBallot(home: home, vote: vote), at: day, by: li) }
        try await bench.expectRefusal(id, .advance(to: nil, fields: [:], note: nil), at: "2025-04-18", by: li,
                                      .refused, "stage 'design' needs implementing_entity")
        #expect(try await bench.change(id, design, at: "2025-04-18", by: li).summary.stage == "design")

        let notice = try await bench.change(id, .advance(to: nil, fields: ["design_scheme_no": "SJ-2025-018"], note: nil), at: "2025-05-06", by: li)
        #expect(notice.summary.stage == "public-notice")
        let objection = try await bench.change(id, .raiseObjection(from: "王先生（101）", text: "担心采光"), at: "2025-05-08", by: li)
        #expect(objection.summary.openObjections.map(\.number) == [1])
        try await bench.expectRefusal(id, .advance(to: nil, fields: [:], note: nil), at: "2025-05-15", by: li,
                                      .refused, "may leave it on or after 2025-05-17")
        try await bench.expectRefusal(id, .advance(to: nil, fields: [:], note: nil), at: "2025-05-19", by: li,
                                      .refused, "objections are open: #1 from 王先生（101）")
        try await bench.change(id, .resolveObjection(number: 1, outcome: .mediated, note: nil), at: "2025-05-19", by: li)
        #expect(try await bench.change(id, .advance(to: nil, fields: [:], note: nil), at: "2025-05-19", by: li).summary.stage == "joint-review")
        let approve = CaseCommand.advance(to: "approve", fields: ["planning_permit_no": "德规许2025-031"], note: nil)
        try await bench.expectRefusal(id, approve, at: "2025-05-26", by: li, .forbidden, "李娜 is a helper; \"approve\" needs a manager")
        #expect(try await bench.change(id, approve, at: "2025-05-26", by: wang).summary.stage == "permit-filing")
        let steps: [(String?, [String: String], String, String)] = [
            (nil, ["construction_filing_no": "BA-2025-112", "installation_notice_no": "GZ-2025-0457"], "2025-05-28", "construction"),
            (nil, ["construction_started_on": "2025-05-29", "construction_finished_on": "2025-06-19"], "2025-06-20", "inspection"),
            ("pass", ["inspection_report_no": "JY-2025-0311", "inspection_date": "2025-06-24", "acceptance_record_no": "YS-2025-077"],
             "2025-06-25", "registration"),
            (nil, ["use_registration_no": "梯登鲁N2025001", "registration_code": "37102025001", "equipment_code": "3110371420250001"],
             "2025-06-30", "commissioned"),
        ]
        for (to, fields, day, stage) in steps {
            #expect(try await bench.change(id, .advance(to: to, fields: fields, note: nil), at: day, by: li).summary.stage == stage)
        }

        let shown = try await bench.app.showCase(ShowCaseRequest(caseID: id), by: li)
        #expect(shown.summary.stage == "commissioned")
        #expect(shown.summary.milestones["commissioned"] == "2025-06-30")
        #expect(shown.summary.fields["use_registration_no"] == "梯登鲁N2025001")
        #expect(shown.summary.homesRegistered == 12)
        #expect(shown.timeline.last?.version == shown.summary.version && shown.timeline.count == 20 && !shown.timelineIsComplete)
        #expect(shown.timeline.last?.details.hasPrefix("registration → commissioned (") == true, "\(shown.timeline.last?.details ?? "")")
        #expect(shown.timeline.last?.details.hasSuffix("use_registration_no=梯登鲁N2025001") == true)
        #expect(shown.fields.first { $0.name == "use_registration_no" }?.value == "梯登鲁N2025001")

        let history = try await bench.app.caseHistory(CaseHistoryRequest(caseID: id), by: li)
        #expect(history.events.count == shown.summary.version && history.nextAfter == nil)
        #expect(history.events.first?.type == "opened" && history.events.first?.details.hasPrefix("in intake") == true)

        let closed = try await bench.change(id, .advance(to: nil, fields: ["subsidy_amount": "100000", "subsidy_paid_on": "2025-06-30"], note: nil),
                                            at: "2025-06-30", by: wang)
        #expect(closed.summary.stage == "closed" && closed.summary.status == "completed")
        let noted = try await bench.change(id, .note("已结案，资料归档"), at: "2025-06-30T17:00", by: li)
        #expect(noted.changed && noted.summary.version == closed.summary.version + 1)
        try await bench.expectRefusal(id, .setFields(["floors": "7"], note: nil), at: "2025-06-30T17:00", by: li,
                                      .refused, "case ER-2025-0001 is finished (stage 'closed'); it cannot change")

        let list = try await bench.app.listCases(CaseSelection(status: .completed), by: li)
        #expect(list.cases.map(\.id) == [id])
        let explanation = try await bench.app.explainCase(ExplainCaseRequest(caseID: id), by: li)
        #expect(explanation.explanation.first == "Case ER-2025-0001 is in closed — \(closed.summary.stageTitle) (completed).")
        #expect(explanation.moves.isEmpty && explanation.deadline == nil)
    }

    @Test func aStaleVersionIsAConflictAndAnUnknownNameIsBadInput() async throws {
        let bench = try AppCaseBench(now: "2025-06-30T17:00")
        defer { bench.removeFolder() }
        try await bench.open("C-1", at: "2025-03-03", by: li)
        try await bench.change("C-1", .note("一"), at: "2025-03-04", by: li)
        await #expect(throws: AppError.self) { try await bench.change("C-1", .note("二"), at: "2025-03-05", by: li, expectVersion: 1) }
        do {
            try await bench.change("C-1", .note("二"), at: "2025-03-05", by: li, expectVersion: 1)
        } catch let error as AppError {
            #expect(error.category == .conflict)
        }
        do {
            _ = try await bench.app.listCases(CaseSelection(stage: "consultaton"), by: li)
            Issue.record("an unknown stage was accepted")
        } catch {
            #expect(error.category == .badInput && error.message.contains("consultation"), "\(error.message)")
        }
        do {
            _ = try await bench.app.showCase(ShowCaseRequest(caseID: "C-9"), by: li)
            Issue.record("an unknown case was shown")
        } catch {
            #expect(error.category == .notFound, "\(error.message)")
        }
    }
}
