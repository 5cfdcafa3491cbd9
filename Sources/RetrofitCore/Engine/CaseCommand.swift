/// What a person asks to do to a case. Field values are the text typed on the command line.
public enum CaseCommand: Sendable, Hashable {
    case open(fields: [String: String], priority: CasePriority, difficulty: CaseDifficulty, helper: String?)
    case advance(to: String?, fields: [String: String], note: String?)
    case setFields([String: String], note: String?)
    /// Empties optional fields: the only way a field that was set becomes not set.
    case clearFields([String], note: String?)
    /// `anyDistrict`: a manager knowingly assigns a helper of another district than the case's.
    case assign(helper: String, anyDistrict: Bool = false)
    case classify(priority: CasePriority?, difficulty: CaseDifficulty?)
    case suspend(reason: SuspensionReason, note: String?)
    case resume(note: String?)
    case withdraw(reason: String)
    case note(String)
    case recordHome(Home)
    case removeHome(String)
    case castBallot(home: String, vote: BallotChoice)
    /// One owner's vote, for every home they own: how an owner of several homes changes their vote.
    case castOwnerBallot(owner: String, vote: BallotChoice)
    case raiseObjection(from: String, text: String)
    case resolveObjection(number: Int, outcome: ObjectionOutcome, note: String?)

    /// The command's name in messages: `advance`, `suspend`.
    public var name: String {
        switch self {
        case .open: "open"
        case .advance: "advance"
        case .setFields: "set"
        case .clearFields: "clear"
        case .assign: "assign"
        case .classify: "classify"
        case .suspend: "suspend"
        case .resume: "resume"
        case .withdraw: "withdraw"
        case .note: "note"
        case .recordHome: "home add"
        case .removeHome: "home remove"
        case .castBallot, .castOwnerBallot: "vote"
        case .raiseObjection: "objection"
        case .resolveObjection: "objection resolve"
        }
    }
}

/// Who acts, when, and with which calendar: everything `decide` needs besides the case.
public struct CommandContext: Sendable {
    public let actor: String
    /// The actor's role; nil while the people register is empty, when anyone may act.
    public let role: Role?
    /// When the thing happened (may be back-dated, never in the future).
    public let occurredAt: Timestamp
    /// The clock.
    public let now: Timestamp
    public let calendar: WorkingCalendar
    /// The people register; empty while nobody is registered, when any name may be given as the helper.
    public let people: [PersonRegistered]

    public init(actor: String, role: Role?, occurredAt: Timestamp, now: Timestamp, calendar: WorkingCalendar,
                people: [PersonRegistered] = []) {
        self.actor = actor
        self.role = role
        self.occurredAt = occurredAt
        self.now = now
        self.calendar = calendar
        self.people = people
    }
}

/// Why the engine refused a command. A refusal is an expected answer, not a failure of the program.
public struct Rejection: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// The input itself is wrong: an unknown field, a value of the wrong type, a date in the future.
        case invalidInput
        /// The actor's role does not allow it.
        case forbidden
        /// The input is well-formed but the workflow does not allow it now.
        case notAllowed
    }

    public let kind: Kind
    /// The sentence, naming no flag or command: front ends add their own words for `hints`.
    public let message: String
    public let hints: [InputHint]

    public init(_ kind: Kind, _ message: String, hints: [InputHint] = []) {
        self.kind = kind
        self.message = message
        self.hints = hints
    }

    public var description: String { message }
}
