import RetrofitCore
import RetrofitStore

/// What a case's access rules look at: its id, district and helper.
public struct CaseAccessFacts: Sendable, Hashable {
    public let caseID: String
    /// The case's `district` field; nil when it has none.
    public let district: String?
    /// The helper assigned to the case; nil when none is.
    public let helper: String?

    public init(caseID: String, district: String?, helper: String?) {
        self.caseID = caseID
        self.district = district.flatMap { FieldValue.isBlank($0) ? nil : $0 }
        self.helper = helper
    }

    /// The facts of a case as it stands in `state`.
    public init(_ state: CaseState) {
        self.init(caseID: state.id, district: state.fields["district"], helper: state.helper)
    }
}

/// The answer of the access rules to one question.
public enum AccessDecision: Sendable, Hashable {
    case allowed
    /// The case is out of the person's sight: they are answered exactly as for a case id that does not exist.
    case notFound
    /// Not allowed, with the sentence naming the rule.
    case forbidden(String)
}

/// The operations beyond reading and writing cases that the rules decide.
public enum AccessOperation: Sendable, Hashable {
    /// Bottlenecks, progress, commissioned, the HTML report.
    case readReports
    /// The audit log's head and its verification.
    case readAudit
    case signCheckpoint
    /// Adding people to the register or changing their role or district.
    case registerPeople
    /// Reading the people register.
    case readPeople
    /// Reading workflows and calendars.
    case readCatalog
    /// Work on the whole database, named as the refusal says it (see ``AdminOperation``).
    case administer(AdminOperation)
}

/// The whole-database operations only an admin runs.
public enum AdminOperation: String, Sendable, Hashable, CaseIterable {
    case rebuild = "rebuilding the projections"
    case check = "checking the database"
    case backup = "backing up the database"
    case importLedger = "importing a ledger"
    case exportLedger = "exporting the ledger"
    case generateDemo = "generating the demo database"
}

/// Who may see and do what, decided from the signed-in person alone: pure, no database.
///
/// A local operator (``Actor/init(name:)``, no signed-in person) is allowed everything here, as before sign-in
/// existed; the people register's role checks of the workflow engine apply to them and to everyone else alike.
/// For a signed-in person:
/// - a helper sees and acts on the cases of their districts and the cases assigned to them; any other case is
///   answered as not found;
/// - a manager sees and acts on every case; an admin reads every case and acts through the engine's role checks;
/// - an auditor reads every case and writes none;
/// - reports and the audit log are for managers, auditors and admins (they add up every district);
///   signing a checkpoint is for auditors and admins; registering people and whole-database work for admins.
public struct AccessPolicy: Sendable, Hashable {
    /// The signed-in person; nil for a local operator.
    public let person: SignedInPerson?

    public init(person: SignedInPerson?) { self.person = person }

    public init(_ actor: Actor) { person = actor.signedIn }

    /// The cases a listing may show; nil: every case.
    public var visibility: CaseVisibility? {
        guard let person, person.role == .helper else { return nil }
        return CaseVisibility(districts: person.districts, helper: person.name)
    }

    /// Reading a case (its view, history, explanation, register, objections, tally).
    public func readCase(_ facts: CaseAccessFacts) -> AccessDecision {
        guard let visibility else { return .allowed }
        return visibility.includes(district: facts.district, helper: facts.helper) ? .allowed : .notFound
    }

    /// Writing to cases at all, before any case is read: an auditor writes nothing.
    public func writeCases() -> AccessDecision {
        guard let person, person.role == .auditor else { return .allowed }
        return .forbidden("\(person.name) is an auditor; auditors read cases and write nothing")
    }

    /// Choosing the id of a new case. A helper may not: whether an id is taken would tell them that a case of
    /// another district exists.
    public func nameCaseID(_ caseID: String) -> AccessDecision {
        if case .forbidden(let why) = writeCases() { return .forbidden(why) }
        guard let person, person.role == .helper else { return .allowed }
        return .forbidden("\(person.name) is a helper; a helper's new case takes its workflow's next number, not a chosen id such as \(caseID)")
    }

    /// Opening a case that will stand as `facts` say: a helper opens cases only in their own districts.
    public func openCase(_ facts: CaseAccessFacts) -> AccessDecision {
        if case .forbidden(let why) = writeCases() { return .forbidden(why) }
        guard let person, person.role == .helper else { return .allowed }
        if let district = facts.district {
            return person.districts.contains(district) ? .allowed : .forbidden("\(helperText(person)); case \(facts.caseID) is in \(district)")
        }
        if facts.helper == person.name { return .allowed }
        return .forbidden("\(helperText(person)); case \(facts.caseID) names no district, and a helper opens cases only in their own districts")
    }

    /// Changing a case that stands as `before` into `after`: the case must be in sight before (else it is not
    /// found), and a helper may not put it out of their sight (move it to another district, give it away).
    public func changeCase(before: CaseAccessFacts, after: CaseAccessFacts) -> AccessDecision {
        if case .forbidden(let why) = writeCases() { return .forbidden(why) }
        guard readCase(before) == .allowed else { return .notFound }
        guard let person, let visibility, !visibility.includes(district: after.district, helper: after.helper) else { return .allowed }
        if after.district != before.district {
            return .forbidden("\(helperText(person)); a helper may not move case \(before.caseID) to \(after.district ?? "no district")")
        }
        return .forbidden("\(helperText(person)); a helper may not give case \(before.caseID) of \(after.district ?? "no district") to \(after.helper ?? "nobody")")
    }

    /// Whose queue a request for `helper`'s (nil: the asker's) gets: a signed-in helper gets only their own.
    public func queueHelper(_ helper: String?) -> Result<String?, AccessRefusal> {
        guard let person, person.role == .helper else { return .success(helper) }
        guard let helper, helper != person.name else { return .success(person.name) }
        return .failure(AccessRefusal("\(person.name) is a helper; a helper sees their own queue, not \(helper)'s"))
    }

    /// An operation beyond reading and writing cases.
    public func allows(_ operation: AccessOperation) -> AccessDecision {
        guard let person else { return .allowed }
        let role = person.role
        switch operation {
        case .readCatalog, .readPeople:
            return .allowed
        case .readReports:
            guard role == .helper else { return .allowed }
            return .forbidden("\(person.name) is a helper; reports add up the cases of every district, so they are for managers, auditors and admins")
        case .readAudit:
            guard role == .helper else { return .allowed }
            return .forbidden("\(person.name) is a helper; the audit log holds the cases of every district, so it is for managers, auditors and admins")
        case .signCheckpoint:
            guard role != .auditor, role != .admin else { return .allowed }
            return .forbidden("\(person.name) is \(role.withArticle); signing an audit checkpoint needs an auditor or an admin")
        case .registerPeople:
            guard role != .admin else { return .allowed }
            return .forbidden("\(person.name) is \(role.withArticle); registering people needs an admin")
        case .administer(let work):
            guard role != .admin else { return .allowed }
            return .forbidden("\(person.name) is \(role.withArticle); \(work.rawValue) needs an admin")
        }
    }

    /// `李娜 is a helper in 德城区`, or `… with no district`.
    private func helperText(_ person: SignedInPerson) -> String {
        "\(person.name) is a helper " + (person.districts.isEmpty ? "with no district" : "in " + person.districts.joined(separator: ", "))
    }
}

/// A refusal's sentence, naming the rule.
public struct AccessRefusal: Error, Sendable, Hashable {
    public let message: String

    public init(_ message: String) { self.message = message }
}
