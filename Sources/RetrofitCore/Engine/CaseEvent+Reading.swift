import Foundation

extension CaseEvent {
    /// The kinds of event, by their name in the log.
    public enum Kind: String, Sendable, CaseIterable {
        case opened, imported, advanced
        case fieldsSet = "fields-set"
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

extension CaseEvent.HelperAssigned {
    init(scanning scanner: inout JSONScanner) throws(JSONScanError) {
        var helper: String?
        try scanner.object { (scanner: inout JSONScanner, key: JSONKey) throws(JSONScanError) -> Int? in
            if key.is("helper") { helper = try scanner.string(); return 0 }
            return nil
        }
        self.init(helper: try required(helper, "helper", in: scanner))
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

extension Home {
    /// Reads `{"area": "89.53", "floor": 2, "number": "3-201", "owner": "王伟"}`, checked like `init(number:floor:area:owner:)`.
    init(scanning scanner: inout JSONScanner) throws(JSONScanError) {
        let start = scanner.index
        var numberText: String?, floorNumber: Int?, areaText: String?, ownerText: String?
        try scanner.object { (scanner: inout JSONScanner, key: JSONKey) throws(JSONScanError) -> Int? in
            if key.is("number") { numberText = try scanner.string(); return 0 }
            if key.is("floor") { floorNumber = try scanner.int(); return 1 }
            if key.is("area") { areaText = try scanner.string(); return 2 }
            if key.is("owner") { ownerText = try scanner.string(); return 3 }
            return nil
        }
        let number = try required(numberText, "number", in: scanner)
        let floor = try required(floorNumber, "floor", in: scanner)
        let text = try required(areaText, "area", in: scanner)
        let owner = try required(ownerText, "owner", in: scanner)
        // What Home(number:floor:area:owner:) would leave as it is (the form it writes) is taken as it
        // is: its trimming looks up Unicode properties character by character, most of a payload's cost.
        if Home.floors.contains(floor), floor != 0, Home.isTrimmed(number), Home.isTrimmed(owner),
           let hundredths = Area.plainHundredths(text), (1...Area.maximumHundredths).contains(hundredths) {
            self.init(trimmedNumber: number, floor: floor, area: Area(uncheckedHundredths: hundredths), trimmedOwner: owner)
            return
        }
        let area: Area
        do throws(AreaProblem) {
            area = try Area(parsing: text)
        } catch {
            throw JSONScanError(offset: start, reason: error.description)
        }
        do throws(HomeProblem) {
            try self.init(number: number, floor: floor, area: area, owner: owner)
        } catch {
            throw JSONScanError(offset: start, reason: error.description)
        }
    }
}

extension Home {
    fileprivate init(trimmedNumber: String, floor: Int, area: Area, trimmedOwner: String) {
        self.number = trimmedNumber
        self.floor = floor
        self.area = area
        self.owner = trimmedOwner
    }

    /// True when `text` is not empty and trimming white space would leave it as it is: it starts and
    /// ends with a printable ASCII character or a CJK ideograph. Neither is white space, nor can end
    /// a grapheme cluster that starts with white space. Anything else is left to the full check.
    static func isTrimmed(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard let first = bytes.first, let last = bytes.last else { return false }
            let count = bytes.count
            let startsPlainly = (0x21...0x7E).contains(first) || (count >= 3 && isIdeograph(bytes[0], bytes[1], bytes[2]))
            let endsPlainly = (0x21...0x7E).contains(last) || (count >= 3 && isIdeograph(bytes[count - 3], bytes[count - 2], bytes[count - 1]))
            return startsPlainly && endsPlainly
        }
    }

    /// Whether three bytes are the UTF-8 of a character from U+4E00 to U+9FFF.
    private static func isIdeograph(_ lead: UInt8, _ second: UInt8, _ third: UInt8) -> Bool {
        guard lead & 0xF0 == 0xE0, second & 0xC0 == 0x80, third & 0xC0 == 0x80 else { return false }
        let scalar = UInt32(lead & 0x0F) << 12 | UInt32(second & 0x3F) << 6 | UInt32(third & 0x3F)
        return (0x4E00...0x9FFF).contains(scalar)
    }
}

extension Area {
    /// The hundredths written by `text` when it is plain digits (at most ten) with at most two decimals,
    /// the form `description` writes and `Area(parsing:)` reads alike; nil for anything else.
    static func plainHundredths(_ text: String) -> Int? {
        var text = text
        return text.withUTF8 { bytes -> Int? in
            var whole = 0, digits = 0, index = 0
            while index < bytes.count, (0x30...0x39).contains(bytes[index]) {
                whole = whole * 10 + Int(bytes[index] - 0x30)
                digits += 1
                index += 1
            }
            guard (1...10).contains(digits) else { return nil }
            if index == bytes.count { return whole * 100 }
            guard bytes[index] == 0x2E, (2...3).contains(bytes.count - index) else { return nil }
            var fraction = 0
            for position in (index + 1)..<bytes.count {
                guard (0x30...0x39).contains(bytes[position]) else { return nil }
                fraction = fraction * 10 + Int(bytes[position] - 0x30)
            }
            return whole * 100 + (bytes.count - index == 2 ? fraction * 10 : fraction)
        }
    }
}

