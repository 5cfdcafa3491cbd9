import Foundation

extension CaseEvent {
    /// The kinds of event, by their name in the log.
    public enum Kind: String, Sendable, CaseIterable {
        case opened, imported, advanced
        case fieldsSet = "fields-set"
        case fieldsCleared = "fields-cleared"
        case helperAssigned = "helper-assigned"
        case classified, suspended, resumed, withdrawn, noted
        case homeRecorded = "home-recorded"
        case homeRemoved = "home-removed"
        case ballotCast = "ballot-cast"
        case objectionRaised = "objection-raised"
        case objectionResolved = "objection-resolved"

        /// The kind named by these UTF-8 bytes, compared without making a string.
        public init?(utf8 bytes: UnsafeBufferPointer<UInt8>) {
            for kind in Kind.allCases {
                var name = kind.rawValue
                if name.withUTF8({ $0.elementsEqual(bytes) }) {
                    self = kind
                    return
                }
            }
            return nil
        }
    }

    /// Reads an event back from its log type and payload.
    public static func decode(type: String, payload: String) throws -> CaseEvent {
        guard let kind = Kind(rawValue: type) else { throw UnknownEventType(type: type) }
        var payload = payload
        return try payload.withUTF8 { bytes throws in try decode(kind, payload: bytes) }
    }

    /// Reads an event from its payload's UTF-8 bytes.
    ///
    /// The payload is read by a scanner that knows each payload's shape; what it refuses goes to
    /// Foundation's `JSONDecoder`, which the log was always read with, so every payload reads as it
    /// did. When both refuse, the scanner's error (a sentence with a byte offset) is thrown.
    public static func decode(_ kind: Kind, payload bytes: UnsafeBufferPointer<UInt8>) throws -> CaseEvent {
        do {
            return try scan(kind, bytes)
        } catch let scanError {
            do {
                return try foundationDecode(kind, Data(buffer: bytes))
            } catch {
                throw scanError
            }
        }
    }

    /// The scanner alone, without the fallback.
    static func scan(_ kind: Kind, _ bytes: UnsafeBufferPointer<UInt8>) throws(JSONScanError) -> CaseEvent {
        var scanner = JSONScanner(bytes)
        let event: CaseEvent
        switch kind {
        case .opened: event = .opened(try Opened(scanning: &scanner))
        case .imported: event = .imported(try Imported(scanning: &scanner))
        case .advanced: event = .advanced(try Advanced(scanning: &scanner))
        case .fieldsSet: event = .fieldsSet(try FieldsSet(scanning: &scanner))
        case .fieldsCleared: event = .fieldsCleared(try FieldsCleared(scanning: &scanner))
        case .helperAssigned: event = .helperAssigned(try HelperAssigned(scanning: &scanner))
        case .classified: event = .classified(try Classified(scanning: &scanner))
        case .suspended: event = .suspended(try Suspended(scanning: &scanner))
        case .resumed: event = .resumed(try Resumed(scanning: &scanner))
        case .withdrawn: event = .withdrawn(try Withdrawn(scanning: &scanner))
        case .noted: event = .noted(try Noted(scanning: &scanner))
        case .homeRecorded: event = .homeRecorded(try HomeRecorded(scanning: &scanner))
        case .homeRemoved: event = .homeRemoved(try HomeRemoved(scanning: &scanner))
        case .ballotCast: event = .ballotCast(try BallotCast(scanning: &scanner))
        case .objectionRaised: event = .objectionRaised(try ObjectionRaised(scanning: &scanner))
        case .objectionResolved: event = .objectionResolved(try ObjectionResolved(scanning: &scanner))
        }
        try scanner.finish()
        return event
    }

    /// The reference reader: Foundation's `JSONDecoder` over the `Codable` conformances.
    static func foundationDecode(_ kind: Kind, _ data: Data) throws -> CaseEvent {
        let decoder = JSONDecoder()
        switch kind {
        case .opened: return .opened(try decoder.decode(Opened.self, from: data))
        case .imported: return .imported(try decoder.decode(Imported.self, from: data))
        case .advanced: return .advanced(try decoder.decode(Advanced.self, from: data))
        case .fieldsSet: return .fieldsSet(try decoder.decode(FieldsSet.self, from: data))
        case .fieldsCleared: return .fieldsCleared(try decoder.decode(FieldsCleared.self, from: data))
        case .helperAssigned: return .helperAssigned(try decoder.decode(HelperAssigned.self, from: data))
        case .classified: return .classified(try decoder.decode(Classified.self, from: data))
        case .suspended: return .suspended(try decoder.decode(Suspended.self, from: data))
        case .resumed: return .resumed(try decoder.decode(Resumed.self, from: data))
        case .withdrawn: return .withdrawn(try decoder.decode(Withdrawn.self, from: data))
        case .noted: return .noted(try decoder.decode(Noted.self, from: data))
        case .homeRecorded: return .homeRecorded(try decoder.decode(HomeRecorded.self, from: data))
        case .homeRemoved: return .homeRemoved(try decoder.decode(HomeRemoved.self, from: data))
        case .ballotCast: return .ballotCast(try decoder.decode(BallotCast.self, from: data))
        case .objectionRaised: return .objectionRaised(try decoder.decode(ObjectionRaised.self, from: data))
        case .objectionResolved: return .objectionResolved(try decoder.decode(ObjectionResolved.self, from: data))
        }
    }
}

// Each payload read member by member; a key not listed is skipped, as the synthesized `Decodable` skips it.

extension CaseEvent.Opened {
    init(scanning scanner: inout JSONScanner) throws(JSONScanError) {
        var stage: String?, fields: [String: String]?, priority: CasePriority?, difficulty: CaseDifficulty?, helper: String?
        try scanner.object { (scanner: inout JSONScanner, key: JSONKey) throws(JSONScanError) -> Int? in
            if key.is("stage") { stage = try scanner.string(); return 0 }
            if key.is("fields") { fields = try scanner.stringDictionary(); return 1 }
            if key.is("priority") { priority = try scanner.rawValue(CasePriority.self, "priority"); return 2 }
            if key.is("difficulty") { difficulty = try scanner.rawValue(CaseDifficulty.self, "difficulty"); return 3 }
            if key.is("helper") { helper = try scanner.optionalString(); return 4 }
            return nil
        }
        self.init(stage: try required(stage, "stage", in: scanner), fields: try required(fields, "fields", in: scanner),
                  priority: try required(priority, "priority", in: scanner),
                  difficulty: try required(difficulty, "difficulty", in: scanner), helper: helper)
    }
}

extension CaseEvent.Imported {
    init(scanning scanner: inout JSONScanner) throws(JSONScanError) {
        var source: String?, sha256: String?, row: Int?, stage: String?, stageDates: [CaseEvent.StageDate]?
        var fields: [String: String]?, priority: CasePriority?, difficulty: CaseDifficulty?, helper: String?
        try scanner.object { (scanner: inout JSONScanner, key: JSONKey) throws(JSONScanError) -> Int? in
            if key.is("source") { source = try scanner.string(); return 0 }
            if key.is("sha256") { sha256 = try scanner.string(); return 1 }
            if key.is("row") { row = try scanner.int(); return 2 }
            if key.is("stage") { stage = try scanner.string(); return 3 }
            if key.is("stageDates") {
                stageDates = try scanner.array { (scanner: inout JSONScanner) throws(JSONScanError) in
                    try CaseEvent.StageDate(scanning: &scanner)
                }
                return 4
            }
            if key.is("fields") { fields = try scanner.stringDictionary(); return 5 }
            if key.is("priority") { priority = try scanner.rawValue(CasePriority.self, "priority"); return 6 }
            if key.is("difficulty") { difficulty = try scanner.rawValue(CaseDifficulty.self, "difficulty"); return 7 }
            if key.is("helper") { helper = try scanner.optionalString(); return 8 }
            return nil
        }
        self.init(source: try required(source, "source", in: scanner), sha256: try required(sha256, "sha256", in: scanner),
                  row: try required(row, "row", in: scanner), stage: try required(stage, "stage", in: scanner),
                  stageDates: try required(stageDates, "stageDates", in: scanner),
                  fields: try required(fields, "fields", in: scanner), priority: try required(priority, "priority", in: scanner),
                  difficulty: try required(difficulty, "difficulty", in: scanner), helper: helper)
    }
}

extension CaseEvent.StageDate {
    init(scanning scanner: inout JSONScanner) throws(JSONScanError) {
        var stage: String?, entered: CivilDate?
        try scanner.object { (scanner: inout JSONScanner, key: JSONKey) throws(JSONScanError) -> Int? in
            if key.is("stage") { stage = try scanner.string(); return 0 }
            if key.is("entered") { entered = try scanner.date(); return 1 }
            return nil
        }
        self.init(stage: try required(stage, "stage", in: scanner), entered: try required(entered, "entered", in: scanner))
    }
}

extension CaseEvent.Advanced {
    init(scanning scanner: inout JSONScanner) throws(JSONScanError) {
        var transition: String?, from: String?, to: String?, fields: [String: String]?, note: String?
        try scanner.object { (scanner: inout JSONScanner, key: JSONKey) throws(JSONScanError) -> Int? in
            if key.is("transition") { transition = try scanner.string(); return 0 }
            if key.is("from") { from = try scanner.string(); return 1 }
            if key.is("to") { to = try scanner.string(); return 2 }
            if key.is("fields") { fields = try scanner.stringDictionary(); return 3 }
            if key.is("note") { note = try scanner.optionalString(); return 4 }
            return nil
        }
        self.init(transition: try required(transition, "transition", in: scanner), from: try required(from, "from", in: scanner),
                  to: try required(to, "to", in: scanner), fields: try required(fields, "fields", in: scanner), note: note)
    }
}

extension CaseEvent.FieldsSet {
    init(scanning scanner: inout JSONScanner) throws(JSONScanError) {
        var fields: [String: String]?, note: String?
        try scanner.object { (scanner: inout JSONScanner, key: JSONKey) throws(JSONScanError) -> Int? in
            if key.is("fields") { fields = try scanner.stringDictionary(); return 0 }
            if key.is("note") { note = try scanner.optionalString(); return 1 }
            return nil
        }
        self.init(fields: try required(fields, "fields", in: scanner), note: note)
    }
}

extension CaseEvent.FieldsCleared {
    init(scanning scanner: inout JSONScanner) throws(JSONScanError) {
        var fields: [String]?, note: String?
        try scanner.object { (scanner: inout JSONScanner, key: JSONKey) throws(JSONScanError) -> Int? in
            if key.is("fields") {
                fields = try scanner.array { (scanner: inout JSONScanner) throws(JSONScanError) in try scanner.string() }
                return 0
            }
            if key.is("note") { note = try scanner.optionalString(); return 1 }
            return nil
        }
        self.init(fields: try required(fields, "fields", in: scanner), note: note)
    }
}

extension CaseEvent.HelperAssigned {
    init(scanning scanner: inout JSONScanner) throws(JSONScanError) {
        var helper: String?, anyDistrict: Bool?
        try scanner.object { (scanner: inout JSONScanner, key: JSONKey) throws(JSONScanError) -> Int? in
            if key.is("helper") { helper = try scanner.string(); return 0 }
            if key.is("anyDistrict") { anyDistrict = try scanner.optionalBool(); return 1 }
            return nil
        }
        self.init(helper: try required(helper, "helper", in: scanner), anyDistrict: anyDistrict)
    }
}

extension CaseEvent.Classified {
    init(scanning scanner: inout JSONScanner) throws(JSONScanError) {
        var priority: CasePriority?, difficulty: CaseDifficulty?
        try scanner.object { (scanner: inout JSONScanner, key: JSONKey) throws(JSONScanError) -> Int? in
            if key.is("priority") { priority = try scanner.rawValue(CasePriority.self, "priority"); return 0 }
            if key.is("difficulty") { difficulty = try scanner.rawValue(CaseDifficulty.self, "difficulty"); return 1 }
            return nil
        }
        self.init(priority: try required(priority, "priority", in: scanner), difficulty: try required(difficulty, "difficulty", in: scanner))
    }
}

extension CaseEvent.Suspended {
    init(scanning scanner: inout JSONScanner) throws(JSONScanError) {
        var reason: SuspensionReason?, note: String?
        try scanner.object { (scanner: inout JSONScanner, key: JSONKey) throws(JSONScanError) -> Int? in
            if key.is("reason") { reason = try scanner.rawValue(SuspensionReason.self, "suspension reason"); return 0 }
            if key.is("note") { note = try scanner.optionalString(); return 1 }
            return nil
        }
        self.init(reason: try required(reason, "reason", in: scanner), note: note)
    }
}

extension CaseEvent.Resumed {
    init(scanning scanner: inout JSONScanner) throws(JSONScanError) {
        var note: String?
        try scanner.object { (scanner: inout JSONScanner, key: JSONKey) throws(JSONScanError) -> Int? in
            if key.is("note") { note = try scanner.optionalString(); return 0 }
            return nil
        }
        self.init(note: note)
    }
}

extension CaseEvent.Withdrawn {
    init(scanning scanner: inout JSONScanner) throws(JSONScanError) {
        var reason: String?
        try scanner.object { (scanner: inout JSONScanner, key: JSONKey) throws(JSONScanError) -> Int? in
            if key.is("reason") { reason = try scanner.string(); return 0 }
            return nil
        }
        self.init(reason: try required(reason, "reason", in: scanner))
    }
}

extension CaseEvent.Noted {
    init(scanning scanner: inout JSONScanner) throws(JSONScanError) {
        var text: String?
        try scanner.object { (scanner: inout JSONScanner, key: JSONKey) throws(JSONScanError) -> Int? in
            if key.is("text") { text = try scanner.string(); return 0 }
            return nil
        }
        self.init(text: try required(text, "text", in: scanner))
    }
}

extension CaseEvent.HomeRecorded {
    init(scanning scanner: inout JSONScanner) throws(JSONScanError) {
        var home: Home?
        try scanner.object { (scanner: inout JSONScanner, key: JSONKey) throws(JSONScanError) -> Int? in
            if key.is("home") { home = try Home(scanning: &scanner); return 0 }
            return nil
        }
        self.init(home: try required(home, "home", in: scanner))
    }
}

extension CaseEvent.HomeRemoved {
    init(scanning scanner: inout JSONScanner) throws(JSONScanError) {
        var home: String?
        try scanner.object { (scanner: inout JSONScanner, key: JSONKey) throws(JSONScanError) -> Int? in
            if key.is("home") { home = try scanner.string(); return 0 }
            return nil
        }
        self.init(home: try required(home, "home", in: scanner))
    }
}

extension CaseEvent.BallotCast {
    init(scanning scanner: inout JSONScanner) throws(JSONScanError) {
        var home: String?, vote: BallotChoice?
        try scanner.object { (scanner: inout JSONScanner, key: JSONKey) throws(JSONScanError) -> Int? in
            if key.is("home") { home = try scanner.string(); return 0 }
            if key.is("vote") { vote = try scanner.rawValue(BallotChoice.self, "ballot choice"); return 1 }
            return nil
        }
        self.init(home: try required(home, "home", in: scanner), vote: try required(vote, "vote", in: scanner))
    }
}

extension CaseEvent.ObjectionRaised {
    init(scanning scanner: inout JSONScanner) throws(JSONScanError) {
        var number: Int?, from: String?, text: String?
        try scanner.object { (scanner: inout JSONScanner, key: JSONKey) throws(JSONScanError) -> Int? in
            if key.is("number") { number = try scanner.int(); return 0 }
            if key.is("from") { from = try scanner.string(); return 1 }
            if key.is("text") { text = try scanner.string(); return 2 }
            return nil
        }
        self.init(number: try required(number, "number", in: scanner), from: try required(from, "from", in: scanner),
                  text: try required(text, "text", in: scanner))
    }
}

extension CaseEvent.ObjectionResolved {
    init(scanning scanner: inout JSONScanner) throws(JSONScanError) {
        var number: Int?, outcome: ObjectionOutcome?, note: String?
        try scanner.object { (scanner: inout JSONScanner, key: JSONKey) throws(JSONScanError) -> Int? in
            if key.is("number") { number = try scanner.int(); return 0 }
            if key.is("outcome") { outcome = try scanner.rawValue(ObjectionOutcome.self, "objection outcome"); return 1 }
            if key.is("note") { note = try scanner.optionalString(); return 2 }
            return nil
        }
        self.init(number: try required(number, "number", in: scanner), outcome: try required(outcome, "outcome", in: scanner), note: note)
    }
}
