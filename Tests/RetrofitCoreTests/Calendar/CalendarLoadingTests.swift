import RetrofitCore
import Testing

/// A year file that breaks one rule, and the exact error it must give.
struct CalendarBadFileExample: Sendable, CustomTestStringConvertible {
    let text: String
    let line: Int
    let column: Int
    let message: String
    let why: String
    var testDescription: String { why }
}

@Suite("Loading calendar files")
struct CalendarLoadingTests: CalendarTestHelpers {
    static let header = (path: "calendars/cn-mainland.yaml", text: """
        id: cn-mainland
        title: 中国大陆法定节假日 / Mainland China public holidays
        warn_before: 3

        """)
    static let yearPath = "calendars/cn-mainland-2025.yaml"

    /// A valid 2025 file with `holidays` and `makeUps` spliced in, so each bad case changes one thing.
    static func yearFile(
        top: String = "calendar: cn-mainland\nyear: 2025\nsource: 国务院办公厅通知\n",
        from: String = "2025-01-28", to: String = "2025-02-04",
        makeUp: String = "2025-02-08", makeUpFor: String = "春节 / Spring Festival"
    ) -> String {
        top + """
        holidays:
          - name: 春节 / Spring Festival
            from: \(from)
            to: \(to)
        make_up_working_days:
          - date: \(makeUp)
            for: \(makeUpFor)

        """
    }

    @Test("A valid calendar and year file load")
    func validFilesLoad() throws {
        let calendar = try WorkingCalendar.load(id: "cn-mainland", files: [Self.header, (Self.yearPath, Self.yearFile())])
        #expect(calendar.years == [2025])
        #expect(try calendar.holidays(in: 2025) == [
            CalendarHoliday(name: "春节 / Spring Festival", from: try day("2025-01-28"), to: try day("2025-02-04")),
        ])
        #expect(try calendar.makeUpWorkingDays(in: 2025) == [
            CalendarMakeUpDay(date: try day("2025-02-08"), holiday: "春节 / Spring Festival"),
        ])
    }

    @Test("A broken year file is refused with its file, line and column", arguments: [
        CalendarBadFileExample(text: yearFile(makeUp: "2025-01-27"), line: 9, column: 11,
                    message: "make-up working day 2025-01-27 is a Monday; make-up days are weekend days",
                    why: "a make-up day on a weekday"),
        CalendarBadFileExample(text: yearFile(from: "2025-02-30"), line: 6, column: 11,
                    message: "from 2025-02-30 is not a date; write dates as YYYY-MM-DD", why: "a date that does not exist"),
        CalendarBadFileExample(text: yearFile(to: "2025-2-4"), line: 7, column: 9,
                    message: "to 2025-2-4 is not a date; write dates as YYYY-MM-DD", why: "a date not written YYYY-MM-DD"),
        CalendarBadFileExample(text: yearFile(top: "calendar: cn-mainland\nyear: 2025\nsource: x\nholiday: none\n"), line: 4, column: 1,
                    message: "unknown key holiday in a calendar year; expected calendar, year, source, holidays, make_up_working_days",
                    why: "an unknown key"),
        CalendarBadFileExample(text: yearFile(from: "2025-02-04", to: "2025-01-28"), line: 7, column: 9,
                    message: "holiday 春节 / Spring Festival ends on 2025-01-28, before it starts on 2025-02-04",
                    why: "a holiday ending before it starts"),
        CalendarBadFileExample(text: yearFile(from: "2024-12-31"), line: 6, column: 11,
                    message: "holiday 春节 / Spring Festival date 2024-12-31 is not in 2025, the year of this file",
                    why: "a holiday outside the file's year"),
        CalendarBadFileExample(text: yearFile(top: "calendar: cn-mainland\nyear: 2025\n"), line: 1, column: 1,
                    message: "a calendar year is missing the key source", why: "a missing key"),
        CalendarBadFileExample(text: yearFile(makeUpFor: "国庆节 / National Day"), line: 10, column: 10,
                    message: "make-up working day 2025-02-08 is for 国庆节 / National Day, which is not a holiday in this file; "
                        + "expected one of: 春节 / Spring Festival",
                    why: "a make-up day for a holiday the file does not list"),
        CalendarBadFileExample(text: yearFile(makeUp: "2025-02-01"), line: 9, column: 11,
                    message: "make-up working day 2025-02-01 falls inside the holiday 春节 / Spring Festival",
                    why: "a make-up day inside a holiday"),
        CalendarBadFileExample(text: yearFile(makeUp: "2023-12-30"), line: 9, column: 11,
                    message: "make-up working day 2023-12-30 is not in 2025 or a year next to it",
                    why: "a make-up day two years away"),
        CalendarBadFileExample(text: yearFile(top: "calendar: cn-mainland\nyear: twenty\nsource: x\n"), line: 2, column: 7,
                    message: "year twenty is not a whole number", why: "a year that is not a number"),
        CalendarBadFileExample(text: "", line: 1, column: 1, message: "the file is empty", why: "an empty file"),
        CalendarBadFileExample(text: "name: x\n", line: 1, column: 1,
                    message: "expected a calendar (a mapping with id:) or one year of a calendar (a mapping with calendar:)",
                    why: "a file that is neither a calendar nor a year"),
    ])
    func brokenYearFileIsRefused(bad: CalendarBadFileExample) throws {
        #expect(throws: CalendarError.invalid(file: Self.yearPath, line: bad.line, column: bad.column, message: bad.message)) {
            try WorkingCalendar.load(id: "cn-mainland", files: [Self.header, (Self.yearPath, bad.text)])
        }
    }
}
