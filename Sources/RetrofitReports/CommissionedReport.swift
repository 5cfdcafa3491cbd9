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
    public let notes: [String]
    /// The stages of the cases' workflows, in procedure order: the CSV's stage-date columns.
    public let stageColumns: [StageColumn]

    private enum CodingKeys: String, CodingKey { case year, asOf, workflow, cases, findings, districts, total, auditHead, notes }

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
        try container.encode(notes, forKey: .notes)
    }
}

/// The last event's sequence number and hash: quote it, and any later change to the log before it shows.
public struct AuditHead: Sendable, Hashable, Encodable, CustomStringConvertible {
    public let sequence: Int64
    public let hash: String

    public init(sequence: Int64, hash: String) {
        self.sequence = sequence
        self.hash = hash
    }

    /// `event 123, hash 3f…`.
    public var description: String { "event \(sequence), hash \(hash)" }
}

/// One commissioned elevator.
public struct CommissionedCase: Sendable, Encodable {
    public let id: String
    public let workflow: String
    public let address: String?
    public let district: String?
    public let unit: String?
    public let homes: Int?
    public let helper: String?
    public let commissionedOn: CivilDate
    /// Every stage visit, in order, with the days entered and left.
    public let stages: [StageDates]
    /// Working days from opening to commissioning, suspended days not counted; nil when the calendar cannot count them.
    public let workingDays: Int?
    /// Calendar days suspended before commissioning.
    public let suspendedDays: Int
    /// 使用登记证编号.
    public let useRegistrationNo: String?
    /// 注册代码.
    public let registrationCode: String?
    /// 设备代码.
    public let equipmentCode: String?
    /// The owners' vote from the case's register; nil when it has none.
    public let vote: VoteSummary?
    /// Exact decimal text, as entered.
    public let subsidyAmount: String?
    public let subsidyPaidOn: String?

    private enum CodingKeys: String, CodingKey {
        case id, workflow, address, district, unit, homes, helper, commissionedOn, stages, workingDays, suspendedDays,
             useRegistrationNo, registrationCode, equipmentCode, vote, subsidyAmount, subsidyPaidOn
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(workflow, forKey: .workflow)
        try container.encode(address, forKey: .address)
        try container.encode(district, forKey: .district)
        try container.encode(unit, forKey: .unit)
        try container.encode(homes, forKey: .homes)
        try container.encode(helper, forKey: .helper)
        try container.encode(commissionedOn, forKey: .commissionedOn)
        try container.encode(stages, forKey: .stages)
        try container.encode(workingDays, forKey: .workingDays)
        try container.encode(suspendedDays, forKey: .suspendedDays)
        try container.encode(useRegistrationNo, forKey: .useRegistrationNo)
        try container.encode(registrationCode, forKey: .registrationCode)
        try container.encode(equipmentCode, forKey: .equipmentCode)
        try container.encode(vote, forKey: .vote)
        try container.encode(subsidyAmount, forKey: .subsidyAmount)
        try container.encode(subsidyPaidOn, forKey: .subsidyPaidOn)
    }
}

/// A stage named in the CSV header.
public struct StageColumn: Sendable, Hashable {
    public let id: String
    /// `中文 / English`.
    public let title: String
}

/// One stage visit's dates.
public struct StageDates: Sendable, Encodable {
    public let stage: String
    public let entered: CivilDate
    /// Nil while the case is still there.
    public let left: CivilDate?

    private enum CodingKeys: String, CodingKey { case stage, entered, left }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(stage, forKey: .stage)
        try container.encode(entered, forKey: .entered)
        try container.encode(left, forKey: .left)
    }
}

/// The result of the owners' vote, counted from the register by the workflow's rule.
public struct VoteSummary: Sendable, Encodable {
    public let passes: Bool
    public let agreeingOwners: Int
    public let participatingOwners: Int
    public let totalOwners: Int

    /// `passes, 3 of 4 owners agree`.
    public var text: String {
        "\(passes ? "passes" : "fails"), \(agreeingOwners) of \(totalOwners) owners agree"
    }
}

/// Something an auditor should look at.
public struct AuditFinding: Sendable, Encodable {
    public enum Kind: String, Sendable, Encodable, CaseIterable {
        /// A field the workflow requires by the case's stage is empty.
        case missingEvidence = "missing-evidence"
        /// A registration code, certificate number or equipment code is on another case too.
        case duplicateIdentifier = "duplicate-identifier"
        /// The commissioning date is before the inspection date.
        case commissionedBeforeInspection = "commissioned-before-inspection"
        /// An event was recorded more than 30 days after it occurred.
        case recordedLate = "recorded-late"
    }

    public let caseID: String
    public let kind: Kind
    /// The field concerned, if any.
    public let field: String?
    /// The event concerned (its sequence in the log), if any.
    public let event: Int64?
    /// The other cases sharing the identifier, for duplicates.
    public let otherCases: [String]
    /// One sentence.
    public let text: String

    private enum CodingKeys: String, CodingKey { case caseID = "case", kind, field, event, otherCases, text }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(caseID, forKey: .caseID)
        try container.encode(kind, forKey: .kind)
        try container.encode(field, forKey: .field)
        try container.encode(event, forKey: .event)
        try container.encode(otherCases, forKey: .otherCases)
        try container.encode(text, forKey: .text)
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
