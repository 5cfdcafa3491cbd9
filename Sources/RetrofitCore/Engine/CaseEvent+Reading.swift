import Foundation

extension CaseEvent.Kind {
    /// The kind named by these UTF-8 bytes, compared without making a string.
    package init?(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        for kind in Self.allCases {
            var name = kind.rawValue
            if name.withUTF8({ $0.elementsEqual(bytes) }) {
                self = kind
                return
            }
        }
        return nil
    }
}

extension CaseEvent {
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
    package static func decode(_ kind: Kind, payload bytes: UnsafeBufferPointer<UInt8>) throws -> CaseEvent {
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
        let event = try kind.payloadType.scanEvent(&scanner)
        try scanner.finish()
        return event
    }

    /// The reference reader: Foundation's `JSONDecoder` over the `Codable` conformances.
    static func foundationDecode(_ kind: Kind, _ data: Data) throws -> CaseEvent {
        try kind.payloadType.foundationEvent(data, JSONDecoder())
    }
}

// Each payload read member by member; a key not listed is skipped, as the synthesized `Decodable` skips it.

extension CaseEvent.Opened {
    init(scanning scanner: inout JSONScanner) throws(JSONScanError) {
        var stage: String?, fields: [String: String]?, priority: CasePriority?, difficulty: CaseDifficulty?, helper: String?
        enum Key: String, JSONObjectKey { case stage, fields, priority, difficulty, helper }
        try scanner.object { (scanner: inout JSONScanner, key: Key) throws(JSONScanError) in
            switch key {
            case .stage: stage = try scanner.string()
            case .fields: fields = try scanner.stringDictionary()
            case .priority: priority = try scanner.rawValue(CasePriority.self, "priority")
            case .difficulty: difficulty = try scanner.rawValue(CaseDifficulty.self, "difficulty")
            case .helper: helper = try scanner.optionalString()
            }
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
        enum Key: String, JSONObjectKey { case source, sha256, row, stage, stageDates, fields, priority, difficulty, helper }
        try scanner.object { (scanner: inout JSONScanner, key: Key) throws(JSONScanError) in
            switch key {
            case .source: source = try scanner.string()
            case .sha256: sha256 = try scanner.string()
            case .row: row = try scanner.int()
            case .stage: stage = try scanner.string()
            case .stageDates:
                stageDates = try scanner.array { (scanner: inout JSONScanner) throws(JSONScanError) in
                    try CaseEvent.StageDate(scanning: &scanner)
                }
            case .fields: fields = try scanner.stringDictionary()
            case .priority: priority = try scanner.rawValue(CasePriority.self, "priority")
            case .difficulty: difficulty = try scanner.rawValue(CaseDifficulty.self, "difficulty")
            case .helper: helper = try scanner.optionalString()
            }
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
        enum Key: String, JSONObjectKey { case stage, entered }
        try scanner.object { (scanner: inout JSONScanner, key: Key) throws(JSONScanError) in
            switch key {
            case .stage: stage = try scanner.string()
            case .entered: entered = try scanner.date()
            }
        }
        self.init(stage: try required(stage, "stage", in: scanner), entered: try required(entered, "entered", in: scanner))
    }
}

extension CaseEvent.Advanced {
    init(scanning scanner: inout JSONScanner) throws(JSONScanError) {
        var transition: String?, from: String?, to: String?, fields: [String: String]?, note: String?
        enum Key: String, JSONObjectKey { case transition, from, to, fields, note }
        try scanner.object { (scanner: inout JSONScanner, key: Key) throws(JSONScanError) in
            switch key {
            case .transition: transition = try scanner.string()
            case .from: from = try scanner.string()
            case .to: to = try scanner.string()
            case .fields: fields = try scanner.stringDictionary()
            case .note: note = try scanner.optionalString()
            }
        }
        self.init(transition: try required(transition, "transition", in: scanner), from: try required(from, "from", in: scanner),
                  to: try required(to, "to", in: scanner), fields: try required(fields, "fields", in: scanner), note: note)
    }
}

extension CaseEvent.FieldsSet {
    init(scanning scanner: inout JSONScanner) throws(JSONScanError) {
        var fields: [String: String]?, note: String?
        enum Key: String, JSONObjectKey { case fields, note }
        try scanner.object { (scanner: inout JSONScanner, key: Key) throws(JSONScanError) in
            switch key {
            case .fields: fields = try scanner.stringDictionary()
            case .note: note = try scanner.optionalString()
            }
        }
        self.init(fields: try required(fields, "fields", in: scanner), note: note)
    }
}

extension CaseEvent.FieldsCleared {
    init(scanning scanner: inout JSONScanner) throws(JSONScanError) {
        var fields: [String]?, note: String?
        enum Key: String, JSONObjectKey { case fields, note }
        try scanner.object { (scanner: inout JSONScanner, key: Key) throws(JSONScanError) in
            switch key {
            case .fields: fields = try scanner.array { (scanner: inout JSONScanner) throws(JSONScanError) in try scanner.string() }
            case .note: note = try scanner.optionalString()
            }
        }
        self.init(fields: try required(fields, "fields", in: scanner), note: note)
    }
}

extension CaseEvent.HelperAssigned {
    init(scanning scanner: inout JSONScanner) throws(JSONScanError) {
        var helper: String?, anyDistrict: Bool?
        enum Key: String, JSONObjectKey { case helper, anyDistrict }
        try scanner.object { (scanner: inout JSONScanner, key: Key) throws(JSONScanError) in
            switch key {
            case .helper: helper = try scanner.string()
            case .anyDistrict: anyDistrict = try scanner.optionalBool()
            }
        }
        self.init(helper: try required(helper, "helper", in: scanner), anyDistrict: anyDistrict)
    }
}

extension CaseEvent.Classified {
    init(scanning scanner: inout JSONScanner) throws(JSONScanError) {
        var priority: CasePriority?, difficulty: CaseDifficulty?
        enum Key: String, JSONObjectKey { case priority, difficulty }
        try scanner.object { (scanner: inout JSONScanner, key: Key) throws(JSONScanError) in
            switch key {
            case .priority: priority = try scanner.rawValue(CasePriority.self, "priority")
            case .difficulty: difficulty = try scanner.rawValue(CaseDifficulty.self, "difficulty")
            }
        }
        self.init(priority: try required(priority, "priority", in: scanner), difficulty: try required(difficulty, "difficulty", in: scanner))
    }
}

extension CaseEvent.Suspended {
    init(scanning scanner: inout JSONScanner) throws(JSONScanError) {
        var reason: SuspensionReason?, note: String?
        enum Key: String, JSONObjectKey { case reason, note }
        try scanner.object { (scanner: inout JSONScanner, key: Key) throws(JSONScanError) in
            switch key {
            case .reason: reason = try scanner.rawValue(SuspensionReason.self, "suspension reason")
            case .note: note = try scanner.optionalString()
            }
        }
        self.init(reason: try required(reason, "reason", in: scanner), note: note)
    }
}

extension CaseEvent.Resumed {
    init(scanning scanner: inout JSONScanner) throws(JSONScanError) {
        var note: String?
        enum Key: String, JSONObjectKey { case note }
        try scanner.object { (scanner: inout JSONScanner, key: Key) throws(JSONScanError) in
            switch key {
            case .note: note = try scanner.optionalString()
            }
        }
        self.init(note: note)
    }
}

extension CaseEvent.Withdrawn {
    init(scanning scanner: inout JSONScanner) throws(JSONScanError) {
        var reason: String?
        enum Key: String, JSONObjectKey { case reason }
        try scanner.object { (scanner: inout JSONScanner, key: Key) throws(JSONScanError) in
            switch key {
            case .reason: reason = try scanner.string()
            }
        }
        self.init(reason: try required(reason, "reason", in: scanner))
    }
}

extension CaseEvent.Noted {
    init(scanning scanner: inout JSONScanner) throws(JSONScanError) {
        var text: String?
        enum Key: String, JSONObjectKey { case text }
        try scanner.object { (scanner: inout JSONScanner, key: Key) throws(JSONScanError) in
            switch key {
            case .text: text = try scanner.string()
            }
        }
        self.init(text: try required(text, "text", in: scanner))
    }
}

extension CaseEvent.HomeRecorded {
    init(scanning scanner: inout JSONScanner) throws(JSONScanError) {
        var home: Home?
        enum Key: String, JSONObjectKey { case home }
        try scanner.object { (scanner: inout JSONScanner, key: Key) throws(JSONScanError) in
            switch key {
            case .home: home = try Home(scanning: &scanner)
            }
        }
        self.init(home: try required(home, "home", in: scanner))
    }
}

extension CaseEvent.HomeRemoved {
    init(scanning scanner: inout JSONScanner) throws(JSONScanError) {
        var home: String?
        enum Key: String, JSONObjectKey { case home }
        try scanner.object { (scanner: inout JSONScanner, key: Key) throws(JSONScanError) in
            switch key {
            case .home: home = try scanner.string()
            }
        }
        self.init(home: try required(home, "home", in: scanner))
    }
}

extension CaseEvent.BallotCast {
    init(scanning scanner: inout JSONScanner) throws(JSONScanError) {
        var home: String?, vote: BallotChoice?
        enum Key: String, JSONObjectKey { case home, vote }
        try scanner.object { (scanner: inout JSONScanner, key: Key) throws(JSONScanError) in
            switch key {
            case .home: home = try scanner.string()
            case .vote: vote = try scanner.rawValue(BallotChoice.self, "ballot choice")
            }
        }
        self.init(home: try required(home, "home", in: scanner), vote: try required(vote, "vote", in: scanner))
    }
}

extension CaseEvent.ObjectionRaised {
    init(scanning scanner: inout JSONScanner) throws(JSONScanError) {
        var number: Int?, from: String?, text: String?
        enum Key: String, JSONObjectKey { case number, from, text }
        try scanner.object { (scanner: inout JSONScanner, key: Key) throws(JSONScanError) in
            switch key {
            case .number: number = try scanner.int()
            case .from: from = try scanner.string()
            case .text: text = try scanner.string()
            }
        }
        self.init(number: try required(number, "number", in: scanner), from: try required(from, "from", in: scanner),
                  text: try required(text, "text", in: scanner))
    }
}

extension CaseEvent.ObjectionResolved {
    init(scanning scanner: inout JSONScanner) throws(JSONScanError) {
        var number: Int?, outcome: ObjectionOutcome?, note: String?
        enum Key: String, JSONObjectKey { case number, outcome, note }
        try scanner.object { (scanner: inout JSONScanner, key: Key) throws(JSONScanError) in
            switch key {
            case .number: number = try scanner.int()
            case .outcome: outcome = try scanner.rawValue(ObjectionOutcome.self, "objection outcome")
            case .note: note = try scanner.optionalString()
            }
        }
        self.init(number: try required(number, "number", in: scanner), outcome: try required(outcome, "outcome", in: scanner), note: note)
    }
}
