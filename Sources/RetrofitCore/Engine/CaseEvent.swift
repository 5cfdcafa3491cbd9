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

    public struct Opened: Codable, Sendable, Hashable {
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
    public struct Imported: Codable, Sendable, Hashable {
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

    public struct Advanced: Codable, Sendable, Hashable {
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

    public struct FieldsSet: Codable, Sendable, Hashable {
        public var fields: [String: String]
        public var note: String?

        public init(fields: [String: String], note: String? = nil) {
            self.fields = fields
            self.note = note
        }
    }

    /// Optional fields deliberately emptied: clearing is its own act, never a blank value.
    public struct FieldsCleared: Codable, Sendable, Hashable {
        public var fields: [String]
        public var note: String?

        public init(fields: [String], note: String? = nil) {
            self.fields = fields
            self.note = note
        }
    }

    public struct HelperAssigned: Codable, Sendable, Hashable {
        public var helper: String
        /// True when a manager assigned a helper of another district than the case's, knowingly;
        /// absent otherwise (and in every event written before it existed).
        public var anyDistrict: Bool?

        public init(helper: String, anyDistrict: Bool? = nil) {
            self.helper = helper
            self.anyDistrict = anyDistrict
        }
    }

    public struct Classified: Codable, Sendable, Hashable {
        public var priority: CasePriority
        public var difficulty: CaseDifficulty

        public init(priority: CasePriority, difficulty: CaseDifficulty) {
            self.priority = priority
            self.difficulty = difficulty
        }
    }

    public struct Suspended: Codable, Sendable, Hashable {
        public var reason: SuspensionReason
        public var note: String?

        public init(reason: SuspensionReason, note: String? = nil) {
            self.reason = reason
            self.note = note
        }
    }

    public struct Resumed: Codable, Sendable, Hashable {
        public var note: String?
        public init(note: String? = nil) { self.note = note }
    }

    public struct Withdrawn: Codable, Sendable, Hashable {
        public var reason: String
        public init(reason: String) { self.reason = reason }
    }

    public struct Noted: Codable, Sendable, Hashable {
        public var text: String
        public init(text: String) { self.text = text }
    }

    public struct HomeRecorded: Codable, Sendable, Hashable {
        public var home: Home
        public init(home: Home) { self.home = home }
    }

    public struct HomeRemoved: Codable, Sendable, Hashable {
        public var home: String
        public init(home: String) { self.home = home }
    }

    public struct BallotCast: Codable, Sendable, Hashable {
        public var home: String
        public var vote: BallotChoice

        public init(home: String, vote: BallotChoice) {
            self.home = home
            self.vote = vote
        }
    }

    public struct ObjectionRaised: Codable, Sendable, Hashable {
        public var number: Int
        public var from: String
        public var text: String

        public init(number: Int, from: String, text: String) {
            self.number = number
            self.from = from
            self.text = text
        }
    }

    public struct ObjectionResolved: Codable, Sendable, Hashable {
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
    /// The event's name in the log.
    public var type: String {
        switch self {
        case .opened: "opened"
        case .imported: "imported"
        case .advanced: "advanced"
        case .fieldsSet: "fields-set"
        case .fieldsCleared: "fields-cleared"
        case .helperAssigned: "helper-assigned"
        case .classified: "classified"
        case .suspended: "suspended"
        case .resumed: "resumed"
        case .withdrawn: "withdrawn"
        case .noted: "noted"
        case .homeRecorded: "home-recorded"
        case .homeRemoved: "home-removed"
        case .ballotCast: "ballot-cast"
        case .objectionRaised: "objection-raised"
        case .objectionResolved: "objection-resolved"
        }
    }

    /// The payload as `JSONEncoder` writes it: the reference `payloadJSON()` is checked against.
    public func foundationPayloadJSON() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data: Data
        switch self {
        case .opened(let payload): data = try encoder.encode(payload)
        case .imported(let payload): data = try encoder.encode(payload)
        case .advanced(let payload): data = try encoder.encode(payload)
        case .fieldsSet(let payload): data = try encoder.encode(payload)
        case .fieldsCleared(let payload): data = try encoder.encode(payload)
        case .helperAssigned(let payload): data = try encoder.encode(payload)
        case .classified(let payload): data = try encoder.encode(payload)
        case .suspended(let payload): data = try encoder.encode(payload)
        case .resumed(let payload): data = try encoder.encode(payload)
        case .withdrawn(let payload): data = try encoder.encode(payload)
        case .noted(let payload): data = try encoder.encode(payload)
        case .homeRecorded(let payload): data = try encoder.encode(payload)
        case .homeRemoved(let payload): data = try encoder.encode(payload)
        case .ballotCast(let payload): data = try encoder.encode(payload)
        case .objectionRaised(let payload): data = try encoder.encode(payload)
        case .objectionResolved(let payload): data = try encoder.encode(payload)
        }
        return String(decoding: data, as: UTF8.self)
    }
}

public struct UnknownEventType: Error, CustomStringConvertible {
    public let type: String
    public var description: String { "unknown event type '\(type)'" }
}
