/// The working days of a closed stage visit, counted from the day after entry through the day it
/// was left: what `report bottlenecks` adds up, kept with the visit so reports need not count them.
public struct VisitWorkingDays: Sendable, Hashable {
    /// Working days on which the case was not suspended.
    public let working: Int
    /// Working days on which the case was suspended (not part of ``working``).
    public let suspended: Int

    public init(working: Int, suspended: Int) {
        self.working = working
        self.suspended = suspended
    }
}

extension StageVisit {
    /// The visit's working days, counted as the reports count them; nil while the visit is open,
    /// or when the calendar cannot say (a year without data).
    public func workingDays(in calendar: WorkingCalendar) -> VisitWorkingDays? {
        guard let left = leftAt?.date else { return nil }
        let entered = enteredAt.date
        guard let all = try? calendar.countWorkingDays(after: entered, through: left, suspensions: []) else { return nil }
        // Most visits were never suspended: one count then says both.
        guard !suspensions.isEmpty else { return VisitWorkingDays(working: all, suspended: 0) }
        guard let working = try? calendar.countWorkingDays(after: entered, through: left, suspensions: suspendedSpans(asOf: left)) else {
            return nil
        }
        return VisitWorkingDays(working: working, suspended: all - working)
    }
}
