/// One reason a move out of a stage cannot be made now, with the numbers behind it.
///
/// The engine refuses `advance` for the first blocker it finds; the queue and `case explain`
/// show them all. Values, not sentences: each front end words them its own way.
public enum MoveBlocker: Sendable, Hashable {
    /// The actor's role may not make the move.
    case role(actor: String, role: Role, needed: [Role])
    /// The stage has a minimum duration that has not run yet on the day of the move.
    case minimumDuration(MinimumWait)
    /// The minimum duration could not be computed (a calendar year is missing).
    case minimumUnknown(stage: String, problem: String)
    /// Objections raised during the stage are still open.
    case openObjections([Objection])
    /// Fields the destination stage or the move needs, not set yet (workflow field names).
    case missingFields(stage: String, fields: [String])
    /// A value every case has (such as `helper`) that the move needs and the case lacks.
    case missingValue(String)
    /// The move's guard does not hold; the text says why with the values it saw.
    case guardFails(expression: String, why: String)
    /// The register cannot be tallied (an owner voted two ways).
    case tallyProblem(String)
    /// The stage's vote rule does not pass; the failing conditions carry their figures.
    case voteFails(rule: String, failing: [VoteConditionResult], homesRegistered: Int)

    /// A short name for scripts: `role`, `minimum-duration`, `open-objections`, …
    public var kind: String {
        switch self {
        case .role: "role"
        case .minimumDuration: "minimum-duration"
        case .minimumUnknown: "minimum-unknown"
        case .openObjections: "open-objections"
        case .missingFields: "missing-fields"
        case .missingValue: "missing-value"
        case .guardFails: "guard"
        case .tallyProblem: "tally"
        case .voteFails: "vote"
        }
    }
}

/// How long a stage with a minimum duration still has to run.
public struct MinimumWait: Sendable, Hashable {
    public let stage: String
    public let minimum: Period
    public let entered: CivilDate
    /// The last day of the minimum period.
    public let runsUntil: CivilDate
    /// The first day the case may leave the stage.
    public let firstAllowed: CivilDate

    public init(stage: String, minimum: Period, entered: CivilDate, runsUntil: CivilDate, firstAllowed: CivilDate) {
        self.stage = stage
        self.minimum = minimum
        self.entered = entered
        self.runsUntil = runsUntil
        self.firstAllowed = firstAllowed
    }
}

/// A move out of a case's stage, checked the way `advance` checks it.
public struct MoveCheck: Sendable {
    public let transition: TransitionDefinition
    /// Every reason the move cannot be made now, in the order the engine checks them; empty when it can.
    public let blockers: [MoveBlocker]

    public init(transition: TransitionDefinition, blockers: [MoveBlocker]) {
        self.transition = transition
        self.blockers = blockers
    }

    public var isReady: Bool { blockers.isEmpty }
}
