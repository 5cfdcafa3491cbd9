import RetrofitCore
import Testing

@Suite("Dates the calendar cannot answer for")
struct CalendarErrorTests: CalendarTestHelpers {
    @Test("A year the calendar lacks is named, never guessed", arguments: [
        ("2026-12-20", 10, 2027),   // 9 working days left in 2026, the 10th needs 2027
        ("2023-12-29", 1, 2023),    // counting starts on 2023-12-30
    ])
    func missingYearInWorkingDays(entered: String, count: Int, year: Int) throws {
        let calendar = try ShippedCalendars.mainlandWithoutProvisionalYears()
        #expect(throws: CalendarError.missingYear(calendar: "cn-mainland", year: year)) {
            try calendar.deadline(entered: try day(entered), period: .workingDays(count), suspensions: [])
        }
    }

    @Test("Calendar days and months ending in a year the calendar lacks name that year")
    func missingYearInDaysAndMonths() throws {
        let calendar = try ShippedCalendars.mainlandWithoutProvisionalYears()
        let missing2027 = CalendarError.missingYear(calendar: "cn-mainland", year: 2027)
        #expect(throws: missing2027) {
            try calendar.deadline(entered: try day("2026-12-01"), period: .days(60), suspensions: [])
        }
        #expect(throws: missing2027) {
            try calendar.deadline(entered: try day("2026-06-30"), period: .months(12), suspensions: [])
        }
        #expect(throws: CalendarError.missingYear(calendar: "cn-mainland", year: 10359)) {
            try calendar.deadline(entered: try day("2026-01-01"), period: .months(100_000), suspensions: [])
        }
        #expect(throws: missing2027) { try calendar.kind(of: try day("2027-01-01")) }
        #expect(throws: missing2027) { try calendar.holidays(in: 2027) }
        #expect(throws: missing2027) {
            try calendar.workingDays(after: try day("2026-12-30"), through: try day("2027-01-05"), suspensions: [])
        }
    }

    @Test("With the statutory rule, only years before the 2025 measures or after 2100 are missing")
    func missingYearOutsideTheStatutoryRange() throws {
        let calendar = try ShippedCalendars.mainland()
        #expect(throws: CalendarError.missingYear(calendar: "cn-mainland", year: 2023)) {
            try calendar.deadline(entered: try day("2023-12-29"), period: .workingDays(1), suspensions: [])
        }
        #expect(throws: CalendarError.missingYear(calendar: "cn-mainland", year: 2101)) {
            try calendar.kind(of: try day("2101-01-03"))
        }
        #expect(try calendar.kind(of: try day("2100-01-01")) == .holiday("元旦 / New Year's Day"))
        #expect(try calendar.deadline(entered: try day("2026-12-01"), period: .days(60), suspensions: []).isProvisional)
    }

    @Test("The missing-year message says which file to add")
    func missingYearMessage() {
        #expect(CalendarError.missingYear(calendar: "cn-mainland", year: 2027).description
            == "calendar cn-mainland has no data for 2027; add calendars/cn-mainland-2027.yaml")
    }

    @Test("A period must count at least 1", arguments: [0, -1, -30])
    func periodBelowOneIsRefused(count: Int) throws {
        let calendar = try ShippedCalendars.mainland()
        for unit in Period.Unit.allCases {
            let period = Period(unit: unit, count: count)
            #expect(throws: CalendarError.periodNotPositive(period)) {
                try calendar.deadline(entered: try day("2025-03-03"), period: period, suspensions: [])
            }
        }
        #expect(CalendarError.periodNotPositive(.workingDays(0)).description
            == "a period of 0 working days is not allowed; a period counts at least 1")
    }

    @Test("A period longer than the maximum is refused rather than overflowing")
    func periodAboveMaximumIsRefused() throws {
        let calendar = try ShippedCalendars.mainland()
        let period = Period.days(Period.maximumCount + 1)
        #expect(throws: CalendarError.periodTooLong(period)) {
            try calendar.deadline(entered: try day("2025-03-03"), period: period, suspensions: [])
        }
    }
}
