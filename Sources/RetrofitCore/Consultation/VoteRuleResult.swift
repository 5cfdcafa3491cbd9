/// The outcome of a vote rule against a tally.
public struct VoteRuleResult: Hashable, Sendable {
    /// Whether every condition holds.
    public let passes: Bool
    /// Each condition's outcome, in the rule's order.
    public let conditions: [VoteConditionResult]

    public init(passes: Bool, conditions: [VoteConditionResult]) {
        self.passes = passes
        self.conditions = conditions
    }
}

/// The outcome of one condition against a tally, with the numbers behind it.
///
/// Always `measured == numerator/denominator` when the denominator is not zero. For a share,
/// `numerator` and `denominator` are the raw counts of the measure and its base (owners, or
/// area in hundredths). For an absolute count, `numerator` is the raw count and
/// `denominator` is 1 for owners and 100 for area, so `measured` is the count in owners or
/// square metres.
public struct VoteConditionResult: Hashable, Sendable {
    public let condition: VoteCondition
    public let passes: Bool
    /// The measure as an exact fraction of its base (or the count), nil when the base is 0.
    public let measured: Rational?
    public let numerator: Int
    public let denominator: Int
    /// One line for people: `owners agreeing 8/12 of participants; needs at least 3/4`.
    public let sentence: String

    public init(condition: VoteCondition, passes: Bool, measured: Rational?, numerator: Int, denominator: Int, sentence: String) {
        self.condition = condition
        self.passes = passes
        self.measured = measured
        self.numerator = numerator
        self.denominator = denominator
        self.sentence = sentence
    }
}

extension VoteCondition {
    /// Checks this condition against `tally`, comparing exactly by cross-multiplying.
    /// A share condition whose base is zero fails, whatever its comparison, and its sentence
    /// says why (nobody took part, nobody agreed, …).
    public func evaluate(_ tally: Tally) -> VoteConditionResult {
        let quantity = measure.quantity
        let count = tally.rawCount(measure)
        let head = "\(quantity) \(measure.group.verb)"
        switch target {
        case .share(let threshold, let baseGroup):
            let base = tally.rawCount(VoteMeasure(baseGroup, quantity))
            let figures = quantity == .area
                ? "\(Area(uncheckedHundredths: count))/\(Area(uncheckedHundredths: base)) m²"
                : "\(count)/\(base)"
            let needs = "needs \(comparison) \(threshold)"
            guard base > 0 else {
                return VoteConditionResult(
                    condition: self, passes: false, measured: nil, numerator: count, denominator: base,
                    sentence: "\(head) \(figures) \(baseGroup.asBase); \(needs), but \(baseGroup.emptyReason), so the condition fails")
            }
            return VoteConditionResult(
                condition: self,
                passes: comparison.holds(count, base, threshold.numerator, threshold.denominator),
                measured: Rational(count, base), numerator: count, denominator: base,
                sentence: "\(head) \(figures) \(baseGroup.asBase); \(needs)")
        case .count(let limit):
            let unit = quantity == .area ? 100 : 1
            return VoteConditionResult(
                condition: self,
                passes: comparison.holds(count, 1, limit, 1),
                measured: Rational(count, unit), numerator: count, denominator: unit,
                sentence: "\(head) \(VoteCondition.countText(count, quantity)); needs \(comparison) \(VoteCondition.countText(limit, quantity))")
        }
    }
}
