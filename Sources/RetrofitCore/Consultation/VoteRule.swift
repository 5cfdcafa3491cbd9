/// A vote rule from a workflow file: a title and condition lines that must all hold.
///
/// ```yaml
/// vote:
///   title: 民法典第278条 / Civil Code art. 278
///   rule:
///     - participating area at least 2/3 of total area
///     - participating owners at least 2/3 of total owners
///     - agreeing area at least 3/4 of participating area
///     - agreeing owners at least 3/4 of participating owners
/// ```
///
/// See ``VoteCondition`` for the grammar of one line. Cities differ, so the rule is data.
public struct VoteRule: Hashable, Sendable {
    /// The rule's name as shown to people, such as `民法典第278条 / Civil Code art. 278`.
    public let title: String
    /// The conditions, in the order written; the vote passes when every one holds.
    public let conditions: [VoteCondition]

    /// Parses a rule from its title and condition lines.
    /// - Parameters:
    ///   - title: not empty after trimming.
    ///   - conditions: at least one line, each in the grammar of ``VoteCondition``.
    /// - Throws: ``VoteRuleError``: an empty title, no conditions, or the first condition that
    ///   does not parse, with its 1-based position so a loader can point at its line.
    public static func parse(title: String, conditions: [String]) throws(VoteRuleError) -> VoteRule {
        let title = PlainText.trimmed(title)
        guard !title.isEmpty else { throw .emptyTitle }
        guard !conditions.isEmpty else { throw .noConditions(title: title) }
        var parsed: [VoteCondition] = []
        for (offset, line) in conditions.enumerated() {
            do {
                parsed.append(try VoteCondition.parse(line))
            } catch {
                throw .badCondition(index: offset + 1, source: PlainText.trimmed(line), problem: error)
            }
        }
        return VoteRule(title: title, conditions: parsed)
    }

    private init(title: String, conditions: [VoteCondition]) {
        self.title = title
        self.conditions = conditions
    }

    /// Checks every condition against `tally`. A failing condition is an expected result,
    /// not an error; a condition whose base is zero fails and says so.
    public func evaluate(_ tally: Tally) -> VoteRuleResult {
        let results = conditions.map { $0.evaluate(tally) }
        return VoteRuleResult(passes: results.allSatisfy(\.passes), conditions: results)
    }
}

/// Why a vote rule does not parse.
public enum VoteRuleError: Error, Hashable, Sendable, CustomStringConvertible {
    case emptyTitle
    case noConditions(title: String)
    /// Condition number `index` (1-based) with text `source` does not parse.
    case badCondition(index: Int, source: String, problem: VoteConditionProblem)

    public var description: String {
        switch self {
        case .emptyTitle:
            "the vote rule has no title; expected a title such as '民法典第278条 / Civil Code art. 278'"
        case .noConditions(let title):
            "vote rule '\(title)' has no conditions; expected lines such as 'agreeing owners at least 3/4 of participating owners'"
        case .badCondition(let index, let source, let problem):
            "vote rule condition \(index) '\(source)': \(problem)"
        }
    }
}
