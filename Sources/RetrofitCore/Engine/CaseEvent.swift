import Foundation

/// Something that happened to a case: what the engine decides and the log keeps forever.
///
/// Field values are kept as the text that was entered (`"89.53"`, `"2025-03-01"`), so the log
/// reads plainly; the workflow's field types give them meaning.
public enum CaseEvent: Sendable, Hashable {
    case opened(Opened)
    case imported(Imported)
    case advanced(Advanced)
    case fieldsSet(FieldsSet)
    case fieldsCleared(FieldsCleared)
    case helperAssigned(HelperAssigned)
    case classified(Classified)
    case suspended(Suspended)
    case resumed(Resumed)
    case withdrawn(Withdrawn)
    case noted(Noted)
    case homeRecorded(HomeRecorded)
    case homeRemoved(HomeRemoved)
    case ballotCast(BallotCast)
    case objectionRaised(ObjectionRaised)
    case objectionResolved(ObjectionResolved)

    public struct Opened: Codable, Sendable, Hashable, CaseEventPayload {
        static let kind = Kind.opened
        var event: CaseEvent { .opened(self) }

        public var stage: String
        public var fields: [String: String]
        public var priority: CasePriority
        public var difficulty: CaseDifficulty
        public var helper: String?

        public init(stage: String, fields: [String: String], priority: CasePriority, difficulty: CaseDifficulty, helper: String? = nil) {
            self.stage = stage
            self.fields = fields
            self.priority = priority
            self.difficulty = difficulty
            self.helper = helper
        }
    }

    /// A case brought in from the bureau's existing ledger, already under way.
    public struct Imported: Codable, Sendable, Hashable, CaseEventPayload {
        static let kind = Kind.imported
        var event: CaseEvent { .imported(self) }

        public var source: String
        public var sha256: String
        public var row: Int
        public var stage: String
        /// Earlier stages with the dates they were entered, oldest first, ending with `stage`.
        public var stageDates: [StageDate]
        public var fields: [String: String]
        public var priority: CasePriority
        public var difficulty: CaseDifficulty
        public var helper: String?

        public init(source: String, sha256: String, row: Int, stage: String, stageDates: [StageDate], fields: [String: String], priority: CasePriority, difficulty: CaseDifficulty, helper: String? = nil) {
            self.source = source
            self.sha256 = sha256
            self.row = row
            self.stage = stage
            self.stageDates = stageDates
            self.fields = fields
            self.priority = priority
            self.difficulty = difficulty
            self.helper = helper
        }
    }

    public struct StageDate: Codable, Sendable, Hashable {
        public var stage: String
        public var entered: CivilDate

        public init(stage: String, entered: CivilDate) {
            self.stage = stage
            self.entered = entered
        }
    }

    public struct Advanced: Codable, Sendable, Hashable, CaseEventPayload {
        static let kind = Kind.advanced
        var event: CaseEvent { .advanced(self) }

        public var transition: String
        public var from: String
        public var to: String
        public var fields: [String: String]
        public var note: String?

        public init(transition: String, from: String, to: String, fields: [String: String], note: String? = nil) {
            self.transition = transition
            self.from = from
            self.to = to
            self.fields = fields
            self.note = note
        }
    }

    public struct FieldsSet: Codable, Sendable, Hashable, CaseEventPayload {
        static let kind = Kind.fieldsSet
        var event: CaseEvent { .fieldsSet(self) }

        public var fields: [String: String]
        public var note: String?

        public init(fields: [String: String], note: String? = nil) {
            self.fields = fields
            self.note = note
        }
    }

    /// Optional fields deliberately emptied: clearing is its own act, never a blank value.
    public struct FieldsCleared: Codable, Sendable, Hashable, CaseEventPayload {
        static let kind = Kind.fieldsCleared
        var event: CaseEvent { .fieldsCleared(self) }

        public var fields: [String]
        public var note: String?

        public init(fields: [String], note: String? = nil) {
            self.fields = fields
            self.note = note
        }
    }

    public struct HelperAssigned: Codable, Sendable, Hashable, CaseEventPayload {
        static let kind = Kind.helperAssigned
        var event: CaseEvent { .helperAssigned(self) }

        public var helper: String
        /// True when a manager assigned a helper of another district than the case's, knowingly;
        /// absent otherwise (and in every event written before it existed).
        public var anyDistrict: Bool?

        public init(helper: String, anyDistrict: Bool? = nil) {
            self.helper = helper
            self.anyDistrict = anyDistrict
        }
    }

    public struct Classified: Codable, Sendable, Hashable, CaseEventPayload {
        static let kind = Kind.classified
        var event: CaseEvent { .classified(self) }

        public var priority: CasePriority
        public var difficulty: CaseDifficulty

        public init(priority: CasePriority, difficulty: CaseDifficulty) {
            self.priority = priority
            self.difficulty = difficulty
        }
    }

    public struct Suspended: Codable, Sendable, Hashable, CaseEventPayload {
        static let kind = Kind.suspended
        var event: CaseEvent { .suspended(self) }

        public var reason: SuspensionReason
        public var note: String?

        public init(reason: SuspensionReason, note: String? = nil) {
            self.reason = reason
            self.note = note
        }
    }

    public struct Resumed: Codable, Sendable, Hashable, CaseEventPayload {
        static let kind = Kind.resumed
        var event: CaseEvent { .resumed(self) }

        public var note: String?
        public init(note: String? = nil) { self.note = note }
    }

    public struct Withdrawn: Codable, Sendable, Hashable, CaseEventPayload {
        static let kind = Kind.withdrawn
        var event: CaseEvent { .withdrawn(self) }

        public var reason: String
        public init(reason: String) { self.reason = reason }
    }

    public struct Noted: Codable, Sendable, Hashable, CaseEventPayload {
        static let kind = Kind.noted
        var event: CaseEvent { .noted(self) }

        public var text: String
        public init(text: String) { self.text = text }
    }

    public struct HomeRecorded: Codable, Sendable, Hashable, CaseEventPayload {
        static let kind = Kind.homeRecorded
        var event: CaseEvent { .homeRecorded(self) }

        public var home: Home
        public init(home: Home) { self.home = home }
    }

    public struct HomeRemoved: Codable, Sendable, Hashable, CaseEventPayload {
        static let kind = Kind.homeRemoved
        var event: CaseEvent { .homeRemoved(self) }

        public var home: String
        public init(home: String) { self.home = home }
    }

    public struct BallotCast: Codable, Sendable, Hashable, CaseEventPayload {
        static let kind = Kind.ballotCast
        var event: CaseEvent { .ballotCast(self) }

        public var home: String
        public var vote: BallotChoice

        public init(home: String, vote: BallotChoice) {
            self.home = home
            self.vote = vote
        }
    }

    public struct ObjectionRaised: Codable, Sendable, Hashable, CaseEventPayload {
        static let kind = Kind.objectionRaised
        var event: CaseEvent { .objectionRaised(self) }

        public var number: Int
        public var from: String
        public var text: String

        public init(number: Int, from: String, text: String) {
            self.number = number
            self.from = from
            self.text = text
        }
    }

    public struct ObjectionResolved: Codable, Sendable, Hashable, CaseEventPayload {
        static let kind = Kind.objectionResolved
        var event: CaseEvent { .objectionResolved(self) }

        public var number: Int
        public var outcome: ObjectionOutcome
        public var note: String?

        public init(number: Int, outcome: ObjectionOutcome, note: String? = nil) {
            self.number = number
            self.outcome = outcome
            self.note = note
        }
    }
}

public enum ObjectionOutcome: String, Codable, Sendable, Hashable, CaseIterable { case withdrawn, mediated, overruled }

extension CaseEvent {
    /// The kinds of event, by their name in the log: the one table of event names.
    public enum Kind: String, Sendable, CaseIterable {
        case opened
        case imported
        case advanced
        case fieldsSet = "fields-set"
        case fieldsCleared = "fields-cleared"
        case helperAssigned = "helper-assigned"
        case classified
        case suspended
        case resumed
        case withdrawn
        case noted
        case homeRecorded = "home-recorded"
        case homeRemoved = "home-removed"
        case ballotCast = "ballot-cast"
        case objectionRaised = "objection-raised"
        case objectionResolved = "objection-resolved"

        /// The payload type of this kind: the one table from a name to its reader.
        var payloadType: any CaseEventPayload.Type {
            switch self {
            case .opened: Opened.self
            case .imported: Imported.self
            case .advanced: Advanced.self
            case .fieldsSet: FieldsSet.self
            case .fieldsCleared: FieldsCleared.self
            case .helperAssigned: HelperAssigned.self
            case .classified: Classified.self
            case .suspended: Suspended.self
            case .resumed: Resumed.self
            case .withdrawn: Withdrawn.self
            case .noted: Noted.self
            case .homeRecorded: HomeRecorded.self
            case .homeRemoved: HomeRemoved.self
            case .ballotCast: BallotCast.self
            case .objectionRaised: ObjectionRaised.self
            case .objectionResolved: ObjectionResolved.self
            }
        }
    }

    /// Hands the payload, with its concrete type, to `visitor`: the one switch over the cases
    /// that everything generic over payloads (name, writer, reference encoder) goes through.
    func accept<Visitor: CaseEventPayloadVisitor>(_ visitor: Visitor) -> Visitor.Result {
        switch self {
        case .opened(let payload): visitor.visit(payload)
        case .imported(let payload): visitor.visit(payload)
        case .advanced(let payload): visitor.visit(payload)
        case .fieldsSet(let payload): visitor.visit(payload)
        case .fieldsCleared(let payload): visitor.visit(payload)
        case .helperAssigned(let payload): visitor.visit(payload)
        case .classified(let payload): visitor.visit(payload)
        case .suspended(let payload): visitor.visit(payload)
        case .resumed(let payload): visitor.visit(payload)
        case .withdrawn(let payload): visitor.visit(payload)
        case .noted(let payload): visitor.visit(payload)
        case .homeRecorded(let payload): visitor.visit(payload)
        case .homeRemoved(let payload): visitor.visit(payload)
        case .ballotCast(let payload): visitor.visit(payload)
        case .objectionRaised(let payload): visitor.visit(payload)
        case .objectionResolved(let payload): visitor.visit(payload)
        }
    }

    /// The event's kind.
    public var kind: Kind { accept(KindOfPayload()) }

    /// The event's name in the log.
    public var type: String { kind.rawValue }

    /// The payload as `JSONEncoder` writes it: the reference `payloadJSON()` is checked against.
    public func foundationPayloadJSON() throws -> String {
        String(decoding: try accept(FoundationEncoding()).get(), as: UTF8.self)
    }
}

/// What each event's payload declares, once: its kind (so its name), the case that holds it, and its
/// hand-written reader and writer (byte for byte what its `Codable` conformance reads and writes).
/// A payload type without any of these does not compile as a case of `CaseEvent`.
protocol CaseEventPayload: Codable, Sendable, Hashable {
    static var kind: CaseEvent.Kind { get }
    /// The event holding this payload.
    var event: CaseEvent { get }
    /// Reads the payload, as `JSONDecoder` reads the `Decodable` conformance.
    init(scanning scanner: inout JSONScanner) throws(JSONScanError)
    /// Writes the payload as `JSONEncoder` with sorted keys and unescaped slashes writes it.
    func write(to out: inout JSONOutput)
}

extension CaseEventPayload {
    /// Reads the payload and wraps it in its event. Called on `Kind.payloadType`, it runs at the
    /// concrete type, so the payload is never boxed in an existential.
    static func scanEvent(_ scanner: inout JSONScanner) throws(JSONScanError) -> CaseEvent {
        try Self(scanning: &scanner).event
    }

    /// Reads the payload with Foundation's `JSONDecoder`, the reference reader.
    static func foundationEvent(_ data: Data, _ decoder: JSONDecoder) throws -> CaseEvent {
        try decoder.decode(Self.self, from: data).event
    }
}

/// Something done with an event's payload at its concrete type (see `CaseEvent.accept`).
protocol CaseEventPayloadVisitor {
    associatedtype Result
    func visit<Payload: CaseEventPayload>(_ payload: Payload) -> Result
}

private struct KindOfPayload: CaseEventPayloadVisitor {
    func visit<Payload: CaseEventPayload>(_ payload: Payload) -> CaseEvent.Kind { Payload.kind }
}

private struct FoundationEncoding: CaseEventPayloadVisitor {
    func visit<Payload: CaseEventPayload>(_ payload: Payload) -> Result<Data, any Error> {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Result { try encoder.encode(payload) }
    }
}

public struct UnknownEventType: Error, CustomStringConvertible {
    public let type: String
    public var description: String { "unknown event type '\(type)'" }
}
