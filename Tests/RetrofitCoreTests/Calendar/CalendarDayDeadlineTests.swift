import RetrofitCore
import Testing

private typealias Example = CalendarDeadlineExample

@Suite("Deadlines in calendar days and months")
struct CalendarDayDeadlineTests: CalendarTestHelpers {
    @Test("N days end on entry + N, moved forward to a working day", arguments: [
        Example(entered: "2025-03-03", count: 10, deadline: "2025-03-13", why: "a Thursday stays"),
        Example(entered: "2025-03-03", count: 5, deadline: "2025-03-10", rolledFrom: "2025-03-08",
                why: "a Saturday moves to Monday"),
        Example(entered: "2025-01-20", count: 10, deadline: "2025-02-05", rolledFrom: "2025-01-30",
                why: "a day of Spring Festival moves past the holiday"),
        Example(entered: "2025-01-20", count: 19, deadline: "2025-02-08", why: "make-up Saturday Feb 8 stays"),
        Example(entered: "2024-05-01", count: 10, deadline: "2024-05-11", why: "make-up Saturday May 11 2024 stays"),
        Example(entered: "2025-12-22", count: 10, deadline: "2026-01-04", rolledFrom: "2026-01-01",
                why: "New Year's Day 2026 moves to make-up Sunday Jan 4"),
        Example(entered: "2025-09-01", count: 30, deadline: "2025-10-09", rolledFrom: "2025-10-01",
                why: "National Day moves past Oct 8"),
        Example(entered: "2025-10-01", count: 7, deadline: "2025-10-09", rolledFrom: "2025-10-08",
                why: "entered on a holiday, ending on one"),
        Example(entered: "2025-02-08", count: 1, deadline: "2025-02-10", rolledFrom: "2025-02-09",
                why: "entered on make-up Saturday Feb 8, ending on Sunday"),
    ])
    func calendarDayDeadline(example: CalendarDeadlineExample) throws {
        let calendar = try ShippedCalendars.mainland()
        let entered = try day(example.entered)
        let reckoning = try calendar.deadline(entered: entered, period: .days(example.count), suspensions: [])
        #expect(reckoning.deadline == (try day(example.deadline)))
        #expect(reckoning.rolledForwardFrom == (try example.rolledFrom.map(day)))
        #expect(reckoning.plainEnd == entered.adding(days: example.count))
    }

    @Test("N months end on the same day N months later or that month's last day, moved like days", arguments: [
        Example(entered: "2024-01-31", count: 1, deadline: "2024-02-29", why: "Jan 31 + 1 month in leap 2024 is Feb 29"),
        Example(entered: "2025-01-31", count: 1, deadline: "2025-02-28", why: "Jan 31 + 1 month in 2025 is Friday Feb 28"),
        Example(entered: "2026-01-31", count: 1, deadline: "2026-02-28",
                why: "Jan 31 + 1 month in 2026 is Saturday Feb 28, a make-up day, so it stays"),
        Example(entered: "2024-10-31", count: 1, deadline: "2024-12-02", rolledFrom: "2024-11-30",
                why: "Oct 31 + 1 month is Saturday Nov 30, moved to Monday"),
        Example(entered: "2025-03-31", count: 2, deadline: "2025-06-03", rolledFrom: "2025-05-31",
                why: "Mar 31 + 2 months is May 31, Dragon Boat, moved to Jun 3"),
        Example(entered: "2025-09-01", count: 1, deadline: "2025-10-09", rolledFrom: "2025-10-01",
                why: "Sep 1 + 1 month is National Day, moved past it"),
        Example(entered: "2025-11-20", count: 3, deadline: "2026-02-24", rolledFrom: "2026-02-20",
                why: "Nov 20 + 3 months crosses the year into Spring Festival 2026"),
        Example(entered: "2024-12-31", count: 2, deadline: "2025-02-28", why: "Dec 31 + 2 months is Feb 28 2025"),
        Example(entered: "2025-03-15", count: 1, deadline: "2025-04-15", why: "Mar 15 + 1 month is Apr 15"),
    ])
    func monthDeadline(example: CalendarDeadlineExample) throws {
        let calendar = try ShippedCalendars.mainland()
        let reckoning = try calendar.deadline(
            entered: try day(example.entered), period: .months(example.count), suspensions: []
        )
        #expect(reckoning.deadline == (try day(example.deadline)))
        #expect(reckoning.rolledForwardFrom == (try example.rolledFrom.map(day)))
    }

    @Test("Jan 31 + 1 month in a non-leap year whose Feb 28 is a Sunday moves to Monday Mar 1")
    func monthEndOnAWeekendMovesForward() throws {
        // No shipped year has Feb 28 on a plain weekend day (2026's is a make-up Saturday), so use 2027 without holidays.
        let calendar = try WorkingCalendar.load(id: "fixture", files: [
            (path: "calendars/fixture.yaml", text: "id: fixture\ntitle: Fixture\nwarn_before: 2\n"),
            (path: "calendars/fixture-2027.yaml", text: "calendar: fixture\nyear: 2027\nsource: none\nholidays: []\n"),
        ])
        let reckoning = try calendar.deadline(entered: try day("2027-01-31"), period: .months(1), suspensions: [])
        #expect(reckoning.plainEnd == (try day("2027-02-28")))
        #expect(reckoning.rolledForwardFrom == (try day("2027-02-28")))
        #expect(reckoning.deadline == (try day("2027-03-01")))
    }

    @Test("Holidays inside a calendar-day period count; only those passed over at the end are skipped")
    func holidaysInsideTheCalendarDayPeriodCount() throws {
        let calendar = try ShippedCalendars.mainland()
        let reckoning = try calendar.deadline(entered: try day("2025-01-20"), period: .days(19), suspensions: [])
        #expect(reckoning.holidaysSkipped.isEmpty)
        #expect(reckoning.makeUpWorkingDaysCounted == [NamedDay(date: try day("2025-02-08"), name: "春节 / Spring Festival")])
        let moved = try calendar.deadline(entered: try day("2025-01-20"), period: .days(10), suspensions: [])
        #expect(moved.holidaysSkipped.map(\.date.description)
            == ["2025-01-30", "2025-01-31", "2025-02-01", "2025-02-02", "2025-02-03", "2025-02-04"])
    }
}
