import RetrofitCore

/// Field types and value helpers shared by the guard tests.
enum GuardFixtures {
    /// The fields of a small elevator-retrofit workflow.
    static let types: [String: FieldType] = [
        "homes": .integer,
        "floors": .integer,
        "area": .decimal,
        "consent_ratio": .decimal,
        "approved_on": .date,
        "district": .enumeration(["德城区", "陵城区"]),
        "priority": .text,
        "has_lift_shaft_consent": .boolean,
        "open_objections": .integer,
    ]

    /// Case values written as text: `true`/`false` are booleans, `2025-03-01` a date,
    /// `7/10` or `89.53` a number, anything else text.
    static func values(_ written: [String: String]) -> [String: FieldValue] {
        written.mapValues(value)
    }

    static func value(_ text: String) -> FieldValue {
        if text == "true" || text == "false" { return .boolean(text == "true") }
        if let date = CivilDate(iso: text) { return .date(date) }
        if let number = Rational(parsing: text) { return .number(number) }
        return .text(text)
    }
}

/// A guard, the case values it sees, and what should come of it.
struct GuardCase: Sendable, CustomStringConvertible {
    let source: String
    let values: [String: String]
    let expected: GuardOutcome

    /// A case expected to pass.
    static func passes(_ source: String, _ values: [String: String] = [:]) -> GuardCase {
        GuardCase(source: source, values: values, expected: .passed)
    }

    /// A case expected to fail; the explanation is not checked here (see the explanation tests).
    static func fails(_ source: String, _ values: [String: String] = [:]) -> GuardCase {
        GuardCase(source: source, values: values, expected: .failed(""))
    }

    var description: String {
        let shown = values.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
        return "\(source) with [\(shown)] \(expected == .passed ? "passes" : "fails")"
    }

    /// Whether the outcome is the expected one, ignoring the wording of a failure.
    func matches(_ outcome: GuardOutcome) -> Bool {
        switch (expected, outcome) {
        case (.passed, .passed), (.failed, .failed): true
        default: false
        }
    }
}
