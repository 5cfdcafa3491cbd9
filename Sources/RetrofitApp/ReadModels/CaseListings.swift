import RetrofitCore
import RetrofitReports

/// `case history`: a page of a case's events, oldest first.
public struct CaseHistoryPage: Encodable, Sendable {
    public let events: [EventSummary]
    /// The version to continue after when the page is full (there may be more); nil on the last page.
    public let nextAfter: Int?
}

/// `case list`: the cases a filter chooses.
public struct CaseList: Encodable, Sendable {
    public let cases: [CaseRowSummary]
}

/// `overdue`: active cases past their deadline (and, if asked, inside their warning window) on a day.
public struct OverdueList: Encodable, Sendable {
    public let asOf: CivilDate
    /// True when the answer was replayed from the log (a past day, or what was known then).
    public let replayed: Bool
    public let entries: [OverdueEntry]
    /// Warnings beside the list: active cases whose deadline could not be computed cannot show as overdue.
    public let warnings: [String]
}

/// `queue`: a helper's work list in the city's order.
public struct WorkQueue: Encodable, Sendable {
    public let asOf: CivilDate
    public let entries: [QueueEntry]
}
