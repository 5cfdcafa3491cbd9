/// A time a case was suspended: its clock stops for the days `from..<until`.
///
/// Suspending and resuming on the same day (`from == until`) suspends no day at all.
public struct SuspendedSpan: Hashable, Sendable {
    /// The day the case was suspended; the first day not counted.
    public let from: CivilDate
    /// The day the case was resumed; counted again (exclusive end).
    public let until: CivilDate
    /// Why, in a few words, e.g. `litigation`.
    public let reason: String

    public init(from: CivilDate, until: CivilDate, reason: String) {
        self.from = from
        self.until = until
        self.reason = reason
    }

    /// Whether the clock is stopped on `date`.
    public func contains(_ date: CivilDate) -> Bool { from <= date && date < until }
}
