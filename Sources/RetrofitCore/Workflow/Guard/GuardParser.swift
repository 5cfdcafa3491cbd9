/// Recursive-descent parser for guards.
///
/// ```
/// guard       = disjunction END
/// disjunction = conjunction { "or" conjunction }
/// conjunction = negation { "and" negation }
/// negation    = "not" negation | primary
/// primary     = "(" disjunction ")"
///             | operand [ comparator operand | "is" [ "not" ] "set" ]
/// comparator  = "==" | "!=" | "<" | "<=" | ">" | ">="
///             | "at" "least" | "more" "than" | "at" "most" | "less" "than"
/// operand     = field | number | text | date | "true" | "false"
/// ```
/// Comparisons are not chained (`a < b < c` is an error), and `is set` takes only a field.
struct GuardParser {
    /// Parentheses and `not`s nested deeper than this are refused, so no input can exhaust the stack.
    static let maximumDepth = 64

    /// Words that can never name a field; the operator words (`at`, `least`, `set`, …) are only
    /// keywords where an operator is expected, so a field may still be called `set`.
    private static let reservedWords: Set<String> = ["and", "or", "not", "is", "true", "false"]

    private static let symbolComparators: [String: GuardComparator.Relation] = [
        "==": .equal, "!=": .notEqual, "<": .less, "<=": .lessOrEqual, ">": .greater, ">=": .greaterOrEqual,
    ]

    /// The two-word operators, by first word then second.
    private static let wordComparators: [String: [String: GuardComparator.Relation]] = [
        "at": ["least": .greaterOrEqual, "most": .lessOrEqual],
        "more": ["than": .greater],
        "less": ["than": .less],
    ]

    private let tokens: [GuardToken]
    private let endOffset: Int
    private var position = 0
    private var depth = 0

    private init(tokens: [GuardToken], endOffset: Int) {
        self.tokens = tokens
        self.endOffset = endOffset
    }

    /// Parses a whole guard.
    static func parse(_ source: String) throws(GuardSyntaxError) -> GuardNode {
        let tokens = try GuardLexer.tokens(of: source)
        guard !tokens.isEmpty else {
            throw GuardSyntaxError(offset: 0, message: "expected a condition, but the guard is empty")
        }
        var parser = GuardParser(tokens: tokens, endOffset: source.count)
        let node = try parser.disjunction(after: nil)
        if let extra = parser.peek() {
            let message = extra.isSymbol(")")
                ? "unexpected ')' without a matching '('"
                : "expected 'and', 'or' or the end of the guard after \(parser.tokens[parser.position - 1].quoted), found \(extra.quoted)"
            throw GuardSyntaxError(offset: extra.offset, message: message)
        }
        return node
    }

    private mutating func disjunction(after previous: GuardToken?) throws(GuardSyntaxError) -> GuardNode {
        var parts = [try conjunction(after: previous)]
        while let word = peek(), word.isWord("or") {
            position += 1
            parts.append(try conjunction(after: word))
        }
        return parts.count == 1 ? parts[0] : .any(parts.flatMap(\.disjuncts))
    }

    private mutating func conjunction(after previous: GuardToken?) throws(GuardSyntaxError) -> GuardNode {
        var parts = [try negation(after: previous)]
        while let word = peek(), word.isWord("and") {
            position += 1
            parts.append(try negation(after: word))
        }
        return parts.count == 1 ? parts[0] : .all(parts.flatMap(\.conjuncts))
    }

    private mutating func negation(after previous: GuardToken?) throws(GuardSyntaxError) -> GuardNode {
        guard let word = peek(), word.isWord("not") else { return try primary(after: previous) }
        position += 1
        try descend(at: word)
        defer { depth -= 1 }
        return .negation(try negation(after: word))
    }

    private mutating func primary(after previous: GuardToken?) throws(GuardSyntaxError) -> GuardNode {
        if let open = peek(), open.isSymbol("(") {
            position += 1
            try descend(at: open)
            defer { depth -= 1 }
            let inner = try disjunction(after: open)
            guard let close = peek(), close.isSymbol(")") else {
                throw GuardSyntaxError(
                    offset: peek()?.offset ?? endOffset,
                    message: "expected ')' to close the '(' at column \(open.offset + 1)\(foundSuffix)")
            }
            position += 1
            return inner
        }
        let left = try operand(after: previous?.quoted, expecting: "a condition")
        if let word = peek(), word.isWord("is") {
            return try presence(of: left, after: word)
        }
        guard let comparator = try nextComparator() else { return .condition(left) }
        let right = try operand(after: "'\(comparator.spelling)'", expecting: "a value")
        if let chained = try nextComparator() {
            throw GuardSyntaxError(
                offset: chained.offset,
                message: "comparisons cannot be chained; join them with 'and', as in 'a < b and b < c'")
        }
        return .comparison(left, comparator, right)
    }

    private mutating func presence(of operand: GuardOperand, after isWord: GuardToken) throws(GuardSyntaxError) -> GuardNode {
        guard operand.fieldName != nil else {
            throw GuardSyntaxError(
                offset: operand.offset, message: "only a field can be set or not set, not \(operand.spelling)")
        }
        position += 1
        var isSet = true
        if let word = peek(), word.isWord("not") {
            position += 1
            isSet = false
        }
        guard let word = peek(), word.isWord("set") else {
            throw GuardSyntaxError(
                offset: peek()?.offset ?? endOffset,
                message: "expected 'set' or 'not set' after 'is' (to compare with a value, write ==)\(foundSuffix)")
        }
        position += 1
        return .presence(operand, isSet: isSet)
    }

    /// Reads a comparison operator if one comes next; nil when something else does.
    private mutating func nextComparator() throws(GuardSyntaxError) -> GuardComparator? {
        guard let token = peek() else { return nil }
        if case .symbol(let symbol) = token.kind, let relation = GuardParser.symbolComparators[symbol] {
            position += 1
            return GuardComparator(relation: relation, spelling: symbol, offset: token.offset)
        }
        guard case .word(let first) = token.kind, let seconds = GuardParser.wordComparators[first] else { return nil }
        let expected = seconds.keys.sorted().map { "'\($0)'" }.joined(separator: " or ")
        position += 1
        guard let second = peek(), case .word(let word) = second.kind, let relation = seconds[word] else {
            throw GuardSyntaxError(
                offset: peek()?.offset ?? endOffset, message: "expected \(expected) after '\(first)'\(foundSuffix)")
        }
        position += 1
        return GuardComparator(relation: relation, spelling: "\(first) \(word)", offset: token.offset)
    }

    /// Reads a field or literal; `previous` names what came before it for the error message.
    private mutating func operand(after previous: String?, expecting what: String) throws(GuardSyntaxError) -> GuardOperand {
        let context = previous.map { " after \($0)" } ?? ""
        guard let token = peek() else {
            throw GuardSyntaxError(offset: endOffset, message: "expected \(what)\(context)")
        }
        let kind: GuardOperand.Kind
        switch token.kind {
        case .word("true"): kind = .literal(.boolean(true))
        case .word("false"): kind = .literal(.boolean(false))
        case .word(let name) where !GuardParser.reservedWords.contains(name): kind = .field(name)
        case .number(let value, let writtenAsFraction): kind = .literal(.number(value, writtenAsFraction: writtenAsFraction))
        case .text(let text): kind = .literal(.text(text))
        case .date(let date): kind = .literal(.date(date))
        case .word, .symbol:
            throw GuardSyntaxError(offset: token.offset, message: "expected \(what)\(context), found \(token.quoted)")
        }
        position += 1
        return GuardOperand(kind: kind, offset: token.offset, spelling: token.spelling)
    }

    private mutating func descend(at token: GuardToken) throws(GuardSyntaxError) {
        depth += 1
        guard depth <= GuardParser.maximumDepth else {
            throw GuardSyntaxError(
                offset: token.offset,
                message: "parentheses and 'not' are nested more than \(GuardParser.maximumDepth) deep")
        }
    }

    /// `, found 'x'` for the next token, or `` at the end.
    private var foundSuffix: String {
        peek().map { ", found \($0.quoted)" } ?? ""
    }

    private func peek() -> GuardToken? {
        position < tokens.count ? tokens[position] : nil
    }
}

private extension GuardNode {
    /// The parts of an `or` to merge into an enclosing `or`.
    var disjuncts: [GuardNode] {
        if case .any(let parts) = self { parts } else { [self] }
    }

    /// The parts of an `and` to merge into an enclosing `and`.
    var conjuncts: [GuardNode] {
        if case .all(let parts) = self { parts } else { [self] }
    }
}
