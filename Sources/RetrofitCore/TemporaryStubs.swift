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
public struct GuardExpression: Hashable, Sendable, CustomStringConvertible {
    public let source: String
    public var description: String { source }
    public static func parse(_ source: String) throws(GuardSyntaxError) -> GuardExpression { GuardExpression(source: source) }
    public func typeCheck(_ types: [String: FieldType]) -> [GuardProblem] { [] }
    public var referencedNames: Set<String> { [] }
    public func evaluate(_ values: [String: FieldValue]) -> GuardOutcome { .passed }
}
public struct GuardSyntaxError: Error, Hashable, Sendable, CustomStringConvertible { public let offset: Int; public let message: String; public var description: String { message } }
public struct GuardProblem: Hashable, Sendable, CustomStringConvertible { public let offset: Int; public let message: String; public var description: String { message } }
public enum GuardOutcome: Hashable, Sendable { case passed; case failed(String) }
public enum BallotChoice: String, Sendable, Codable, CaseIterable { case agree, object, abstain }
public struct Area: Hashable, Sendable, Codable { public let hundredths: Int }
public struct Home: Hashable, Sendable, Codable { public let number: String; public let floor: Int; public let area: Area; public let owner: String }
public struct HouseholdRegister: Hashable, Sendable, Codable { public init() {} }
public struct Tally: Hashable, Sendable { public static func count(_ register: HouseholdRegister) throws(TallyError) -> Tally { Tally() } }
public struct TallyError: Error, Hashable, Sendable, CustomStringConvertible { public var description: String { "" } }
public struct VoteRuleError: Error, Hashable, Sendable, CustomStringConvertible { public var description: String { "" } }
public struct VoteCondition: Hashable, Sendable { public let source: String }
public struct VoteRule: Hashable, Sendable {
    public let title: String; public let conditions: [VoteCondition]
    public static func parse(title: String, conditions: [String]) throws(VoteRuleError) -> VoteRule { VoteRule(title: title, conditions: []) }
    public func evaluate(_ tally: Tally) -> VoteRuleResult { VoteRuleResult(passes: true, conditions: []) }
}
public struct VoteRuleResult: Hashable, Sendable { public let passes: Bool; public let conditions: [VoteConditionResult] }
public struct VoteConditionResult: Hashable, Sendable { public let passes: Bool; public let sentence: String }
extension HouseholdRegister {
    public mutating func record(_ home: Home) {}
    public mutating func remove(_ number: String) {}
    public mutating func cast(_ number: String, _ choice: BallotChoice) throws {}
    public var homes: [Home] { [] }
}
public enum CalendarCatalog {
    public static func load(_ files: [(String, String)]) throws -> [String: WorkingCalendar] { ["cn-mainland": WorkingCalendar(id: "cn-mainland", title: "", warnBefore: 3)] }
}
