/// How long a stage may take (or must at least last), as a workflow states it.
///
/// Counting rules are in ``WorkingCalendar/deadline(entered:period:suspensions:)``.
/// A period is a plain value: a count below 1 is representable here and rejected when a
/// deadline is reckoned, so a workflow loader can report it with its own file position.
public struct Period: Hashable, Sendable, CustomStringConvertible {
    /// What a period counts.
    public enum Unit: String, Sendable, CaseIterable {
        /// Working days: Monday to Friday that are not holidays, plus make-up working days.
        case workingDays = "working_days"
        /// Calendar days; a last day that is not a working day moves to the next working day.
        case days
        /// Calendar months, clamped to the month's last day; then moved like calendar days.
        case months
    }

    /// The largest count a deadline accepts: far beyond any statutory limit, and small enough
    /// that date arithmetic can never overflow.
    public static let maximumCount = 100_000

    public let unit: Unit
    public let count: Int

    public init(unit: Unit, count: Int) {
        self.unit = unit
        self.count = count
    }

    public static func workingDays(_ count: Int) -> Period { Period(unit: .workingDays, count: count) }
    public static func days(_ count: Int) -> Period { Period(unit: .days, count: count) }
    public static func months(_ count: Int) -> Period { Period(unit: .months, count: count) }

    /// `10 working days`, `1 working day`, `30 days`, `1 day`, `3 months`, `1 month`.
    public var description: String {
        let singular = count == 1
        switch unit {
        case .workingDays: return "\(count) working \(singular ? "day" : "days")"
        case .days: return "\(count) \(singular ? "day" : "days")"
        case .months: return "\(count) \(singular ? "month" : "months")"
        }
    }
}
