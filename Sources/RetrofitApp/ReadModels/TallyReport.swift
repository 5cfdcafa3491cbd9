import RetrofitCore

/// What `consult tally` shows: the figures of each group with their shares, and the vote rule checked against
/// them. Its JSON is `consult tally --json`.
public struct TallyReport: Encodable, Sendable {
    public let `case`: String
    public let workflow: String
    public let workflowVersion: Int
    public let homes: Int
    /// By group: total, participating, agreeing, objecting, abstaining, absent.
    public let figures: [String: Figure]
    /// Left out when the workflow has no vote rule.
    public let rule: Rule?
    /// Whether every condition holds; left out when the workflow has no vote rule.
    public let rulePasses: Bool?
    public let conditions: [Condition]

    /// The groups in the order shown, each with the group its share is taken of.
    public static let groups: [(group: VoteGroup, base: VoteGroup)] = [
        (.total, .total), (.participating, .total), (.agreeing, .participating),
        (.objecting, .participating), (.abstaining, .participating), (.absent, .total),
    ]

    public struct Figure: Encodable, Sendable {
        public let owners: Int
        /// Square metres, two decimals.
        public let area: String
        /// Left out when the base is 0.
        public let ownersShare: Share?
        public let areaShare: Share?
    }

    public struct Share: Encodable, Sendable {
        /// The group the share is taken of.
        public let of: String
        /// Unreduced, as counted: `8/10`, `612.40/800.00`.
        public let fraction: String
        /// Reduced: `4/5`.
        public let exact: String
        /// Rounded for reading: `80.00 %`.
        public let percentage: String
    }

    public struct Rule: Encodable, Sendable {
        public let title: String
        public let stage: String
    }

    public struct Condition: Encodable, Sendable {
        public let condition: String
        public let passes: Bool
        public let sentence: String
        public let measure: String
        public let comparison: String
        /// The share needed (`3/4`), for a share condition.
        public let threshold: String?
        /// The group the share is of (`participating owners`), for a share condition.
        public let of: String?
        /// The owner count or area needed, for a count condition.
        public let limit: String?
        /// The measured owners or area (m²).
        public let value: String
        /// The base's owners or area (m²), for a share condition.
        public let base: String?
        /// The measured share, reduced; left out when the base is 0.
        public let share: String?
        public let percentage: String?
    }

    /// The tally of `register` against the vote rule of `stage` (nil when the workflow has none).
    public init(caseID: String, register: HouseholdRegister, tally: Tally, workflow: WorkflowDefinition, stage: StageDefinition?) {
        let result = stage?.vote.map { $0.evaluate(tally) }
        var figures: [String: Figure] = [:]
        for (group, base) in Self.groups {
            figures[group.rawValue] = Figure(
                owners: tally[group].owners, area: tally[group].area.description,
                ownersShare: Self.share(tally, group, of: base, .owners), areaShare: Self.share(tally, group, of: base, .area))
        }
        self.case = caseID
        self.workflow = workflow.id
        workflowVersion = workflow.version
        homes = register.homes.count
        self.figures = figures
        rule = stage.flatMap { stage in stage.vote.map { Rule(title: $0.title, stage: stage.id) } }
        rulePasses = result?.passes
        conditions = (result?.conditions ?? []).map(Condition.init)
    }

    /// `8/10 = 80.00 %` for owners, `612.40/800.00 = 76.55 %` for area; nil when the base is 0.
    static func share(_ tally: Tally, _ group: VoteGroup, of base: VoteGroup, _ quantity: VoteQuantity) -> Share? {
        guard let exact = tally.share(VoteMeasure(group, quantity), of: base) else { return nil }
        let fraction = switch quantity {
        case .owners: "\(tally[group].owners)/\(tally[base].owners)"
        case .area: "\(tally[group].area)/\(tally[base].area)"
        }
        return Share(of: base.rawValue, fraction: fraction, exact: exact.description, percentage: exact.percentageText())
    }
}

extension TallyReport.Condition {
    init(_ result: VoteConditionResult) {
        let condition = result.condition
        let quantity = condition.measure.quantity
        func amount(_ raw: Int) -> String {
            quantity == .area ? (Area(hundredths: raw) ?? .zero).description : "\(raw)"
        }
        self.condition = condition.source
        passes = result.passes
        sentence = result.sentence
        measure = condition.measure.description
        comparison = condition.comparison.rawValue
        value = amount(result.numerator)
        switch condition.target {
        case .share(let needed, let group):
            threshold = needed.description
            of = VoteMeasure(group, quantity).description
            limit = nil
            base = amount(result.denominator)
            share = result.measured?.description
            percentage = result.measured?.percentageText()
        case .count(let count):
            threshold = nil
            of = nil
            limit = amount(count)
            base = nil
            share = nil
            percentage = nil
        }
    }
}
