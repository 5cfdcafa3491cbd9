import RetrofitCore
import RetrofitReports
import RetrofitStore
import Testing

/// The forecast on a fixture small enough to work out by hand.
///
/// Workflow `forecast-test`: a (deadline 5 working days) → b (deadline 30 days) → c (marks
/// commissioned) → done. Target 5. Every stay below lies inside one Monday-to-Friday week without
/// holidays, and every "30 days" lands on a working day, so the answer is the same whether working
/// days are counted by the calendar stub or by the real calendar.
///
/// History (2025):
/// - H1: a Mon 11-03 → b Thu 11-06 (3 working days) → c Fri 11-07 (b: 1). Commissioned 11-07.
/// - H2: a Mon 11-10 → b Wed 11-12 (2) → c Thu 11-13 (b: 1). Commissioned 11-13.
/// - H3: a Mon 11-17 → b Tue 11-18 (1); still in b.
/// - Y: in a since Mon 12-01.  X: in a since Mon 12-08. Report day: Mon 2025-12-08.
///
/// Estimates: a has 3 past visits (1, 2, 3): median (rank ⌈1.5⌉ = 2) = 2 working days.
/// b has only 2 past visits, so its deadline is used: 30 days.
///
/// Forecasts:
/// - H3: b entered 11-18 + 30 days = Thu 12-18 → in 2025.
/// - Y: a entered 12-01 + 2 working days = Wed 12-03, but it cannot leave before today: 12-08;
///   then + 30 days = Wed 2026-01-07, 7 days after the year end.
/// - X: a entered 12-08 + 2 working days = Wed 12-10; + 30 days = Fri 2026-01-09, 9 days late.
///
/// Year end: 2 commissioned + 1 forecast (H3) = 3 < target 5. Needed 5 − 2 = 3: all three cases
/// must be commissioned in 2025, in forecast order H3, Y, X; with 3 in the pipeline nothing is short.
@Suite("Progress forecast")
struct ForecastTests {
    static let workflow = """
        id: forecast-test
        version: 1
        title: 预测测试 / Forecast test
        calendar: cn-mainland
        target: 5
        id_prefix: FT
        fields:
          district: { type: text, title: 区县 / District, required_from: a }
        stages:
          - id: a
            title: 甲 / A
            roles: [helper, manager]
            deadline: { working_days: 5 }
            transitions:
              - { to: b, name: go-b }
          - id: b
            title: 乙 / B
            roles: [helper, manager]
            deadline: { days: 30 }
            transitions:
              - { to: c, name: go-c }
          - id: c
            title: 丙 / C
            roles: [helper, manager]
            milestones: [commissioned]
            deadline: { months: 3 }
            transitions:
              - { to: done, name: close }
          - id: done
            title: 结案 / Done
            terminal: true
        """

    static func fixture() async throws -> ReportFixture {
        let fixture = try ReportFixture(extraWorkflows: [WorkflowCatalog.File(path: "forecast-test.yaml", text: workflow)])
        let district = ["district": "德城区"]
        func open(_ id: String, _ at: String) async throws {
            try await fixture.open(id, workflow: "forecast-test", fields: district, helper: "李娜", at: at)
        }
        try await open("H1", "2025-11-03T09:00")
        try await fixture.advance("H1", at: "2025-11-06T09:00")
        try await fixture.advance("H1", at: "2025-11-07T09:00")
        try await open("H2", "2025-11-10T09:00")
        try await fixture.advance("H2", at: "2025-11-12T09:00")
        try await fixture.advance("H2", at: "2025-11-13T09:00")
        try await open("H3", "2025-11-17T09:00")
        try await fixture.advance("H3", at: "2025-11-18T09:00")
        try await open("Y", "2025-12-01T09:00")
        try await open("X", "2025-12-08T09:00")
        return fixture
    }

    @Test("expected days, year-end count and the cases that must move, worked out by hand")
    func handWorked() async throws {
        let fixture = try await Self.fixture()
        let setting = try ReportSetting.load(fixture.store, asOf: try ReportFixture.date("2025-12-08"), calendars: fixture.calendars)
        let report = try ProgressReport.build(fixture.store, setting: setting, year: 2025, workflowID: "forecast-test")
        #expect(report.target == 5)
        #expect(report.commissioned == 2)
        #expect(report.months.map(\.commissioned) == [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0])
        #expect(report.months.map(\.cumulative) == [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 2])
        let forecast = try #require(report.forecast)

        let a = try #require(forecast.estimates.first { $0.stage == "a" })
        #expect(a.visits == 3)
        #expect(a.basis == .median)
        #expect(a.period == "2 working days")
        let b = try #require(forecast.estimates.first { $0.stage == "b" })
        #expect(b.visits == 2)
        #expect(b.basis == .deadline)
        #expect(b.period == "30 days")
        #expect(forecast.estimates.map(\.stage) == ["a", "b"])

        #expect(forecast.cases.map(\.id) == ["H3", "Y", "X"])
        #expect(forecast.cases.map { $0.expected?.description } == ["2025-12-18", "2026-01-07", "2026-01-09"])
        #expect(forecast.cases.map(\.inYear) == [true, false, false])
        #expect(forecast.cases.map(\.daysAfterYearEnd) == [0, 7, 9])
        #expect(forecast.cases.map(\.path) == [["b", "c"], ["a", "b", "c"], ["a", "b", "c"]])

        #expect(forecast.expectedInYear == 1)
        #expect(forecast.expectedByYearEnd == 3)
        #expect(forecast.needed == 3)
        #expect(forecast.mustMove.map(\.id) == ["H3", "Y", "X"])
        #expect(forecast.shortBy == 0)
        #expect(forecast.summary.hasPrefix("Expected by 2025-12-31: 3 (2 commissioned, 1 forecast) against a target of 5."))
    }

    @Test("a lower target that the forecast meets names only the cases it counts on")
    func targetMet() async throws {
        let fixture = try await Self.fixture()
        let setting = try ReportSetting.load(fixture.store, asOf: try ReportFixture.date("2025-12-08"), calendars: fixture.calendars)
        let report = try ProgressReport.build(fixture.store, setting: setting, year: 2025, target: 3, workflowID: "forecast-test")
        let forecast = try #require(report.forecast)
        #expect(forecast.needed == 1)
        #expect(forecast.mustMove.map(\.id) == ["H3"])
        #expect(forecast.summary.contains("The target is met if the 1 case with the earliest forecasts keeps to time."))
        let met = try ProgressReport.build(fixture.store, setting: setting, year: 2025, target: 2, workflowID: "forecast-test")
        #expect(met.forecast?.mustMove.isEmpty == true)
        #expect(met.forecast?.summary.hasSuffix("The target is already met.") == true)
    }

    @Test("a past year has no forecast; a missing target falls back to the workflow's")
    func pastYear() async throws {
        let fixture = try await Self.fixture()
        let setting = try ReportSetting.load(fixture.store, asOf: try ReportFixture.date("2026-02-02"), calendars: fixture.calendars)
        let report = try ProgressReport.build(fixture.store, setting: setting, year: 2025, workflowID: "forecast-test")
        #expect(report.forecast == nil)
        #expect(report.target == 5)
        #expect(report.months.compactMap(\.cumulative).count == 12)
    }

    @Test("shortest path: fewest moves, nil when nothing leads there")
    func shortestPath() throws {
        let catalog = WorkflowCatalog(files: try ReportFixture.yamlFiles("workflows"))
        let retrofit = try catalog.load("elevator-retrofit")
        #expect(StagePath.shortest(in: retrofit, from: "joint-review", to: "commissioned")
                == ["joint-review", "permit-filing", "construction", "inspection", "registration", "commissioned"])
        #expect(StagePath.shortest(in: retrofit, from: "commissioned", to: "commissioned") == ["commissioned"])
        #expect(StagePath.shortest(in: retrofit, from: "closed", to: "commissioned") == nil)
    }
}
