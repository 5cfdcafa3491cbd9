import RetrofitCore

/// Every elevator commissioned in a year with its trail and evidence, what an auditor should
/// look at, totals by district, and the audit head the figures were read at.
public struct CommissionedReport: Sendable, Encodable {
    public let year: Int
    public let asOf: CivilDate
    /// The workflow asked for, or nil for all.
    public let workflow: String?
    /// By commissioning date, then id.
    public let cases: [CommissionedCase]
    /// By case (in ``cases`` order), then kind.
    public let findings: [AuditFinding]
    /// By district name; cases without a district last.
    public let districts: [DistrictTotal]
    public let total: DistrictTotal
    /// The last event of the log when the report was made.
    public let auditHead: AuditHead
    /// The latest signed checkpoint and whether the log still matches it; nil when none was signed.
    public let auditCheckpoint: AuditCheckpointStanding?
    public let notes: [String]
    /// The stages of the cases' workflows, in procedure order: the CSV's stage-date columns.
    public let stageColumns: [StageColumn]

    private enum CodingKeys: String, CodingKey { case year, asOf, workflow, cases, findings, districts, total, auditHead, auditCheckpoint, notes }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(year, forKey: .year)
        try container.encode(asOf, forKey: .asOf)
        try container.encode(workflow, forKey: .workflow)
        try container.encode(cases, forKey: .cases)
        try container.encode(findings, forKey: .findings)
        try container.encode(districts, forKey: .districts)
        try container.encode(total, forKey: .total)
        try container.encode(auditHead, forKey: .auditHead)
        try container.encode(auditCheckpoint, forKey: .auditCheckpoint)
        try container.encode(notes, forKey: .notes)
    }
}

/// Elevators, homes and subsidy of one district (or of all, for the total).
public struct DistrictTotal: Sendable, Encodable {
    public let district: String?
    public let elevators: Int
    public let homes: Int
    /// The subsidy recorded, in yuan with two decimals, summed exactly.
    public let subsidy: String

    private enum CodingKeys: String, CodingKey { case district, elevators, homes, subsidy }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(district, forKey: .district)
        try container.encode(elevators, forKey: .elevators)
        try container.encode(homes, forKey: .homes)
        try container.encode(subsidy, forKey: .subsidy)
    }
}

/// A stage named in the CSV header.
public struct StageColumn: Sendable, Hashable {
    public let id: String
    /// `中文 / English`.
    public let title: String
}
