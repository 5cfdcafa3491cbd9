import Yams

/// Reads a year file's `holidays:` list.
struct HolidayListParser {
    let reader: CalendarFileReader
    let year: Int

    func holidays(_ items: [Node]) throws(CalendarError) -> [CalendarHoliday] {
        var holidays: [CalendarHoliday] = []
        var nameByDay: [CivilDate: String] = [:]
        for item in items {
            let fields = try reader.fields(of: item, in: "a holiday", required: ["name", "from", "to"])
            let name = try reader.text(fields["name"] ?? item, named: "name")
            let fromNode = fields["from"] ?? item
            let toNode = fields["to"] ?? item
            let from = try reader.date(fromNode, named: "from")
            let to = try reader.date(toNode, named: "to")
            for (date, node) in [(from, fromNode), (to, toNode)] where date.year != year {
                throw reader.error(at: node, "holiday \(name) date \(date) is not in \(year), the year of this file")
            }
            guard from <= to else {
                throw reader.error(at: toNode, "holiday \(name) ends on \(to), before it starts on \(from)")
            }
            let holiday = CalendarHoliday(name: name, from: from, to: to)
            for day in holiday.days {
                if let other = nameByDay[day] {
                    throw reader.error(at: item, "holiday \(name) overlaps \(other) on \(day)")
                }
                nameByDay[day] = name
            }
            holidays.append(holiday)
        }
        return holidays.sorted { $0.from < $1.from }
    }
}

/// Reads a year file's `make_up_working_days:` list, checked against that file's holidays.
struct MakeUpDayListParser {
    let reader: CalendarFileReader
    let year: Int
    let holidays: [CalendarHoliday]

    func makeUpDays(_ items: [Node]) throws(CalendarError) -> ([CalendarMakeUpDay], [CalendarFilePosition]) {
        var days: [(CalendarMakeUpDay, CalendarFilePosition)] = []
        let holidayNames = holidays.map(\.name)
        for item in items {
            let fields = try reader.fields(of: item, in: "a make-up working day", required: ["date", "for"])
            let dateNode = fields["date"] ?? item
            let date = try reader.date(dateNode, named: "date")
            let forNode = fields["for"] ?? item
            let holiday = try reader.text(forNode, named: "for")
            // A notice may move work onto the last weekend of the year before (2012's did, to 2011-12-31).
            guard (year - 1...year + 1).contains(date.year) else {
                throw reader.error(at: dateNode, "make-up working day \(date) is not in \(year) or a year next to it")
            }
            guard date.isWeekend else {
                throw reader.error(
                    at: dateNode,
                    "make-up working day \(date) is a \(CalendarWording.weekday(date)); make-up days are weekend days"
                )
            }
            if let inside = holidays.first(where: { $0.from <= date && date <= $0.to }) {
                throw reader.error(at: dateNode, "make-up working day \(date) falls inside the holiday \(inside.name)")
            }
            if days.contains(where: { $0.0.date == date }) {
                throw reader.error(at: dateNode, "make-up working day \(date) is listed twice")
            }
            guard holidayNames.contains(holiday) else {
                throw reader.error(
                    at: forNode,
                    "make-up working day \(date) is for \(holiday), which is not a holiday in this file; "
                        + "expected one of: \(holidayNames.joined(separator: "; "))"
                )
            }
            days.append((CalendarMakeUpDay(date: date, holiday: holiday), CalendarFilePosition(reader, dateNode)))
        }
        let sorted = days.sorted { $0.0.date < $1.0.date }
        return (sorted.map(\.0), sorted.map(\.1))
    }
}
