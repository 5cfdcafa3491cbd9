@testable import RetrofitCore
import Testing

@Suite("Provisional years from 《全国年节及纪念日放假办法》")
struct StatutoryHolidaysTests: CalendarTestHelpers {
    @Test("Qingming is computed from the sun's longitude to the day, 2020 to 2030", arguments: [
        "2020-04-04", "2021-04-04", "2022-04-05", "2023-04-05", "2024-04-04", "2025-04-04",
        "2026-04-05", "2027-04-05", "2028-04-04", "2029-04-04", "2030-04-05",
    ])
    func qingmingDay(expected: String) throws {
        let date = try day(expected)
        let start = try #require(CivilDate(year: date.year, month: 4, day: 4))
        #expect(SolarTerm.day(longitude: 15, near: start) == date)
    }

    @Test("Lunar New Year, Dragon Boat and Mid-Autumn fall on their known dates, 2020 to 2030", arguments: [
        (2020, "2020-01-25", "2020-06-25", "2020-10-01"), (2021, "2021-02-12", "2021-06-14", "2021-09-21"),
        (2022, "2022-02-01", "2022-06-03", "2022-09-10"), (2023, "2023-01-22", "2023-06-22", "2023-09-29"),
        (2024, "2024-02-10", "2024-06-10", "2024-09-17"), (2025, "2025-01-29", "2025-05-31", "2025-10-06"),
        (2026, "2026-02-17", "2026-06-19", "2026-09-25"), (2027, "2027-02-06", "2027-06-09", "2027-09-15"),
        (2028, "2028-01-26", "2028-05-28", "2028-10-03"), (2029, "2029-02-13", "2029-06-16", "2029-09-22"),
        (2030, "2030-02-03", "2030-06-05", "2030-09-12"),
    ])
    func lunarFestivals(year: Int, newYear: String, dragonBoat: String, midAutumn: String) throws {
        let lunar = try #require(LunarDates(year: year))
        #expect(lunar.newYear == (try day(newYear)))
        #expect(lunar.dragonBoat == (try day(dragonBoat)))
        #expect(lunar.midAutumn == (try day(midAutumn)))
    }

    @Test("For 2025 and 2026 every statutory day computed is a day off in the shipped notice", arguments: [2025, 2026])
    func statutoryDaysAreOffInThePublishedYears(year: Int) throws {
        let calendar = try ShippedCalendars.mainland()
        let festivals = try #require(StatutoryHolidays.statutoryDays(in: year))
        #expect(Set(festivals.flatMap(\.days)).count == 13)
        for (name, days) in festivals {
            for date in days {
                guard case .holiday = try calendar.kind(of: date) else {
                    Issue.record("\(name) on \(date) is not a day off in the \(year) notice")
                    continue
                }
            }
        }
    }

    @Test("In 2024 the days the older measures also had are days off in the shipped notice")
    func olderMeasuresDaysAreOffIn2024() throws {
        let calendar = try ShippedCalendars.mainland()
        let lunar = try #require(LunarDates(year: 2024))
        let qingming = SolarTerm.day(longitude: 15, near: try day("2024-04-04"))
        // The 2013 measures: Spring Festival the 1st–3rd of the first month, no New Year's Eve; Labour Day May 1 only.
        let days = [try day("2024-01-01"), lunar.newYear, lunar.newYear.adding(days: 1), lunar.newYear.adding(days: 2),
                    qingming, try day("2024-05-01"), lunar.dragonBoat, lunar.midAutumn,
                    try day("2024-10-01"), try day("2024-10-02"), try day("2024-10-03")]
        for date in days {
            guard case .holiday = try calendar.kind(of: date) else {
                Issue.record("\(date) is not a day off in the 2024 notice")
                continue
            }
        }
    }

    @Test("A provisional year has the 13 statutory days, a next working day for each on a weekend, and no make-up days")
    func provisional2027() throws {
        let calendar = try ShippedCalendars.mainland()
        #expect(calendar.isProvisional(2027))
        #expect(!calendar.isProvisional(2026))
        #expect(try calendar.makeUpWorkingDays(in: 2027).isEmpty)
        let daysOff = try calendar.holidays(in: 2027).flatMap(\.days).map(\.description)
        // 2027: Spring Festival Feb 5–8 (Sat 6, Sun 7 made up Tue 9, Wed 10); Labour Day Sat 1 – Sun 2 May
        // (made up Mon 3, Tue 4); National Day Fri 1 – Sun 3 Oct (made up Mon 4, Tue 5).
        #expect(daysOff == [
            "2027-01-01", "2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08", "2027-02-09", "2027-02-10",
            "2027-04-05", "2027-05-01", "2027-05-02", "2027-05-03", "2027-05-04", "2027-06-09", "2027-09-15",
            "2027-10-01", "2027-10-02", "2027-10-03", "2027-10-04", "2027-10-05",
        ])
        #expect(try calendar.kind(of: try day("2027-02-09")) == .holiday("春节 / Spring Festival 补假 (day in lieu of 2027-02-06)"))
        #expect(try calendar.kind(of: try day("2027-02-11")) == .workingDay)
        #expect(try calendar.source(of: 2027) == StatutoryHolidays.source)
    }

    @Test("Mid-Autumn on National Day is one day off, and a day in lieu never takes another statutory day")
    func overlappingFestivals() throws {
        // 2031: Mid-Autumn is 1 October, inside National Day.
        let festivals = try #require(StatutoryHolidays.statutoryDays(in: 2031))
        let midAutumn = try #require(festivals.first { $0.name.hasPrefix("中秋") }?.days.first)
        let calendar = try ShippedCalendars.mainland()
        let days = try calendar.holidays(in: 2031).flatMap(\.days)
        #expect(Set(days).count == days.count)
        #expect(Set(festivals.flatMap(\.days)).isSubset(of: Set(days)))
        for date in days where !festivals.flatMap(\.days).contains(date) { #expect(!date.isWeekend) }
        #expect(days.contains(midAutumn))
    }

    @Test("A deadline crossing from an official into a provisional year is marked provisional; one inside official years is not")
    func deadlineCrossingIntoAProvisionalYear() throws {
        let calendar = try ShippedCalendars.mainland()
        let crossing = try calendar.deadline(entered: try day("2026-12-01"), period: .months(3), suspensions: [])
        #expect(crossing.deadline == (try day("2027-03-01")))
        #expect(crossing.provisionalYears == [2027])
        #expect(crossing.explanation.last?.hasPrefix("Provisional: 2027 has no State Council notice yet") == true)
        let official = try calendar.deadline(entered: try day("2026-09-01"), period: .months(3), suspensions: [])
        #expect(!official.isProvisional)
        #expect(!official.explanation.contains { $0.hasPrefix("Provisional") })
        // 20 working days from 2026-12-20: 9 left in 2026, then 2027's New Year's Day is skipped.
        let working = try calendar.deadline(entered: try day("2026-12-20"), period: .workingDays(20), suspensions: [])
        #expect(working.holidaysSkipped.map(\.date.description) == ["2027-01-01"])
        #expect(working.deadline == (try day("2027-01-18")))
    }
}
