/// Why a calendar could not be loaded or a date could not be reckoned.
///
/// Each description is one sentence naming the bad value. A date the calendar has no data
/// for is always an error, never a guess.
public enum CalendarError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A date in `year` was needed and the calendar has no data for that year.
    case missingYear(calendar: String, year: Int)
    /// A calendar file is malformed or breaks a rule; the position is 1-based.
    case invalid(file: String, line: Int, column: Int, message: String)
    /// No file among those given declares `id: <id>`.
    case unknownCalendar(id: String)
    /// A period counts less than 1.
    case periodNotPositive(Period)
    /// A period counts more than ``Period/maximumCount``.
    case periodTooLong(Period)
    /// A suspension resumes before the day it began.
    case suspensionEndsBeforeStart(SuspendedSpan)

    public var description: String {
        switch self {
        case let .missingYear(calendar, year):
            "calendar \(calendar) has no data for \(year); add calendars/\(calendar)-\(year).yaml"
        case let .invalid(file, line, column, message):
            "\(file):\(line):\(column): \(message)"
        case let .unknownCalendar(id):
            "no calendar file has id \(id); add calendars/\(id).yaml"
        case let .periodNotPositive(period):
            "a period of \(period) is not allowed; a period counts at least 1"
        case let .periodTooLong(period):
            "a period of \(period) is too long; a period counts at most \(Period.maximumCount)"
        case let .suspensionEndsBeforeStart(span):
            "the suspension (\(span.reason)) resumes on \(span.until), before it began on \(span.from)"
        }
    }
}
