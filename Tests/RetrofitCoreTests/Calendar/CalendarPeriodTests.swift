import RetrofitCore
import Testing

@Suite("Period")
struct CalendarPeriodTests: CalendarTestHelpers {
    @Test("A period describes itself in words, singular for one", arguments: [
        (Period.workingDays(10), "10 working days"),
        (Period.workingDays(1), "1 working day"),
        (Period.days(30), "30 days"),
        (Period.days(1), "1 day"),
        (Period.months(3), "3 months"),
        (Period.months(1), "1 month"),
    ])
    func description(period: Period, expected: String) {
        #expect(period.description == expected)
    }

    @Test("Units use the spelling of workflow files")
    func unitSpelling() {
        #expect(Period.Unit.allCases.map(\.rawValue) == ["working_days", "days", "months"])
    }
}
