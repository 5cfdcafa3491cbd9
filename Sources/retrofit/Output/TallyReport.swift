import RetrofitApp
import RetrofitCore
import RetrofitReports

/// What `consult tally` shows: the figures of each group with their shares, and the rule.
struct TallyReport {
    let caseID: String
    let register: HouseholdRegister
    let tally: Tally
    let workflow: WorkflowDefinition
    /// The stage whose vote rule applies; nil when the workflow has no vote rule.
    let stage: StageDefinition?

    /// The groups in the order shown, each with the group its share is taken of.
    static let groups: [(group: VoteGroup, base: VoteGroup)] = [
        (.total, .total), (.participating, .total), (.agreeing, .participating),
        (.objecting, .participating), (.abstaining, .participating), (.absent, .total),
    ]

    var result: VoteRuleResult? { stage?.vote.map { $0.evaluate(tally) } }

    /// `8/10 = 80.00 %` for owners, `612.40/800.00 = 76.55 %` for area; nil when the base is 0.
    func share(_ group: VoteGroup, of base: VoteGroup, _ quantity: VoteQuantity) -> (fraction: String, exact: String, percentage: String)? {
        let measure = VoteMeasure(group, quantity)
        guard let exact = tally.share(measure, of: base) else { return nil }
        let fraction = switch quantity {
        case .owners: "\(tally[group].owners)/\(tally[base].owners)"
        case .area: "\(tally[group].area)/\(tally[base].area)"
        }
        return (fraction, exact.description, exact.percentageText())
    }

    var text: String {
        var lines = ["\(caseID) — tally of \(register.homes.count) home\(register.homes.count == 1 ? "" : "s") "
                     + "(workflow \(workflow.id) v\(workflow.version))", ""]
        var table = TextTable(["group", "owners", "share of owners", "area m²", "share of area"])
        for (group, base) in Self.groups {
            func shown(_ quantity: VoteQuantity) -> String {
                guard let share = share(group, of: base, quantity) else { return "- (\(base.rawValue) is 0)" }
                return "\(share.fraction) = \(share.percentage) of \(base.rawValue)"
            }
            table.add([group.rawValue, "\(tally[group].owners)", shown(.owners), tally[group].area.description, shown(.area)])
        }
        lines.append(table.render())
        lines.append("")
        guard let stage, let rule = stage.vote, let result else {
            lines.append("Rule: workflow \(workflow.id) has no vote rule")
            return lines.joined(separator: "\n")
        }
        lines.append("Rule: \(rule.title) (stage \(stage.id)): \(result.passes ? "PASSES" : "FAILS")")
        for condition in result.conditions {
            lines.append("  \(condition.passes ? "pass" : "FAIL")  \(condition.condition.source)")
            lines.append("        \(condition.sentence)")
        }
        return lines.joined(separator: "\n")
    }

    var json: TallyJSON {
        var figures: [String: TallyJSON.Figure] = [:]
        for (group, base) in Self.groups {
            figures[group.rawValue] = TallyJSON.Figure(
                owners: tally[group].owners, area: tally[group].area.description,
                ownersShare: share(group, of: base, .owners).map { TallyJSON.Share(of: base.rawValue, $0) },
                areaShare: share(group, of: base, .area).map { TallyJSON.Share(of: base.rawValue, $0) })
        }
        return TallyJSON(
            case: caseID, workflow: workflow.id, workflowVersion: workflow.version, homes: register.homes.count,
            figures: figures, rule: stage.flatMap { stage in stage.vote.map { TallyJSON.Rule(title: $0.title, stage: stage.id) } },
            rulePasses: result?.passes, conditions: (result?.conditions ?? []).map(TallyJSON.Condition.init))
    }
}

/// The JSON of `consult tally --json`.
struct TallyJSON: Encodable {
    let `case`: String
    let workflow: String
    let workflowVersion: Int
    let homes: Int
    /// By group: total, participating, agreeing, objecting, abstaining, absent.
    let figures: [String: Figure]
    let rule: Rule?
    /// Whether every condition holds; null when the workflow has no vote rule.
    let rulePasses: Bool?
    let conditions: [Condition]

    struct Figure: Encodable {
        let owners: Int
        /// Square metres, two decimals.
        let area: String
        let ownersShare: Share?
        let areaShare: Share?
    }

    struct Share: Encodable {
        /// The group the share is taken of.
        let of: String
        /// Unreduced, as counted: `8/10`, `612.40/800.00`.
        let fraction: String
        /// Reduced: `4/5`.
        let exact: String
        /// Rounded for reading: `80.00 %`.
        let percentage: String

        init(of: String, _ share: (fraction: String, exact: String, percentage: String)) {
            self.of = of
            fraction = share.fraction
            exact = share.exact
            percentage = share.percentage
        }
    }

    struct Rule: Encodable {
        let title: String
        let stage: String
    }

    struct Condition: Encodable {
        let condition: String
        let passes: Bool
        let sentence: String
        let measure: String
        let comparison: String
        /// The share needed (`3/4`), for a share condition.
        let threshold: String?
        /// The group the share is of (`participating owners`), for a share condition.
        let of: String?
        /// The owner count or area needed, for a count condition.
        let limit: String?
        /// The measured owners or area (m²).
        let value: String
        /// The base's owners or area (m²), for a share condition.
        let base: String?
        /// The measured share, reduced; null when the base is 0.
        let share: String?
        let percentage: String?

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
}
