import RetrofitCore

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
