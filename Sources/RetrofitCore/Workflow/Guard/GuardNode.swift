/// A parsed guard: the tree the parser builds and evaluation and type checking walk.
///
/// `and` and `or` hold flat lists (`a and b and c` is one node), so only parentheses and
/// `not` nest, and the parser bounds how deeply.
indirect enum GuardNode: Hashable, Sendable {
    /// `left op right`.
    case comparison(GuardOperand, GuardComparator, GuardOperand)
    /// `name is set` (`isSet` true) or `name is not set`.
    case presence(GuardOperand, isSet: Bool)
    /// A lone operand used as a condition: a boolean field or `true` / `false`.
    case condition(GuardOperand)
    /// `not node`.
    case negation(GuardNode)
    /// `a and b and …`, at least two parts.
    case all([GuardNode])
    /// `a or b or …`, at least two parts.
    case any([GuardNode])
}

/// One side of a comparison, or a lone condition: a field name or a literal, with where it was written.
struct GuardOperand: Hashable, Sendable {
    enum Kind: Hashable, Sendable {
        case field(String)
        case literal(GuardLiteral)
    }

    let kind: Kind
    /// 0-based character offset in the source.
    let offset: Int
    /// The text as written (`0.75`, `'德城区'`, `at`), used when the guard is shown back to people.
    let spelling: String

    var fieldName: String? {
        if case .field(let name) = kind { name } else { nil }
    }
}

/// A value written in a guard.
enum GuardLiteral: Hashable, Sendable {
    /// An exact number; `writtenAsFraction` is true for `2/3`, which makes failure explanations
    /// show the field's value as a fraction too (`consent_ratio is 7/10`, not `0.7`).
    case number(Rational, writtenAsFraction: Bool)
    case text(String)
    case date(CivilDate)
    case boolean(Bool)
}

/// A comparison operator with the spelling the guard used (`>=` and `at least` mean the same).
struct GuardComparator: Hashable, Sendable {
    enum Relation: Hashable, Sendable {
        case equal, notEqual, less, lessOrEqual, greater, greaterOrEqual

        /// Whether only ordered types (numbers, dates) may use it.
        var isOrdering: Bool { self != .equal && self != .notEqual }

        func holds<Value: Comparable>(_ left: Value, _ right: Value) -> Bool {
            switch self {
            case .equal: left == right
            case .notEqual: left != right
            case .less: left < right
            case .lessOrEqual: left <= right
            case .greater: left > right
            case .greaterOrEqual: left >= right
            }
        }
    }

    let relation: Relation
    /// `>=`, `at least`, …
    let spelling: String
    /// 0-based character offset of the operator's first character.
    let offset: Int
}

extension GuardNode {
    /// The node written back with single spaces and only the parentheses precedence needs,
    /// keeping the source's spelling of operators and literals: `homes >= 6 and (a or b)`.
    var text: String {
        switch self {
        case .comparison(let left, let comparator, let right):
            return "\(left.spelling) \(comparator.spelling) \(right.spelling)"
        case .presence(let operand, let isSet):
            return operand.spelling + (isSet ? " is set" : " is not set")
        case .condition(let operand):
            return operand.spelling
        case .negation(let inner):
            return "not " + inner.textInside(precedence: 3)
        case .all(let parts):
            return parts.map { $0.textInside(precedence: 2) }.joined(separator: " and ")
        case .any(let parts):
            return parts.map { $0.textInside(precedence: 1) }.joined(separator: " or ")
        }
    }

    /// How tightly the node's written form binds: `or` 1, `and` 2, the rest 3.
    private var precedence: Int {
        switch self {
        case .any: 1
        case .all: 2
        default: 3
        }
    }

    private func textInside(precedence context: Int) -> String {
        precedence < context ? "(\(text))" : text
    }

    /// Every operand in the tree, left to right.
    var operands: [GuardOperand] {
        switch self {
        case .comparison(let left, _, let right): [left, right]
        case .presence(let operand, _), .condition(let operand): [operand]
        case .negation(let inner): inner.operands
        case .all(let parts), .any(let parts): parts.flatMap(\.operands)
        }
    }
}
