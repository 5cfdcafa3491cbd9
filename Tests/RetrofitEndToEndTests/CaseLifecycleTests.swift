import Foundation
import RetrofitTestSupport
import Testing

/// The README's walkthrough, and the renewal procedure, through the built binary.
@Suite("A case's whole life through the command line")
struct CaseLifecycleTests {
    let folder: URL
    let cli: RetrofitProcess

    init() throws {
        folder = try Fixtures.temporaryDirectory()
        var cli = RetrofitProcess(directory: folder, now: "2025-06-30T17:00", actor: "李娜")
        cli.environment["RETROFIT_DB"] = folder.appendingPathComponent("walkthrough.sqlite").path
        self.cli = cli
    }

    /// The walkthrough's spreadsheets, the very files the README links to.
    static let examples = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("examples")

    func copyExample(_ name: String) throws {
        try FileManager.default.copyItem(at: Self.examples.appendingPathComponent(name), to: folder.appendingPathComponent(name))
    }

    @discardableResult
    func ok(_ arguments: [String], _ expected: String? = nil) throws -> RetrofitProcess.Result {
        let result = try cli.run(arguments)
        #expect(result.status == 0, "\(arguments.joined(separator: " ")): \(result)")
        if let expected { #expect(result.stdout.contains(expected), "\(arguments.joined(separator: " ")): \(result.stdout)") }
        return result
    }

    func refused(_ arguments: [String], _ message: String) throws {
        let result = try cli.run(arguments)
        #expect(result.status == 3, "\(arguments.joined(separator: " ")): \(result)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test func theREADMEWalkthroughTakesARetrofitFromIntakeToCommissioned() throws {
        try ok(["people", "add", "张伟", "--role", "admin", "--actor", "张伟"])
        try ok(["people", "add", "王芳", "--role", "manager", "--actor", "张伟"])
        try ok(["people", "add", "李娜", "--role", "helper", "--district", "德城区", "--actor", "张伟"])
        try ok(["case", "open", "--workflow", "elevator-retrofit", "--at", "2025-03-03", "--field", "address=德州市德城区新华路12号",
                "--field", "district=德城区", "--field", "community=新华小区", "--field", "building=3", "--field", "unit=2",
                "--field", "homes=12", "--field", "floors=6"], "ER-2025-0001")
        try ok(["case", "advance", "ER-2025-0001", "--at", "2025-03-04"], "now in helper-assignment")
        try refused(["case", "advance", "ER-2025-0001", "--at", "2025-03-05"], "李娜 is a helper; \"assign\" needs a manager")
        try ok(["case", "assign", "ER-2025-0001", "--helper", "李娜", "--actor", "王芳", "--at", "2025-03-05"])
        try ok(["case", "advance", "ER-2025-0001", "--actor", "王芳", "--at", "2025-03-05"], "deadline 2025-06-05 (3 months)")

        try copyExample("homes.csv")
        try copyExample("ballots.csv")
        try ok(["consult", "home", "import", "ER-2025-0001", "homes.csv", "--at", "2025-04-08"], "12 homes, 11 owners, 994.38 m²")
        try refused(["case", "advance", "ER-2025-0001", "--at", "2025-04-09", "--field", "implementing_entity=新华小区业主委员会",
                     "--field", "agreement_signed_on=2025-04-08"], "vote rule not met")
        try ok(["consult", "vote", "import", "ER-2025-0001", "ballots.csv"], "11 voted")
        try ok(["consult", "tally", "ER-2025-0001"], "owners agreeing 8/10 of participants; needs at least 3/4")
        try refused(["case", "advance", "ER-2025-0001", "--at", "2025-04-18"], "stage 'design' needs implementing_entity")
        try ok(["case", "advance", "ER-2025-0001", "--at", "2025-04-18", "--field", "implementing_entity=新华小区业主委员会",
                "--field", "agreement_signed_on=2025-04-16"], "now in design")
        try ok(["case", "advance", "ER-2025-0001", "--at", "2025-05-06", "--field", "design_scheme_no=SJ-2025-018"], "now in public-notice")
        try ok(["consult", "objection", "ER-2025-0001", "--from", "王先生（101）", "--text", "担心采光", "--at", "2025-05-08"])
        try refused(["case", "advance", "ER-2025-0001", "--at", "2025-05-15"], "may leave it on or after 2025-05-17")
        try refused(["case", "advance", "ER-2025-0001", "--at", "2025-05-19"], "objections are open: #1 from 王先生（101）")
        try ok(["consult", "objection", "resolve", "ER-2025-0001", "1", "--outcome", "mediated", "--at", "2025-05-19"])
        try ok(["case", "advance", "ER-2025-0001", "--at", "2025-05-19"], "now in joint-review")
        try refused(["case", "advance", "ER-2025-0001", "--to", "approve", "--at", "2025-05-26"], "李娜 is a helper; \"approve\" needs a manager")
        try ok(["case", "advance", "ER-2025-0001", "--to", "approve", "--actor", "王芳", "--at", "2025-05-26",
                "--field", "planning_permit_no=德规许2025-031"], "now in permit-filing")
        try ok(["case", "advance", "ER-2025-0001", "--at", "2025-05-28", "--field", "construction_filing_no=BA-2025-112",
                "--field", "installation_notice_no=GZ-2025-0457"], "now in construction")
        try ok(["case", "advance", "ER-2025-0001", "--at", "2025-06-20", "--field", "construction_started_on=2025-05-29",
                "--field", "construction_finished_on=2025-06-19"], "now in inspection")
        try ok(["case", "advance", "ER-2025-0001", "--to", "pass", "--at", "2025-06-25", "--field", "inspection_report_no=JY-2025-0311",
                "--field", "inspection_date=2025-06-24", "--field", "acceptance_record_no=YS-2025-077"], "now in registration")
        try ok(["case", "advance", "ER-2025-0001", "--at", "2025-06-30", "--field", "use_registration_no=梯登鲁N2025001",
                "--field", "registration_code=37102025001", "--field", "equipment_code=3110371420250001"], "now in commissioned")

        let show = try ok(["case", "show", "ER-2025-0001", "--json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any])
        #expect(json["stage"] as? String == "commissioned")
        #expect((json["milestones"] as? [String: String])?["commissioned"] == "2025-06-30")
        #expect((json["fields"] as? [String: String])?["use_registration_no"] == "梯登鲁N2025001")
        try ok(["case", "advance", "ER-2025-0001", "--actor", "王芳", "--at", "2025-06-30", "--field", "subsidy_amount=100000",
                "--field", "subsidy_paid_on=2025-06-30"], "now in closed")
        let closed = try ok(["case", "show", "ER-2025-0001", "--json"])
        #expect(closed.stdout.contains("\"status\" : \"completed\""))
        // A finished case takes notes (an auditor's remark) but no other change.
        try ok(["case", "note", "ER-2025-0001", "已结案，资料归档", "--at", "2025-06-30T17:00"])
        try refused(["case", "set", "ER-2025-0001", "--field", "floors=7", "--at", "2025-06-30T17:00"], "case ER-2025-0001 is finished (stage 'closed'); it cannot change")
    }

    @Test func anOldElevatorIsRenewedAfterAMaintenanceFundVote() throws {
        try ok(["case", "open", "--workflow", "elevator-renewal", "--id", "RN-1", "--at", "2025-03-03", "--field", "address=德州市陵城区东风路8号",
                "--field", "district=陵城区", "--field", "community=东风花园", "--field", "building=5", "--field", "unit=1",
                "--field", "homes=12", "--field", "floors=11", "--field", "years_in_service=12"])
        try refused(["case", "advance", "RN-1", "--at", "2025-03-04"], "guard failed: years_in_service at least 15 (years_in_service is 12)")
        try ok(["case", "set", "RN-1", "--field", "years_in_service=18", "--note", "核对使用登记：2007年投入使用", "--at", "2025-03-04"])
        try ok(["case", "advance", "RN-1", "--at", "2025-03-04"], "now in assessment")
        try ok(["case", "advance", "RN-1", "--at", "2025-03-20", "--field", "assessment_report_no=PG-2025-009"], "now in vote")
        try copyExample("homes.csv")
        try ok(["consult", "home", "import", "RN-1", "homes.csv", "--at", "2025-03-21"])
        // Exactly half of the participating owners agree: "more than half" is not met.
        for (home, vote) in [("2-101", "agree"), ("2-102", "agree"), ("2-201", "agree"), ("2-202", "agree"), ("2-301", "agree"),
                             ("2-302", "object"), ("2-401", "object"), ("2-402", "object"), ("2-501", "object"), ("2-502", "object")] {
            try ok(["consult", "vote", "RN-1", "--home", home, "--vote", vote, "--at", "2025-03-25"])
        }
        try refused(["case", "advance", "RN-1", "--at", "2025-03-26"], "owners agreeing 5/10 of participants; needs more than 1/2")
        try ok(["consult", "vote", "RN-1", "--home", "2-602", "--vote", "agree", "--at", "2025-03-26"])
        try ok(["case", "advance", "RN-1", "--at", "2025-03-27"], "now in funding")
        try ok(["case", "advance", "RN-1", "--actor", "王芳", "--at", "2025-04-02", "--field", "funding_source=维修资金 / maintenance fund",
                "--field", "funding_amount=150000", "--field", "installation_notice_no=GZ-2025-0100"], "now in construction")
        try ok(["case", "suspend", "RN-1", "--reason", "funding", "--note", "维修资金拨付延迟", "--at", "2025-04-10"])
        try refused(["case", "advance", "RN-1", "--at", "2025-04-11"], "case RN-1 is suspended (funding since 2025-04-10); resume it first")
        try ok(["case", "resume", "RN-1", "--at", "2025-04-24"])
        try ok(["case", "advance", "RN-1", "--at", "2025-05-30"], "now in inspection")
        try ok(["case", "advance", "RN-1", "--to", "fail", "--at", "2025-06-05"], "now in construction")
        try ok(["case", "advance", "RN-1", "--at", "2025-06-12"], "now in inspection")
        try ok(["case", "advance", "RN-1", "--to", "pass", "--at", "2025-06-16", "--field", "inspection_report_no=JY-2025-0400",
                "--field", "inspection_date=2025-06-16"], "now in registration")
        try ok(["case", "advance", "RN-1", "--at", "2025-06-27", "--field", "use_registration_no=梯登鲁N2025077",
                "--field", "registration_code=37102025077", "--field", "equipment_code=3110371420250077"], "now in commissioned")
        let show = try ok(["case", "show", "RN-1", "--json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any])
        #expect(json["status"] as? String == "completed")
        let visits = try #require(json["visits"] as? [[String: Any]])
        #expect(visits.map { $0["stage"] as? String ?? "" } == ["intake", "assessment", "vote", "funding", "construction", "inspection",
                                                                  "construction", "inspection", "registration", "commissioned"])
        #expect(visits[4]["suspendedDays"] as? Int == 14)
        let check = try cli.run("admin", "check")
        #expect(check.status == 0, "\(check)")
    }
}
