import RetrofitCore
import Testing

@Suite("Rules across calendar files")
struct CalendarFileRulesTests: CalendarTestHelpers {
    static let header = CalendarLoadingTests.header
    static let year2025 = (path: CalendarLoadingTests.yearPath, text: CalendarLoadingTests.yearFile())

    @Test("Every shipped calendar file loads")
    func shippedFilesLoad() throws {
        let calendars = try WorkingCalendar.loadAll(files: ShippedCalendars.files)
        #expect(calendars.map(\.id) == ["cn-mainland"])
        #expect(ShippedCalendars.files.map(\.path).sorted() == [
            "calendars/cn-mainland-2024.yaml", "calendars/cn-mainland-2025.yaml",
            "calendars/cn-mainland-2026.yaml", "calendars/cn-mainland.yaml",
        ])
    }

    @Test("A new year is one more file and no code")
    func aNewYearIsOneFile() throws {
        let year2027 = """
            calendar: cn-mainland
            year: 2027
            source: 国务院办公厅关于2027年部分节假日安排的通知
            holidays:
              - name: 元旦 / New Year's Day
                from: 2027-01-01
                to: 2027-01-01
            """
        let calendar = try WorkingCalendar.load(
            id: "cn-mainland", files: ShippedCalendars.files + [("calendars/cn-mainland-2027.yaml", year2027)]
        )
        #expect(calendar.years == [2024, 2025, 2026, 2027])
        let reckoning = try calendar.deadline(entered: try day("2026-12-31"), period: .workingDays(1), suspensions: [])
        #expect(reckoning.deadline == (try day("2027-01-04")))
    }

    /// A 2027 notice with one make-up day, which may lie in 2026.
    static func year2027(makeUp: String) -> (path: String, text: String) {
        (path: "calendars/cn-mainland-2027.yaml", text: """
            calendar: cn-mainland
            year: 2027
            source: test notice
            holidays:
              - name: 元旦 / New Year's Day
                from: 2027-01-01
                to: 2027-01-03
            make_up_working_days:
              - date: \(makeUp)
                for: 元旦 / New Year's Day
            """)
    }

    @Test("A notice may put a make-up day in the year before, as 2012's did")
    func makeUpDayInTheYearBefore() throws {
        let calendar = try WorkingCalendar.load(id: "cn-mainland", files: ShippedCalendars.files + [Self.year2027(makeUp: "2026-12-26")])
        #expect(try calendar.kind(of: try day("2026-12-26")) == .makeUpWorkingDay("元旦 / New Year's Day"))
        #expect(try calendar.makeUpWorkingDays(in: 2027).map(\.date) == [try day("2026-12-26")])
    }

    @Test("A make-up day in the year before may not clash with that year's data", arguments: [
        ("2026-10-03", "make-up working day 2026-10-03 falls inside the holiday 国庆节 / National Day of 2026"),
        ("2026-10-10", "make-up working day 2026-10-10 is already listed in calendars/cn-mainland-2026.yaml"),
    ])
    func makeUpDayClashingAcrossYearsIsRefused(makeUp: String, message: String) {
        let file = Self.year2027(makeUp: makeUp)
        #expect(throws: CalendarError.invalid(file: file.path, line: 9, column: 11, message: message)) {
            try WorkingCalendar.load(id: "cn-mainland", files: ShippedCalendars.files + [file])
        }
    }

    @Test("Two files for the same year of one calendar are refused at the second")
    func duplicateYearIsRefused() {
        let second = (path: "calendars/cn-mainland-2025b.yaml", text: CalendarLoadingTests.yearFile())
        #expect(throws: CalendarError.invalid(
            file: second.path, line: 2, column: 7,
            message: "calendar cn-mainland already has data for 2025 in calendars/cn-mainland-2025.yaml"
        )) {
            try WorkingCalendar.load(id: "cn-mainland", files: [second, Self.header, Self.year2025])
        }
    }

    @Test("Two files declaring the same calendar id are refused at the second in path order")
    func duplicateCalendarIsRefused() {
        let second = (path: "calendars/cn-mainland-copy.yaml", text: Self.header.text)
        #expect(throws: CalendarError.invalid(
            file: Self.header.path, line: 1, column: 5,
            message: "calendar id cn-mainland is already declared in calendars/cn-mainland-copy.yaml"
        )) {
            try WorkingCalendar.load(id: "cn-mainland", files: [Self.header, second])
        }
    }

    @Test("A calendar nobody declared is refused by name")
    func unknownCalendarIsRefused() {
        #expect(throws: CalendarError.unknownCalendar(id: "cn-hongkong")) {
            try WorkingCalendar.load(id: "cn-hongkong", files: [Self.header, Self.year2025])
        }
        #expect(CalendarError.unknownCalendar(id: "cn-hongkong").description
            == "no calendar file has id cn-hongkong; add calendars/cn-hongkong.yaml")
    }

    @Test("A year file whose calendar has no file is refused when loading all calendars")
    func orphanYearIsRefused() {
        #expect(throws: CalendarError.invalid(
            file: Self.year2025.path, line: 1, column: 11,
            message: "this file is for calendar cn-mainland, but no file has id cn-mainland"
        )) {
            try WorkingCalendar.loadAll(files: [Self.year2025])
        }
    }

    @Test("A broken calendar file is refused with its file, line and column", arguments: [
        ("id: cn-mainland\ntitle: x\nwarn_before: -1\n", 3, 14,
         "warn_before -1 is negative; it counts working days, 0 or more"),
        ("id: CN Mainland\ntitle: x\nwarn_before: 3\n", 1, 5,
         "calendar id CN Mainland must be lower-case letters, digits and hyphens"),
        ("id: cn-mainland\ntitle:\nwarn_before: 3\n", 2, 7, "title must not be empty"),
        ("id: cn-mainland\ntitle: x\nwarn_before: 3\nwarn_after: 1\n", 4, 1,
         "unknown key warn_after in a calendar; expected id, title, warn_before, provisional"),
        ("id: cn-mainland\ntitle: x\ntitle: y\nwarn_before: 3\n", 2, 1, "duplicate key title"),
        ("id: cn-mainland\ntitle: [x\nwarn_before: 3\n", 3, 12, "YAML syntax: did not find expected ',' or ']'"),
    ])
    func brokenCalendarFileIsRefused(text: String, line: Int, column: Int, message: String) {
        let path = "calendars/cn-mainland.yaml"
        #expect(throws: CalendarError.invalid(file: path, line: line, column: column, message: message)) {
            try WorkingCalendar.load(id: "cn-mainland", files: [(path, text)])
        }
    }

    @Test("An invalid-file error reads FILE:LINE:COLUMN: message")
    func invalidFileMessage() {
        let error = CalendarError.invalid(
            file: "calendars/cn-mainland-2025.yaml", line: 7, column: 5,
            message: "make-up working day 2025-01-27 is a Monday; make-up days are weekend days"
        )
        #expect(error.description
            == "calendars/cn-mainland-2025.yaml:7:5: make-up working day 2025-01-27 is a Monday; make-up days are weekend days")
    }
}
