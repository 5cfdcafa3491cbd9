extension GuardExpression {
    /// Evaluates the guard against a case's current values.
    ///
    /// A missing key means the field is not set. A comparison or lone condition that reads a
    /// field that is not set cannot be decided and fails, and stays failed under `not`
    /// (`not (floors >= 6)` fails when `floors` is not set); only `is set` / `is not set` look
    /// at whether a field is set. Values of the wrong kind (a date where a number is compared)
    /// fail the same way instead of trapping.
    ///
    /// - Parameter values: the case's field values by field name.
    /// - Returns: `.passed`, or `.failed` with an explanation such as
    ///   `consent_ratio >= 3/4 (consent_ratio is 7/10)`. For `a and b` it explains the first
    ///   failing part; for `a or b` every part, joined by ` and `; for `not X` when X holds, `not (X)`.
    public func evaluate(_ values: [String: FieldValue]) -> GuardOutcome {
        switch GuardEvaluator(values: values).verdict(of: root) {
        case .holds: .passed
        case .fails(let explanation), .undecided(let explanation): .failed(explanation)
        }
    }
}

/// Whether a part of a guard holds: three-valued, so a missing value is never mistaken for false.
enum GuardVerdict: Hashable, Sendable {
    case holds
    /// Definitely does not hold, with why.
    case fails(String)
    /// Cannot be decided (a field is not set, or values cannot be compared), with why.
    case undecided(String)

    var explanation: String? {
        switch self {
        case .holds: nil
        case .fails(let explanation), .undecided(let explanation): explanation
        }
    }
}

struct GuardEvaluator {
    let values: [String: FieldValue]

    func verdict(of node: GuardNode) -> GuardVerdict {
        switch node {
        case .comparison(let left, let comparator, let right):
            return comparison(node.text, left, comparator, right)
        case .presence(let operand, let isSet):
            return presence(node.text, operand, isSet: isSet)
        case .condition(let operand):
            return condition(operand)
        case .negation(let inner):
            switch verdict(of: inner) {
            case .holds: return .fails("not (\(inner.text))")
            case .fails: return .holds
            case .undecided(let explanation): return .undecided("not (\(explanation))")
            }
        case .all(let parts):
            let verdicts = parts.map(verdict(of:))
            guard let first = verdicts.first(where: { $0 != .holds })?.explanation else { return .holds }
            return verdicts.contains { if case .fails = $0 { true } else { false } } ? .fails(first) : .undecided(first)
        case .any(let parts):
            let verdicts = parts.map(verdict(of:))
            if verdicts.contains(.holds) { return .holds }
            let explanation = verdicts.compactMap(\.explanation).joined(separator: " and ")
            return verdicts.contains { if case .undecided = $0 { true } else { false } }
                ? .undecided(explanation) : .fails(explanation)
        }
    }

    private func comparison(
        _ text: String, _ left: GuardOperand, _ comparator: GuardComparator, _ right: GuardOperand
    ) -> GuardVerdict {
        let asFraction = [left, right].contains { operand in
            if case .literal(.number(_, writtenAsFraction: true)) = operand.kind { true } else { false }
        }
        var names = [left.fieldName, right.fieldName].compactMap(\.self)
        if names.count == 2, names[0] == names[1] { names.removeLast() }
        let facts = names.map { name in
            values[name].map { "\(name) is \(GuardValueText.value($0, asFraction: asFraction))" } ?? "\(name) is not set"
        }
        let explained = { (extra: String?) in
            let all = facts.joined(separator: ", ") + (extra.map { (facts.isEmpty ? "" : "; ") + $0 } ?? "")
            return all.isEmpty ? text : "\(text) (\(all))"
        }
        guard let leftValue = value(of: left), let rightValue = value(of: right) else {
            return .undecided(explained(nil))
        }
        switch Self.compare(leftValue, comparator.relation, rightValue) {
        case .success(true): return .holds
        case .success(false): return .fails(explained(nil))
        case .failure(let reason): return .undecided(explained(reason.text))
        }
    }

    private struct Incomparable: Error { let text: String }

    private static func compare(
        _ left: FieldValue, _ relation: GuardComparator.Relation, _ right: FieldValue
    ) -> Result<Bool, Incomparable> {
        switch (left, right) {
        case (.number(let a), .number(let b)): return .success(relation.holds(a, b))
        case (.date(let a), .date(let b)): return .success(relation.holds(a, b))
        case (.text(let a), .text(let b)) where !relation.isOrdering: return .success(relation.holds(a, b))
        case (.boolean(let a), .boolean(let b)) where !relation.isOrdering:
            return .success(relation == .equal ? a == b : a != b)
        case (.text, .text): return .failure(Incomparable(text: "only == and != compare text"))
        case (.boolean, .boolean): return .failure(Incomparable(text: "only == and != compare booleans"))
        default:
            let sentence = "\(GuardValueText.kind(of: left)) cannot be compared with \(GuardValueText.kind(of: right))"
            return .failure(Incomparable(text: sentence))
        }
    }

    private func presence(_ text: String, _ operand: GuardOperand, isSet: Bool) -> GuardVerdict {
        guard let name = operand.fieldName else { return .undecided(text) }
        switch (values[name], isSet) {
        case (.some, true), (.none, false): return .holds
        case (.none, true): return .fails("\(text) (\(name) is not set)")
        case (.some(let value), false): return .fails("\(text) (\(name) is \(GuardValueText.value(value, asFraction: false)))")
        }
    }

    private func condition(_ operand: GuardOperand) -> GuardVerdict {
        let written = operand.spelling
        guard let value = value(of: operand) else { return .undecided("\(written) (\(written) is not set)") }
        let subject = operand.fieldName.map { "\($0) is " } ?? ""
        switch value {
        case .boolean(true): return .holds
        case .boolean(false): return .fails(operand.fieldName == nil ? written : "\(written) (\(subject)false)")
        default:
            let shown = operand.fieldName == nil ? "" : "\(subject)\(GuardValueText.value(value, asFraction: false)), "
            return .undecided("\(written) (\(shown)not true or false)")
        }
    }

    /// The operand's value, or nil when it is a field that is not set.
    private func value(of operand: GuardOperand) -> FieldValue? {
        switch operand.kind {
        case .field(let name): values[name]
        case .literal(.number(let number, _)): .number(number)
        case .literal(.text(let text)): .text(text)
        case .literal(.date(let date)): .date(date)
        case .literal(.boolean(let flag)): .boolean(flag)
        }
    }
}
