/// An input a person gives to a use case, named for what it means, not for how a front end asks for it
/// (the command line spells the move target `--to`; a page shows one button per move).
public enum InputParameter: String, Sendable, Hashable, Encodable, CaseIterable {
    /// The stage (or transition name) a case should move to.
    case moveTarget = "move-target"
    /// A field value, `NAME=VALUE`.
    case field
    case role
    /// Who acts.
    case actor
    /// The workflow a report or an import is about.
    case workflow
    /// Where the database is.
    case database
    /// A public key file that audit checkpoints must be signed by.
    case publicKey = "public-key"
    /// The private key file that signs an audit checkpoint.
    case signingKey = "signing-key"
    /// The first day of a report's period.
    case periodStart = "period-start"
    /// The last day of a report's period.
    case periodEnd = "period-end"
}

/// An operation a person can run to get past a problem, named for what it does.
public enum HintOperation: String, Sendable, Hashable, Encodable, CaseIterable {
    case openCase = "open-case"
    case generateDemo = "generate-demo"
    case addPerson = "add-person"
    case resolveObjection = "resolve-objection"
    case validateWorkflow = "validate-workflow"
    case checkDatabase = "check-database"
    case rebuildProjections = "rebuild-projections"
    case signCheckpoint = "sign-checkpoint"
    case verifyAudit = "verify-audit"
}

/// One input with its value: `workflow` = `elevator-retrofit`.
public struct InputArgument: Sendable, Hashable, Encodable {
    public let parameter: InputParameter
    public let value: String

    public init(_ parameter: InputParameter, _ value: String) {
        self.parameter = parameter
        self.value = value
    }
}

/// One value a person may choose, with what it means beside it: the target stage and the transition leading there.
public struct InputChoice: Sendable, Hashable, Encodable {
    public let value: String
    public let detail: String?

    public init(_ value: String, detail: String? = nil) {
        self.value = value
        self.detail = detail
    }
}

/// An operation with the inputs to run it with: add a person with role `admin`.
public struct SuggestedOperation: Sendable, Hashable, Encodable {
    public let operation: HintOperation
    public let arguments: [InputArgument]

    public init(_ operation: HintOperation, _ arguments: [InputArgument] = []) {
        self.operation = operation
        self.arguments = arguments
    }
}

/// What a person can do about a refusal or an error, as structure rather than words: each front end says it
/// its own way (`choose one with --to: …` on the command line, a row of buttons on a page). The sentence
/// beside the hints reads on its own and names no flag or command.
public enum InputHint: Sendable, Hashable, Encodable {
    /// Choose one of these values for the input.
    case chooseOne(InputParameter, choices: [InputChoice])
    /// Give the input; `values` are the names it should be given for, when known (the missing fields).
    case give(InputParameter, values: [String] = [])
    /// Give the input at least once: nothing was given.
    case giveAtLeastOne(InputParameter)
    /// The value given is not usable: give another.
    case giveAnother(InputParameter)
    /// Instead of what the sentence asks for, the input may be given.
    case giveInstead(InputParameter)
    /// The first input, as given, is after the second: both are named so a front end can point at them.
    case outOfOrder(InputArgument, InputArgument)
    /// The input as given contradicts `found` (a ledger row's cell): leave one of the two out.
    case contradicts(InputArgument, found: String)
    /// Run this operation.
    case run(SuggestedOperation)
    /// What is missing is created by running any operation that writes, such as these.
    case createBy([SuggestedOperation])
    /// The known names nearest to an unknown one (the sentence says them too).
    case closestNames([String])
    /// The first day the refused thing is allowed (the sentence says it too).
    case firstAllowedDate(CivilDate)

    /// The hint's stable name in JSON.
    public var kind: String {
        switch self {
        case .chooseOne: "choose-one"
        case .give: "give"
        case .giveAtLeastOne: "give-at-least-one"
        case .giveAnother: "give-another"
        case .giveInstead: "give-instead"
        case .outOfOrder: "out-of-order"
        case .contradicts: "contradicts"
        case .run: "run"
        case .createBy: "create-by"
        case .closestNames: "closest-names"
        case .firstAllowedDate: "first-allowed-date"
        }
    }

    private enum CodingKeys: String, CodingKey {
        case kind, parameter, choices, values, inputs, found, operation, arguments, operations, names, date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        switch self {
        case .chooseOne(let parameter, let choices):
            try container.encode(parameter, forKey: .parameter)
            try container.encode(choices, forKey: .choices)
        case .give(let parameter, let values):
            try container.encode(parameter, forKey: .parameter)
            try container.encode(values, forKey: .values)
        case .giveAtLeastOne(let parameter), .giveAnother(let parameter), .giveInstead(let parameter):
            try container.encode(parameter, forKey: .parameter)
        case .outOfOrder(let first, let second):
            try container.encode([first, second], forKey: .inputs)
        case .contradicts(let given, let found):
            try container.encode([given], forKey: .inputs)
            try container.encode(found, forKey: .found)
        case .run(let suggested):
            try container.encode(suggested.operation, forKey: .operation)
            try container.encode(suggested.arguments, forKey: .arguments)
        case .createBy(let operations):
            try container.encode(operations, forKey: .operations)
        case .closestNames(let names):
            try container.encode(names, forKey: .names)
        case .firstAllowedDate(let date):
            try container.encode(date.description, forKey: .date)
        }
    }
}
