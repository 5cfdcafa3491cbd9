import RetrofitCore
import Testing

/// One year of DOMAIN.md §4's table, spelled as the table spells it.
struct NoticeYear: Sendable, CustomTestStringConvertible {
    let year: Int
    let daysOff: [(String, String)]
    /// Each make-up day with the weekday the table gives it: 6 = Saturday, 7 = Sunday.
    let makeUpDays: [(String, Int)]
    var testDescription: String { "\(year)" }

    static let table = [
        NoticeYear(
            year: 2024,
            daysOff: [("2024-01-01", "2024-01-01"), ("2024-02-10", "2024-02-17"), ("2024-04-04", "2024-04-06"),
                      ("2024-05-01", "2024-05-05"), ("2024-06-10", "2024-06-10"), ("2024-09-15", "2024-09-17"),
                      ("2024-10-01", "2024-10-07")],
            makeUpDays: [("2024-02-04", 7), ("2024-02-18", 7), ("2024-04-07", 7), ("2024-04-28", 7),
                         ("2024-05-11", 6), ("2024-09-14", 6), ("2024-09-29", 7), ("2024-10-12", 6)]
        ),
        NoticeYear(
            year: 2025,
            daysOff: [("2025-01-01", "2025-01-01"), ("2025-01-28", "2025-02-04"), ("2025-04-04", "2025-04-06"),
                      ("2025-05-01", "2025-05-05"), ("2025-05-31", "2025-06-02"), ("2025-10-01", "2025-10-08")],
            makeUpDays: [("2025-01-26", 7), ("2025-02-08", 6), ("2025-04-27", 7), ("2025-09-28", 7), ("2025-10-11", 6)]
        ),
        NoticeYear(
            year: 2026,
            daysOff: [("2026-01-01", "2026-01-03"), ("2026-02-15", "2026-02-23"), ("2026-04-04", "2026-04-06"),
                      ("2026-05-01", "2026-05-05"), ("2026-06-19", "2026-06-21"), ("2026-09-25", "2026-09-27"),
                      ("2026-10-01", "2026-10-07")],
            makeUpDays: [("2026-01-04", 7), ("2026-02-14", 6), ("2026-02-28", 6), ("2026-05-09", 6),
                         ("2026-09-20", 7), ("2026-10-10", 6)]
        ),
    ]
}

@Suite("Shipped calendar data")
struct ShippedCalendarDataTests: CalendarTestHelpers {
    @Test("The mainland calendar ships 2024, 2025 and 2026 with a due-soon window of 3 working days")
    func mainlandCalendarHeader() throws {
        let calendar = try ShippedCalendars.mainland()
        #expect(calendar.id == "cn-mainland")
        #expect(calendar.title == "中国大陆法定节假日 / Mainland China public holidays")
        #expect(calendar.warnBefore == 3)
        #expect(calendar.years == [2024, 2025, 2026])
    }

    @Test("Every day of a shipped year has the kind DOMAIN.md's table gives it", arguments: NoticeYear.table)
    func everyDayMatchesTheTable(notice: NoticeYear) throws {
        let calendar = try ShippedCalendars.mainland()
        var daysOff: Set<CivilDate> = []
        for (from, to) in notice.daysOff {
            let first = try day(from)
            for offset in 0...first.days(until: try day(to)) { daysOff.insert(first.adding(days: offset)) }
        }
        let makeUpDays = Set(try notice.makeUpDays.map { try day($0.0) })
        var date = try #require(CivilDate(year: notice.year, month: 1, day: 1))
        while date.year == notice.year {
            let kind = try calendar.kind(of: date)
            switch kind {
            case .holiday: #expect(daysOff.contains(date), "\(date) is \(kind)")
            case .makeUpWorkingDay: #expect(makeUpDays.contains(date), "\(date) is \(kind)")
            case .weekend: #expect(date.isWeekend && !daysOff.contains(date) && !makeUpDays.contains(date), "\(date)")
            case .workingDay: #expect(!date.isWeekend && !daysOff.contains(date), "\(date)")
            }
            date = date.adding(days: 1)
        }
        let listed = try calendar.holidays(in: notice.year).flatMap(\.days)
        #expect(Set(listed) == daysOff)
        #expect(listed.count == daysOff.count)
    }

    @Test("Every make-up working day falls on the weekday the table gives it", arguments: NoticeYear.table)
    func makeUpDaysAreTheTablesWeekendDays(notice: NoticeYear) throws {
        let calendar = try ShippedCalendars.mainland()
        let listed = try calendar.makeUpWorkingDays(in: notice.year)
        #expect(listed.map(\.date.description) == notice.makeUpDays.map(\.0))
        for (text, weekday) in notice.makeUpDays {
            let date = try day(text)
            #expect(date.weekday == weekday, "\(text)")
            #expect(try calendar.isWorkingDay(date), "\(text)")
        }
    }

    @Test("Each make-up working day names the holiday it makes up for")
    func makeUpDaysNameTheirHoliday() throws {
        let calendar = try ShippedCalendars.mainland()
        #expect(try calendar.kind(of: try day("2025-02-08")) == .makeUpWorkingDay("春节 / Spring Festival"))
        #expect(try calendar.kind(of: try day("2026-01-04")) == .makeUpWorkingDay("元旦 / New Year's Day"))
        #expect(try calendar.kind(of: try day("2025-10-03")) == .holiday("国庆节、中秋节 / National Day and Mid-Autumn Festival"))
        #expect(try calendar.source(of: 2025) == "国务院办公厅关于2025年部分节假日安排的通知")
    }
}
