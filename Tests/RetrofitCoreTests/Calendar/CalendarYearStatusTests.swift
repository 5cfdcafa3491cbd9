import RetrofitCore
import Testing

@Suite("Which calendar years are official, which provisional, and when to warn")
struct CalendarYearStatusTests: CalendarTestHelpers {
    @Test("Official years with their files, then provisional years through next year")
    func yearsThroughNextYear() throws {
        let calendar = try ShippedCalendars.mainland()
        let years = CalendarYearStatus.years(of: calendar, today: try day("2027-03-01"))
        #expect(years.map(\.year) == [2024, 2025, 2026, 2027, 2028])
        #expect(years.map(\.standing) == [.official, .official, .official, .provisional, .provisional])
        #expect(years.first?.file == "calendars/cn-mainland-2024.yaml")
        #expect(years.last?.file == nil)
    }

    @Test("Next year's missing notice is warned about from 1 October; this year's always")
    func warningsFromFirstOctober() throws {
        let calendar = try ShippedCalendars.mainland()
        #expect(CalendarYearStatus.warnings(of: calendar, today: try day("2026-09-30")).isEmpty)
        let october = CalendarYearStatus.warnings(of: calendar, today: try day("2026-10-01"))
        #expect(october.count == 1)
        #expect(october.first?.hasPrefix("calendar cn-mainland has no official schedule for 2027 (cn-mainland-2027.yaml)") == true)
        let spring = CalendarYearStatus.warnings(of: calendar, today: try day("2027-03-01"))
        #expect(spring.count == 1)
        #expect(spring.first?.contains("for 2027") == true)
        let strict = try ShippedCalendars.mainlandWithoutProvisionalYears()
        #expect(CalendarYearStatus.warnings(of: strict, today: try day("2027-03-01")).first?
            .hasSuffix("deadlines that reach it cannot be computed") == true)
    }
}
