import RetrofitCore
import RetrofitReports
import RetrofitStore
import Testing

/// Bottleneck figures for a period, checked against the stays of the programme fixture worked
/// out by hand. Working days are counted by the calendar in force over the windows listed here,
/// so the test holds whichever calendar module is built in.
@Suite("Bottlenecks over a period")
struct BottleneckPeriodTests {
    @Test("June 2025: waiting days clip each stay to the period; only visits left in June are completed")
    func june() async throws {
        let fixture = try await ReportFixture.programme()
        let setting = try ReportSetting.load(fixture.store, asOf: try ReportFixture.date(ReportFixture.reportDay), calendars: fixture.calendars)
        let report = try BottleneckReport.build(fixture.store, setting: setting, from: try ReportFixture.date("2025-06-01"),
                                                to: try ReportFixture.date("2025-06-30"), workflowID: "elevator-retrofit")
        let stages = try #require(report.workflows.first?.overall.stages)
        func stage(_ id: String) throws -> BottleneckStage { try #require(stages.first { $0.stage == id }) }
        let calendar = try #require(fixture.calendars["cn-mainland"])
        func days(_ after: String, _ through: String) throws -> Int {
            try calendar.workingDays(after: try ReportFixture.date(after), through: try ReportFixture.date(through), suspensions: [])
        }

        // Stays overlapping June, as (after, through] windows inside 2025-06-01…06-30:
        // consultation: 0004 (05-08→06-03) 05-31→06-03; 0006 (03-05→withdrawn 06-02) 05-31→06-02.
        await #expect(try stage("consultation").waitingDays == days("2025-05-31", "2025-06-03") + days("2025-05-31", "2025-06-02"))
        // design: 0004 06-03→06-10. public notice: 0004 06-10→06-23. joint review: 0004 06-23→06-30.
        await #expect(try stage("design").waitingDays == days("2025-06-03", "2025-06-10"))
        await #expect(try stage("public-notice").waitingDays == days("2025-06-10", "2025-06-23"))
        await #expect(try stage("joint-review").waitingDays == days("2025-06-23", "2025-06-30"))
        // permit filing: 0004 entered 06-30, nothing after it inside June.
        #expect(try stage("permit-filing").waitingDays == 0)
        // construction: 0002 (03-14→06-10) 05-31→06-10; 0001 (04-18→08-20) the whole month.
        await #expect(try stage("construction").waitingDays == days("2025-05-31", "2025-06-10") + days("2025-05-31", "2025-06-30"))
        // inspection and registration: 0002 06-10→06-20 and 06-20→06-30.
        await #expect(try stage("inspection").waitingDays == days("2025-06-10", "2025-06-20"))
        await #expect(try stage("registration").waitingDays == days("2025-06-20", "2025-06-30"))
        #expect(try stage("commissioned").waitingDays == 0)

        // Completed in June: 0004 left consultation, design, public notice, joint review; 0002 left construction,
        // inspection, registration. 0006's withdrawal on 06-02 is not a completed visit.
        #expect(try stage("consultation").workingDays.count == 1)
        await #expect(try stage("consultation").workingDays.median == days("2025-05-08", "2025-06-03"))
        await #expect(try stage("construction").workingDays.maximum == days("2025-03-14", "2025-06-10"))
        #expect(try stage("intake").workingDays.count == 0)
        #expect(try stage("intake").workingDays.median == nil)
        #expect(stages.map(\.rework).reduce(0, +) == 0)

        // Today's figures do not depend on the period.
        #expect(try stage("consultation").inStage == 1)
        #expect(try stage("construction").suspended == 1)
    }

    @Test("the rework of the joint-review rejection is counted in the period the case returned")
    func rework() async throws {
        let fixture = try await ReportFixture.programme()
        let setting = try ReportSetting.load(fixture.store, asOf: try ReportFixture.date(ReportFixture.reportDay), calendars: fixture.calendars)
        let march = try BottleneckReport.build(fixture.store, setting: setting, from: try ReportFixture.date("2025-03-01"),
                                               to: try ReportFixture.date("2025-03-31"))
        let april = try BottleneckReport.build(fixture.store, setting: setting, from: try ReportFixture.date("2025-04-01"),
                                               to: try ReportFixture.date("2025-04-30"))
        func rework(_ report: BottleneckReport) -> [String: Int] {
            Dictionary(uniqueKeysWithValues: (report.workflows.first?.overall.stages ?? []).filter { $0.rework > 0 }.map { ($0.stage, $0.rework) })
        }
        // 0001 went back to design on 03-20 and public notice on 03-25 (March), joint review on 04-08 (April).
        #expect(rework(march) == ["design": 1, "public-notice": 1])
        #expect(rework(april) == ["joint-review": 1])
    }

    @Test("a period ending before it starts is refused")
    func badPeriod() async throws {
        let fixture = try ReportFixture()
        let setting = ReportSetting(asOf: try ReportFixture.date("2025-12-15"), calendars: fixture.calendars, workflows: [:])
        await #expect(throws: ReportInputError.badPeriod(from: try ReportFixture.date("2025-06-02"), to: try ReportFixture.date("2025-06-01"))) {
            try BottleneckReport.build(fixture.store, setting: setting, from: try ReportFixture.date("2025-06-02"),
                                       to: try ReportFixture.date("2025-06-01"))
        }
    }
}
