// TEMPORARY: replaced by the calendar, guard and tally modules when merged.
public struct Period: Hashable, Sendable, CustomStringConvertible {
    public enum Unit: String, Sendable, CaseIterable { case workingDays = "working_days", days, months }
    public let unit: Unit; public let count: Int
    public init(unit: Unit, count: Int) { self.unit = unit; self.count = count }
    public var description: String { "\(count) \(unit)" }
}
public struct SuspendedSpan: Hashable, Sendable {
    public let from: CivilDate; public let until: CivilDate; public let reason: String
    public init(from: CivilDate, until: CivilDate, reason: String) { self.from = from; self.until = until; self.reason = reason }
}
public enum CalendarError: Error, Hashable, Sendable, CustomStringConvertible {
    case missingYear(calendar: String, year: Int)
    public var description: String { "calendar" }
}
public struct DeadlineReckoning: Hashable, Sendable {
    public let entered: CivilDate; public let period: Period; public let deadline: CivilDate
    public var explanation: [String] { [] }
}
public struct WorkingCalendar: Sendable {
    public let id: String; public let title: String; public let warnBefore: Int
    public var years: [Int] { [] }
    public static func load(id: String, files: [(path: String, text: String)]) throws(CalendarError) -> WorkingCalendar { WorkingCalendar(id: id, title: "", warnBefore: 3) }
    public func isWorkingDay(_ date: CivilDate) throws(CalendarError) -> Bool { !date.isWeekend }
    public func deadline(entered: CivilDate, period: Period, suspensions: [SuspendedSpan]) throws(CalendarError) -> DeadlineReckoning { DeadlineReckoning(entered: entered, period: period, deadline: entered.adding(days: period.count)) }
    public func workingDays(after start: CivilDate, through end: CivilDate, suspensions: [SuspendedSpan]) throws(CalendarError) -> Int { max(0, start.days(until: end)) }
}
public enum CalendarCatalog {
    public static func load(_ files: [(String, String)]) throws -> [String: WorkingCalendar] { ["cn-mainland": WorkingCalendar(id: "cn-mainland", title: "", warnBefore: 3)] }
}
