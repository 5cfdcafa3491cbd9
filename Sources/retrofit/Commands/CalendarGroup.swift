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
        @Option(help: "The calendar id.") var calendar = defaultCalendarID
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Print a year's holidays and make-up working days.",
            discussion: "Example:\n  retrofit calendar show 2025")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: CalendarOptions
        @Argument(help: "The year.") var year: Int
        @Flag(help: "Print as JSON.") var json = false

        func run() async throws {
            let result = try await global.app().calendarYear(CalendarYearRequest(calendarID: options.calendar, year: year), by: global.actingPerson)
            if json {
                try printJSON(result)
                return
            }
            print("\(result.title), \(year)" + (result.source.isEmpty ? "" : " — \(result.source)"))
            print(result.provisional ? "Provisional: no notice file yet; the statutory days and days in lieu, no make-up working days."
                                     : "From \(result.file ?? "?")")
            print("")
            var table = TextTable(["holiday", "from", "to", "days"])
            for holiday in result.holidays {
                table.add([holiday.name, "\(holiday.from) \(weekdayName(holiday.from))", "\(holiday.to) \(weekdayName(holiday.to))", "\(holiday.days)"])
            }
            print(table.render())
            print("")
            var makeUpTable = TextTable(["make-up working day", "for"])
            for day in result.makeUpWorkingDays { makeUpTable.add(["\(day.date) \(weekdayName(day.date))", day.holiday]) }
            print(makeUpTable.render())
        }
    }

    struct Status: AsyncParsableCommand {
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

        func run() async throws {
            let result = try await global.app().calendarStatus(CalendarStatusRequest(calendarID: calendar), by: global.actingPerson)
            if json {
                try printJSON(result)
            } else {
                var lines: [String] = []
                for calendar in result.calendars {
                    lines.append("\(calendar.calendar) — \(calendar.title)")
                    var table = TextTable(["year", "status", "from"])
                    for status in calendar.years {
                        table.add(["\(status.year)", status.status, status.file ?? "computed from 《全国年节及纪念日放假办法》"])
                    }
                    lines.append(table.render())
                    if calendar.provisionalRule {
                        lines.append("Years without a file, \(StatutoryHolidays.firstYear) to \(StatutoryHolidays.lastYear), are provisional.")
                    }
                }
                print(lines.joined(separator: "\n"))
            }
            for warning in result.warnings { printWarning(warning) }
        }
    }

    struct Deadline: AsyncParsableCommand {
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

        func run() async throws {
            guard let entered = try global.date(date, option: "DATE") else { return }
            let request = DeadlineRequest(calendarID: options.calendar, entered: entered, period: Period(unit: unit.periodUnit, count: count))
            let reckoning = try await global.app().deadline(request, by: global.actingPerson)
            if json {
                try printJSON(reckoning)
            } else {
                print("\(reckoning.deadline) \(weekdayName(reckoning.deadline))")
                for line in reckoning.explanation { print("  \(line)") }
            }
        }
    }

    struct Between: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "between",
            abstract: "Count the working days after the first date up to and including the second.",
            discussion: "Example:\n  retrofit calendar between 2025-01-20 2025-02-10")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: CalendarOptions
        @Argument(help: "From (not counted), YYYY-MM-DD.") var from: String
        @Argument(help: "Through (counted), YYYY-MM-DD.") var through: String
        @Flag(help: "Print {\"workingDays\": N} as JSON.") var json = false

        func run() async throws {
            guard let start = try global.date(from, option: "FROM"), let end = try global.date(through, option: "THROUGH") else { return }
            let result = try await global.app().workingDays(WorkingDaysRequest(calendarID: options.calendar, from: start, through: end),
                                                            by: global.actingPerson)
            if json {
                try printJSON(result)
            } else {
                let count = result.workingDays
                print("\(count) working day\(count == 1 ? "" : "s") after \(start) through \(end) (\(result.calendarDays) calendar days)")
            }
        }
    }
}

func weekdayName(_ date: CivilDate) -> String {
    ["", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][date.weekday]
}
