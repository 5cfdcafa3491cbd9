import Foundation
import RetrofitCore

/// A move out of a case's stage as the queue and `case explain` show it: what it is, whether it
/// can be made now, and what blocks it, each blocker worded for a helper.
public struct MoveAdvice: Encodable, Sendable, Hashable {
    /// The transition's name, as `case advance --to` takes it.
    public let move: String
    public let to: String
    public let ready: Bool
    public let blockers: [BlockerAdvice]

    public init(_ check: MoveCheck) {
        move = check.transition.name
        to = check.transition.to
        ready = check.isReady
        blockers = check.blockers.map { BlockerAdvice($0, transition: check.transition) }
    }

    /// `vote-passed → design`, or what it waits for: `set implementing_entity; vote fails: …`.
    public var action: String {
        ready ? "\(move) → \(to)" : blockers.map(\.text).joined(separator: "; ")
    }

    /// The moves of `state` on `date`, checked by the engine for `actor` with `role`.
    public static func moves(of state: CaseState, workflow: WorkflowDefinition, calendar: WorkingCalendar,
                             on date: CivilDate, actor: String, role: Role?) -> [MoveAdvice] {
        let at = Timestamp(startOf: date)
        let context = CommandContext(actor: actor, role: role, occurredAt: at, now: at, calendar: calendar)
        return CaseDecider.moves(of: state, workflow: workflow, context: context).map(MoveAdvice.init)
    }
}

/// One blocker: its kind for scripts and a sentence for people.
public struct BlockerAdvice: Encodable, Sendable, Hashable {
    /// `role`, `minimum-duration`, `minimum-unknown`, `open-objections`, `missing-fields`,
    /// `missing-value`, `guard`, `tally` or `vote`.
    public let kind: String
    public let text: String
    /// `missing-fields`: the fields to set.
    public let fields: [String]?
    /// `role`: the roles that may make the move.
    public let roles: [String]?
    /// `minimum-duration`: the first day the case may leave its stage.
    public let firstAllowed: String?
    /// `open-objections`: their numbers.
    public let objections: [Int]?
    /// `vote`: each failing condition with its figures, as the rule writes it and as counted.
    public let conditions: [ConditionAdvice]?

    public init(_ blocker: MoveBlocker, transition: TransitionDefinition) {
        kind = blocker.kind
        text = BlockerAdvice.text(blocker, transition: transition)
        var fields: [String]?, roles: [String]?, firstAllowed: String?, objections: [Int]?, conditions: [ConditionAdvice]?
        switch blocker {
        case .missingFields(_, let names): fields = names
        case .missingValue(let name): fields = [name]
        case .role(_, _, let needed): roles = needed.map(\.rawValue)
        case .minimumDuration(let wait): firstAllowed = wait.firstAllowed.description
        case .openObjections(let open): objections = open.map(\.number)
        case .voteFails(_, let failing, _): conditions = failing.map(ConditionAdvice.init)
        default: break
        }
        self.fields = fields
        self.roles = roles
        self.firstAllowed = firstAllowed
        self.objections = objections
        self.conditions = conditions
    }

    static func text(_ blocker: MoveBlocker, transition: TransitionDefinition) -> String {
        switch blocker {
        case .role(let actor, let role, let needed):
            return "\(transition.name) needs \(needed.map(\.withArticle).joined(separator: " or ")) (\(actor) is \(role.withArticle))"
        case .minimumDuration(let wait):
            return "wait: \(wait.stage) runs until \(wait.runsUntil)"
        case .minimumUnknown(let stage, let problem):
            return "the minimum of \(stage) cannot be computed: \(problem)"
        case .openObjections(let objections):
            return "resolve \(objections.count) open objection(s)"
        case .missingFields(_, let fields):
            return "set " + fields.joined(separator: ", ")
        case .missingValue(let name):
            return name == "helper" ? "assign a helper" : "set \(name)"
        case .guardFails(_, let why):
            return "guard fails: \(why)"
        case .tallyProblem(let problem):
            return "correct the register: \(problem)"
        case .voteFails(_, let failing, let homesRegistered):
            if homesRegistered == 0 { return "record the household register and ballots" }
            let figures = failing.map { $0.sentence.replacingFirst("; needs", with: ", needs") }
            return "vote fails: " + figures.joined(separator: " and ") + " — collect ballots"
        }
    }
}

extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}

/// A failing vote condition with its exact figures.
public struct ConditionAdvice: Encodable, Sendable, Hashable {
    /// The condition in its canonical form: `agreeing owners at least 3/4 of participating owners`.
    public let condition: String
    /// The measure and its base (owners, or area in hundredths of a square metre).
    public let numerator: Int
    public let denominator: Int
    public let sentence: String

    init(_ result: VoteConditionResult) {
        condition = result.condition.description
        numerator = result.numerator
        denominator = result.denominator
        sentence = result.sentence
    }
}
