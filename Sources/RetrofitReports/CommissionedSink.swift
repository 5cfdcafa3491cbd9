import RetrofitCore

/// What takes the commissioned report as it is read: the heading first, then each elevator with
/// its findings (by commissioning date, then id), then the totals.
public protocol CommissionedSink {
    mutating func start(_ heading: CommissionedHeading) throws
    mutating func add(_ item: CommissionedCase, findings: [AuditFinding]) throws
    mutating func finish(_ closing: CommissionedClosing) throws
}

/// What is known of the report before its first elevator.
public struct CommissionedHeading: Sendable {
    public let year: Int
    public let asOf: CivilDate
    /// The workflow asked for, or nil for all.
    public let workflow: String?
    /// The last event of the log when the report was started.
    public let auditHead: AuditHead
    /// The latest signed checkpoint when the report was started, nil when none was signed.
    public let auditCheckpoint: AuditCheckpointStanding?
    /// The stages of the cases' workflows, in procedure order: the CSV's stage-date columns.
    public let stageColumns: [StageColumn]
}

/// What is known once every elevator has been read, with the heading again.
public struct CommissionedClosing: Sendable {
    public let heading: CommissionedHeading
    public let elevators: Int
    /// By district name; cases without a district last.
    public let districts: [DistrictTotal]
    public let total: DistrictTotal
    public let notes: [String]
}

/// A sink that writes the report as text to `out`.
public protocol CommissionedWriter: CommissionedSink {
    var out: BlockWriter { get set }
}
