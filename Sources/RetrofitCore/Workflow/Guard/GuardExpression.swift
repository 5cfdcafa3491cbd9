/// A condition on a case's fields that a transition requires, such as
/// `homes >= 6 and district is set` or `consent_ratio at least 2/3`.
///
/// Guards are parsed once when a workflow is loaded, checked against the workflow's field types
/// with ``typeCheck(_:)``, and evaluated against a case's values with ``evaluate(_:)``. Every
/// number is exact (`Rational`), so `0.5 == 1/2` holds and `at least 2/3` includes two-thirds.
///
/// Precedence, tightest first: a comparison or `is set`, then `not`, then `and`, then `or`;
/// parentheses group. Because comparisons take only fields and literals, `not homes >= 6`
/// means `not (homes >= 6)`.
///
/// Two guards are equal when their sources are equal.
public struct GuardExpression: Hashable, Sendable, CustomStringConvertible {
    /// The guard exactly as written in the workflow file.
    public let source: String
    let root: GuardNode

    private init(source: String, root: GuardNode) {
        self.source = source
        self.root = root
    }

    /// Parses a guard.
    ///
    /// - Parameter source: the guard text, e.g. `homes >= 6 and district is set`.
    /// - Throws: `GuardSyntaxError` saying what was expected and where (0-based character
    ///   offset into `source`): an empty guard, an unterminated text, a dangling operator,
    ///   unbalanced parentheses, a literal that divides by zero (`1/0`), an unknown character.
    ///   Unknown field names are *not* syntax errors; ``typeCheck(_:)`` reports them.
    public static func parse(_ source: String) throws(GuardSyntaxError) -> GuardExpression {
        GuardExpression(source: source, root: try GuardParser.parse(source))
    }

    /// The source as written.
    public var description: String { source }

    /// The guard written back in a standard layout: single spaces, only the parentheses that
    /// precedence needs, operators and literals spelled as in the source.
    public var normalizedText: String { root.text }

    /// Names of the fields the guard reads.
    public var referencedNames: Set<String> {
        Set(root.operands.compactMap(\.fieldName))
    }

    public static func == (lhs: GuardExpression, rhs: GuardExpression) -> Bool {
        lhs.source == rhs.source
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(source)
    }
}
