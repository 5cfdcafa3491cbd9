import ArgumentParser
import RetrofitApp
import RetrofitCore
import RetrofitReports

struct CalendarGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: "Working-day calendars: holidays, make-up working days, deadlines.",
        discussion: """
            Calendars are data: calendars/cn-mainland.yaml and one file per year (cn-mainland-2025.yaml). \
            Adding next year's State Council notice is one new file in a calendars folder, which adds to the \
            built-in calendars. A year without a file is computed provisionally from 《全国年节及纪念日放假办法》.
            """,
        subcommands: [Show.self, Status.self, Deadline.self, Between.self]
    )

    struct CalendarOptions: ParsableArguments {
        @Option(help: "The calendar id.") var calendar = "cn-mainland"
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Print a year's holidays and make-up working days.",
            discussion: "Example:\n  retrofit calendar show 2025")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: CalendarOptions
        @Argument(help: "The year.") var year: Int
        @Flag(help: "Print as JSON.") var json = false

        func run() throws {
            try runReporting {
                let calendar = try loadCalendar(global, options.calendar)
                let holidays = try calendarCall { () throws(CalendarError) in try calendar.holidays(in: year) }
                let makeUps = try calendarCall { () throws(CalendarError) in try calendar.makeUpWorkingDays(in: year) }
                let provisional = calendar.isProvisional(year)
                let file = calendar.file(of: year)
                if json {
                    try printJSON([
                        "calendar": JSONValue.string(calendar.id), "year": .integer(year),
                        "provisional": .boolean(provisional), "file": .optional(file),
                        "holidays": .array(holidays.map { .object(["name": .string($0.name), "from": .string($0.from.description),
                                                                   "to": .string($0.to.description), "days": .integer($0.dayCount)]) }),
                        "makeUpWorkingDays": .array(makeUps.map { .object(["date": .string($0.date.description), "for": .string($0.holiday)]) }),
                    ])
                    return
                }
                let source = (try? calendar.source(of: year)) ?? ""
                print("\(calendar.title), \(year)" + (source.isEmpty ? "" : " — \(source)"))
                print(provisional ? "Provisional: no notice file yet; the statutory days and days in lieu, no make-up working days."
                                  : "From \(file ?? "?")")
                print("")
                var table = TextTable(["holiday", "from", "to", "days"])
                for holiday in holidays {
                    table.add([holiday.name, "\(holiday.from) \(weekdayName(holiday.from))", "\(holiday.to) \(weekdayName(holiday.to))", "\(holiday.dayCount)"])
                }
                print(table.render())
                print("")
                var makeUpTable = TextTable(["make-up working day", "for"])
                for day in makeUps { makeUpTable.add(["\(day.date) \(weekdayName(day.date))", day.holiday]) }
                print(makeUpTable.render())
            }
        }
    }

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "status",
            abstract: "List each calendar's years, official or provisional, and warn when a notice is missing.",
            discussion: """
                A year is official when a year file (a State Council notice) gives it, provisional when it is \
                computed from 《全国年节及纪念日放假办法》. From 1 October, a missing official file for next year is \
                warned about (on stderr; in --json under "warnings"). Exit 0 either way.
                Example:
                  retrofit calendar status
                  retrofit calendar status --json
                """)
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only this calendar id.") var calendar: String?
        @Flag(help: "Print as JSON.") var json = false

        func run() throws {
            try runReporting {
                let today = try global.clock().date
                let calendars = try calendar.map { id throws(CommandFailure) in [try loadCalendar(global, id)] }
                    ?? global.loadCalendars().values.sorted { $0.id < $1.id }
                var warnings: [String] = []
                var objects: [JSONValue] = []
                var lines: [String] = []
                for calendar in calendars {
                    let years = CalendarYearStatus.years(of: calendar, today: today)
                    warnings += CalendarYearStatus.warnings(of: calendar, today: today)
                    objects.append(.object([
                        "calendar": .string(calendar.id), "title": .string(calendar.title),
                        "provisionalRule": .boolean(calendar.followsStatutoryHolidays),
                        "years": .array(years.map { .object(["year": .integer($0.year), "status": .string($0.standing.rawValue),
                                                             "file": .optional($0.file)]) }),
                    ]))
                    lines.append("\(calendar.id) — \(calendar.title)")
                    var table = TextTable(["year", "status", "from"])
                    for status in years {
                        table.add(["\(status.year)", status.standing.rawValue,
                                   status.file ?? "computed from 《全国年节及纪念日放假办法》"])
                    }
                    lines.append(table.render())
                    if calendar.followsStatutoryHolidays {
                        lines.append("Years without a file, \(StatutoryHolidays.firstYear) to \(StatutoryHolidays.lastYear), are provisional.")
                    }
                }
                if json {
                    try printJSON(["today": JSONValue.string(today.description), "calendars": .array(objects),
                                   "warnings": .array(warnings.map(JSONValue.string))])
                } else {
                    print(lines.joined(separator: "\n"))
                }
                for warning in warnings { printWarning(warning) }
            }
        }
    }

    struct Deadline: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "deadline",
            abstract: "The deadline of a stage entered on DATE, under a rule of N working-days, days or months.",
            discussion: """
                The entry day is not counted. The deadline ends at 24:00; the case is overdue from the next day.
                Examples:
                  retrofit calendar deadline 2025-01-20 10 working-days
                  retrofit calendar deadline 2025-01-31 1 months --json
                """)
        enum Unit: String, ExpressibleByArgument, CaseIterable {
            case workingDays = "working-days", days, months
            var periodUnit: Period.Unit {
                switch self {
                case .workingDays: .workingDays
                case .days: .days
                case .months: .months
                }
            }
        }
        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: CalendarOptions
        @Argument(help: "The day the stage is entered, YYYY-MM-DD.") var date: String
        @Argument(help: "How many.") var count: Int
        @Argument(help: "working-days, days or months.") var unit: Unit
        @Flag(help: "Print {\"deadline\": …, \"overdueFrom\": …, \"explanation\": […]} as JSON.") var json = false

        func run() throws {
            try runReporting {
                guard let entered = try global.date(date, option: "DATE") else { return }
                let calendar = try loadCalendar(global, options.calendar)
                let reckoning = try calendarCall { () throws(CalendarError) in
                    try calendar.deadline(entered: entered, period: Period(unit: unit.periodUnit, count: count), suspensions: [])
                }
                if json {
                    try printJSON(["deadline": JSONValue.string(reckoning.deadline.description),
                                   "overdueFrom": .string(reckoning.overdueFrom.description),
                                   "deadlineProvisional": .boolean(reckoning.isProvisional),
                                   "explanation": .array(reckoning.explanation.map(JSONValue.string))])
                } else {
                    print("\(reckoning.deadline) \(weekdayName(reckoning.deadline))")
                    for line in reckoning.explanation { print("  \(line)") }
                }
            }
        }
    }

    struct Between: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "between",
            abstract: "Count the working days after the first date up to and including the second.",
            discussion: "Example:\n  retrofit calendar between 2025-01-20 2025-02-10")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: CalendarOptions
        @Argument(help: "From (not counted), YYYY-MM-DD.") var from: String
        @Argument(help: "Through (counted), YYYY-MM-DD.") var through: String
        @Flag(help: "Print {\"workingDays\": N} as JSON.") var json = false

        func run() throws {
            try runReporting {
                guard let start = try global.date(from, option: "FROM"), let end = try global.date(through, option: "THROUGH") else { return }
                let calendar = try loadCalendar(global, options.calendar)
                let count = try calendarCall { () throws(CalendarError) in try calendar.workingDays(after: start, through: end, suspensions: []) }
                if json {
                    try printJSON(["workingDays": JSONValue.integer(count), "calendarDays": .integer(start.days(until: end))])
                } else {
                    print("\(count) working day\(count == 1 ? "" : "s") after \(start) through \(end) (\(start.days(until: end)) calendar days)")
                }
            }
        }
    }
}

func loadCalendar(_ global: GlobalOptions, _ id: String) throws(CommandFailure) -> WorkingCalendar {
    let calendars = try global.loadCalendars()
    guard let calendar = calendars[id] else {
        throw .badInput("unknown calendar '\(id)'; available: \(calendars.keys.sorted().joined(separator: ", "))")
    }
    return calendar
}

func calendarCall<T>(_ body: () throws(CalendarError) -> T) throws(CommandFailure) -> T {
    do { return try body() } catch { throw .refused(error.description) }
}

func weekdayName(_ date: CivilDate) -> String {
    ["", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][date.weekday]
}
