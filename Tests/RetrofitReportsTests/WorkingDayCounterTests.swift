import RetrofitApp
import RetrofitCore
@testable import RetrofitReports
import RetrofitTestSupport
import Testing

@Suite("The reports' working-day table counts exactly as the calendar does")
struct WorkingDayCounterTests {
    @Test func randomSpansAndSuspensionsAgreeWithTheCalendar() throws {
        let calendar = try #require(Fixtures.calendar)
        var counter = WorkingDayCounter(calendar)
        var random = SeededRandom(seed: 20_251_129)
        print("WorkingDayCounterTests seed: 20251129")
        let first = CivilDate(year: 2024, month: 1, day: 1)?.dayNumber ?? 0
        for _ in 0..<2_000 {
            let start = CivilDate(dayNumber: first + Int.random(in: 0..<1_000, using: &random))
            let end = start.adding(days: Int.random(in: 0..<90, using: &random))
            var spans: [SuspendedSpan] = []
            for _ in 0..<Int.random(in: 0...3, using: &random) {
                let from = start.adding(days: Int.random(in: -10..<100, using: &random))
                spans.append(SuspendedSpan(from: from, until: from.adding(days: Int.random(in: 0..<40, using: &random)), reason: "other"))
            }
            let expected = try calendar.workingDays(after: start, through: end, suspensions: spans)
            #expect(counter.days(after: start, through: end, suspensions: spans) == expected, "\(start)…\(end) \(spans)")
        }
    }

    @Test func aDayOutsideTheCalendarIsANoteNotAGuess() throws {
        var counter = WorkingDayCounter(try #require(Fixtures.calendar))
        // 2023 is before the shipped years and before the 2025 measures: no provisional year either.
        #expect(counter.days(after: Fixtures.date("2023-12-20"), through: Fixtures.date("2024-01-10"), suspensions: []) == nil)
        #expect(counter.problems.first?.contains("2023") == true)
    }
}
