/// A checked calendar file in a form that reads back without YAML: one line per value, fields
/// separated by U+001F, dates as day numbers, with the positions that checks across files point at.
///
/// Embedded for the built-in calendar files, so a command never parses their YAML. The YAML stays
/// the one source: the compiled form is derived from it, carries a fingerprint of the text it came
/// from, and is ignored (the YAML parsed instead) when its format or fingerprint does not match.
public enum CompiledCalendarFile {
    /// The layout's number; a form written in another layout is not read.
    public static let format = 2

    /// The compiled form of the calendar file `text`, named `path` in messages.
    ///
    /// - Throws: the file's first problem, as loading it would report.
    public static func encode(path: String, text: String) throws(CalendarError) -> String {
        var lines = ["retrofit-calendar-file", "\(format)", CompiledWorkflow.fingerprint(of: text)].joined(separator: String(separator))
        func add(_ fields: [String]) { lines += "\n" + fields.map(escaped).joined(separator: String(separator)) }
        func position(_ position: CalendarFilePosition) -> [String] { ["\(position.line)", "\(position.column)"] }
        switch try CalendarFile.parse(path: path, text: text) {
        case let .calendar(id, title, warnBefore, statutory, idPosition):
            add(["calendar", id, title, "\(warnBefore)", statutory ? "1" : "0"] + position(idPosition))
        case let .year(calendar, data, positions):
            add(["year", calendar, "\(data.year)", data.source] + position(positions.calendar) + position(positions.year))
            for holiday in data.holidays { add(["holiday", holiday.name, "\(holiday.from.dayNumber)", "\(holiday.to.dayNumber)"]) }
            for (makeUp, at) in zip(data.makeUpWorkingDays, positions.makeUpDates) {
                add(["make-up", "\(makeUp.date.dayNumber)", makeUp.holiday] + position(at))
            }
        }
        return lines
    }

    /// The file a compiled form holds, with `path` as its name, or nil when the form is of another
    /// format, was made from other text than `source`, or cannot be read.
    static func decode(_ compiled: String, path: String, source: String) -> CalendarFile? {
        // Split on bytes: both separators are ASCII, and byte work is what keeps this cheaper than YAML.
        var lines = compiled.utf8.split(separator: UInt8(ascii: "\n")).map { line in
            line.split(separator: 0x1F, omittingEmptySubsequences: false).map { unescaped(String(Substring($0))) }
        }[...]
        guard let header = lines.popFirst(), header == ["retrofit-calendar-file", "\(format)", CompiledWorkflow.fingerprint(of: source)],
              let first = lines.popFirst() else { return nil }
        func position(_ fields: ArraySlice<String>) -> CalendarFilePosition? {
            guard fields.count == 2, let line = Int(fields[fields.startIndex]), let column = Int(fields[fields.startIndex + 1]) else { return nil }
            return CalendarFilePosition(file: path, line: line, column: column)
        }
        switch first.first {
        case "calendar":
            guard first.count == 7, lines.isEmpty, let warnBefore = Int(first[3]), let idPosition = position(first[5...6]) else { return nil }
            return .calendar(id: first[1], title: first[2], warnBefore: warnBefore, followsStatutoryHolidays: first[4] == "1",
                             idPosition: idPosition)
        case "year":
            guard first.count == 8, let year = Int(first[2]), let calendarPosition = position(first[4...5]),
                  let yearPosition = position(first[6...7]) else { return nil }
            var holidays: [CalendarHoliday] = []
            var makeUps: [CalendarMakeUpDay] = []
            var makeUpPositions: [CalendarFilePosition] = []
            for fields in lines {
                switch fields.first {
                case "holiday":
                    guard fields.count == 4, let from = Int(fields[2]), let to = Int(fields[3]) else { return nil }
                    holidays.append(CalendarHoliday(name: fields[1], from: CivilDate(dayNumber: from), to: CivilDate(dayNumber: to)))
                case "make-up":
                    guard fields.count == 5, let date = Int(fields[1]), let at = position(fields[3...4]) else { return nil }
                    makeUps.append(CalendarMakeUpDay(date: CivilDate(dayNumber: date), holiday: fields[2]))
                    makeUpPositions.append(at)
                default:
                    return nil
                }
            }
            let data = CalendarYear(year: year, source: first[3], file: path, holidays: holidays, makeUpWorkingDays: makeUps)
            return .year(calendar: first[1], data,
                         positions: .init(calendar: calendarPosition, year: yearPosition, makeUpDates: makeUpPositions))
        default:
            return nil
        }
    }

    private static let separator: Character = "\u{1F}"

    /// A field with no line break or separator left in it (a YAML text may hold either).
    private static func escaped(_ field: String) -> String {
        guard field.contains(where: { $0 == "\\" || $0 == "\n" || $0 == "\r\n" || $0 == "\r" || $0 == "\u{1F}" }) else { return field }
        var result = ""
        for scalar in field.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\u{1F}": result += "\\s"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func unescaped(_ field: String) -> String {
        guard field.utf8.contains(UInt8(ascii: "\\")) else { return field }
        var result = ""
        var escaping = false
        for scalar in field.unicodeScalars {
            if escaping {
                switch scalar {
                case "n": result += "\n"
                case "r": result += "\r"
                case "s": result += "\u{1F}"
                default: result.unicodeScalars.append(scalar)
                }
                escaping = false
            } else if scalar == "\\" {
                escaping = true
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
