/// A day a reckoning names: a holiday it skipped or a make-up working day it counted.
public struct NamedDay: Hashable, Sendable {
    public let date: CivilDate
    /// The holiday's name, e.g. `春节 / Spring Festival` (for a make-up day: the holiday it makes up for).
    public let name: String

    public init(date: CivilDate, name: String) {
        self.date = date
        self.name = name
    }
}

/// A day a reckoning did not count because the case was suspended.
public struct SuspendedDay: Hashable, Sendable {
    public let date: CivilDate
    public let reason: String

    public init(date: CivilDate, reason: String) {
        self.date = date
        self.reason = reason
    }
}

/// A deadline and how it was reached, day by day, so it can be explained to an owner or auditor.
///
/// The days after entry up to the deadline fall into exactly one of: counted, weekend,
/// ``holidaysSkipped``, ``suspendedDays`` (suspension is checked first, so a suspended holiday
/// is listed as suspended). For calendar days and months, the holidays listed are those passed
/// over when moving a last day forward; holidays inside the period count as calendar days.
public struct DeadlineReckoning: Hashable, Sendable {
    /// The day the stage was entered; never counted.
    public let entered: CivilDate
    public let period: Period
    /// The period's last day; the period ends at 24:00 of it.
    public let deadline: CivilDate
    /// Holidays not counted, in date order.
    public let holidaysSkipped: [NamedDay]
    /// Make-up working days counted as working days, in date order.
    public let makeUpWorkingDaysCounted: [NamedDay]
    /// Days not counted because the case was suspended, in date order.
    public let suspendedDays: [SuspendedDay]
    /// For calendar days and months: the last day before it was moved forward off a rest day
    /// (or a suspended day); nil when it needed no move, and always nil for working days.
    public let rolledForwardFrom: CivilDate?
    /// For calendar days and months: entry plus the period, before suspensions and moving
    /// forward (a month end already clamped); nil for working days.
    public let plainEnd: CivilDate?
    /// The years between entry and the deadline whose days were computed provisionally from the
    /// statutory holidays (no State Council notice yet), in order; empty when all were official.
    public internal(set) var provisionalYears: [Int] = []

    /// Whether the deadline may still move when the official notice of a year is published.
    public var isProvisional: Bool { !provisionalYears.isEmpty }

    /// The first day the case is overdue, from 00:00.
    public var overdueFrom: CivilDate { deadline.adding(days: 1) }
}
