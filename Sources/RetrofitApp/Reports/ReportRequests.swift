import RetrofitCore
import RetrofitReports

/// `report bottlenecks`: where cases get stuck, over a period (default: since the first case, through today).
public struct BottleneckReportRequest: Sendable {
    public var from: CivilDate?
    public var to: CivilDate?
    /// Only this workflow; nil for each workflow in the database.
    public var workflowID: String?
    public var grouping: BottleneckGrouping?

    public init(from: CivilDate? = nil, to: CivilDate? = nil, workflowID: String? = nil, grouping: BottleneckGrouping? = nil) {
        self.from = from
        self.to = to
        self.workflowID = workflowID
        self.grouping = grouping
    }
}

/// `report progress`: commissioned elevators in a year against the target.
public struct ProgressReportRequest: Sendable {
    /// The calendar year; nil for the clock's year.
    public var year: Int?
    public var target: Int?
    public var workflowID: String?

    public init(year: Int? = nil, target: Int? = nil, workflowID: String? = nil) {
        self.year = year
        self.target = target
        self.workflowID = workflowID
    }
}

/// `report commissioned`: every elevator commissioned in a year.
public struct CommissionedReportRequest: Sendable {
    public var year: Int
    public var workflowID: String?

    public init(year: Int, workflowID: String? = nil) {
        self.year = year
        self.workflowID = workflowID
    }
}

/// `report html`: the one-page report of a year.
public struct HTMLReportRequest: Sendable {
    /// The calendar year; nil for the clock's year.
    public var year: Int?
    public var workflowID: String?

    public init(year: Int? = nil, workflowID: String? = nil) {
        self.year = year
        self.workflowID = workflowID
    }
}
