import Yams

/// Where a value sits in a calendar file, kept so cross-file checks can point at it.
struct CalendarFilePosition: Sendable {
    let file: String
    let line: Int
    let column: Int

    init(_ reader: CalendarFileReader, _ node: Node) {
        file = reader.file
        line = node.mark?.line ?? 1
        column = node.mark?.column ?? 1
    }

    init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    func error(_ message: String) -> CalendarError {
        .invalid(file: file, line: line, column: column, message: message)
    }
}

/// One parsed and checked calendar file: either a calendar itself or one year of a calendar.
enum CalendarFile {
    /// `calendars/ID.yaml`: `id`, `title`, `warn_before`, optionally `provisional: statutory-holidays`.
    case calendar(id: String, title: String, warnBefore: Int, followsStatutoryHolidays: Bool, idPosition: CalendarFilePosition)
    /// `calendars/ID-YEAR.yaml`: one State Council notice.
    case year(calendar: String, CalendarYear, positions: YearPositions)

    /// Positions of the values that checks across files may point at.
    struct YearPositions {
        let calendar: CalendarFilePosition
        let year: CalendarFilePosition
        let makeUpDates: [CalendarFilePosition]
    }

    /// Parses `text` and checks everything that one file alone can break.
    static func parse(path: String, text: String) throws(CalendarError) -> CalendarFile {
        let reader = CalendarFileReader(file: path)
        let root = try reader.root(of: text)
        let keys = Set(root.mapping?.keys.compactMap { $0.scalar?.string } ?? [])
        if keys.contains("id") { return try parseCalendar(root, reader) }
        if keys.contains("calendar") { return try parseYear(root, reader) }
        throw reader.error(
            at: root, "expected a calendar (a mapping with id:) or one year of a calendar (a mapping with calendar:)"
        )
    }

    private static func parseCalendar(_ root: Node, _ reader: CalendarFileReader) throws(CalendarError) -> CalendarFile {
        let fields = try reader.fields(
            of: root, in: "a calendar", required: ["id", "title", "warn_before"], optional: ["provisional"]
        )
        let idNode = fields["id"] ?? root
        let id = try calendarID(idNode, reader)
        let title = try reader.text(fields["title"] ?? root, named: "title")
        let warnNode = fields["warn_before"] ?? root
        let warnBefore = try reader.integer(warnNode, named: "warn_before")
        guard warnBefore >= 0 else {
            throw reader.error(at: warnNode, "warn_before \(warnBefore) is negative; it counts working days, 0 or more")
        }
        var followsStatutoryHolidays = false
        if let provisionalNode = fields["provisional"] {
            let rule = try reader.text(provisionalNode, named: "provisional")
            guard rule == "statutory-holidays" else {
                throw reader.error(
                    at: provisionalNode,
                    "provisional \(rule) is not a known rule; expected statutory-holidays (《全国年节及纪念日放假办法》)"
                )
            }
            followsStatutoryHolidays = true
        }
        return .calendar(
            id: id, title: title, warnBefore: warnBefore, followsStatutoryHolidays: followsStatutoryHolidays,
            idPosition: CalendarFilePosition(reader, idNode)
        )
    }

    private static func parseYear(_ root: Node, _ reader: CalendarFileReader) throws(CalendarError) -> CalendarFile {
        let fields = try reader.fields(
            of: root, in: "a calendar year",
            required: ["calendar", "year", "source", "holidays"], optional: ["make_up_working_days"]
        )
        let calendarNode = fields["calendar"] ?? root
        let calendar = try calendarID(calendarNode, reader)
        let yearNode = fields["year"] ?? root
        let year = try reader.integer(yearNode, named: "year")
        guard (1...9999).contains(year) else {
            throw reader.error(at: yearNode, "year \(year) is out of range; expected 1 to 9999")
        }
        let source = try reader.text(fields["source"] ?? root, named: "source")
        let holidays = try HolidayListParser(reader: reader, year: year)
            .holidays(try reader.list(fields["holidays"] ?? root, named: "holidays"))
        var makeUpDays: [CalendarMakeUpDay] = []
        var makeUpPositions: [CalendarFilePosition] = []
        if let listNode = fields["make_up_working_days"] {
            let parser = MakeUpDayListParser(reader: reader, year: year, holidays: holidays)
            (makeUpDays, makeUpPositions) = try parser.makeUpDays(try reader.list(listNode, named: "make_up_working_days"))
        }
        let data = CalendarYear(
            year: year, source: source, file: reader.file, holidays: holidays, makeUpWorkingDays: makeUpDays
        )
        let positions = YearPositions(
            calendar: CalendarFilePosition(reader, calendarNode), year: CalendarFilePosition(reader, yearNode),
            makeUpDates: makeUpPositions
        )
        return .year(calendar: calendar, data, positions: positions)
    }

    private static func calendarID(_ node: Node, _ reader: CalendarFileReader) throws(CalendarError) -> String {
        let id = try reader.text(node, named: "calendar id")
        let allowed = id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        guard allowed else {
            throw reader.error(at: node, "calendar id \(id) must be lower-case letters, digits and hyphens")
        }
        return id
    }
}
