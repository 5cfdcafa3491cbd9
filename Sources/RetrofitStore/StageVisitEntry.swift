import RetrofitCore

/// A stage visit as a report that keeps its figures by number reads it: the case and the stage are
/// numbers and the times are days, so reading a visit makes no `String` (a report at 100,000 cases
/// reads about two million of them).
public struct StageVisitEntry: Sendable {
    /// The visit's case, as its index in the standings the scan was given.
    public let standing: Int
    /// The stage, as its number in the scan's ``StageNames``.
    public let stage: Int
    /// 1 for the case's first visit, in order.
    public let visit: Int
    /// The day the case entered the stage.
    public let enteredOn: CivilDate
    /// The day it left; nil while it is there.
    public let leftOn: CivilDate?
    /// Calendar days suspended, as the projection stored it.
    public let storedSuspendedDays: Int
    /// The working days of the visit once it has closed, as the projection stored them; nil while it is
    /// open, or when its calendar could not count them.
    public let storedWorkingDays: Int?
    /// Whether this is the case's first visit.
    public let startsCase: Bool
    /// Whether this is the case's latest visit.
    public internal(set) var isLastVisit: Bool
    /// Where the suspensions within the visit are, by start, among those the scan passes with it (most
    /// visits have none): a range rather than an array, so that passing an entry on copies no reference.
    public let pauses: Range<Int>

    /// The spans the calendar skips; a suspension still running is taken to end on `date`.
    ///
    /// - Parameter all: the suspensions the scan passed with this entry.
    public func suspendedSpans(asOf date: CivilDate, in all: [StageVisitRecord.Pause]) -> [SuspendedSpan] {
        all[pauses].map { SuspendedSpan(from: $0.from.date, until: $0.until?.date ?? date, reason: $0.reason) }
    }
}
