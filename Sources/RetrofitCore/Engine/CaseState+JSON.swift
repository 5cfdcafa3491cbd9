import Foundation

/// The snapshot stored with each case: the same bytes `JSONEncoder` writes for the `Codable`
/// conformance with `[.sortedKeys, .withoutEscapingSlashes]`, written and read by hand because a
/// rebuild writes one per case and every command reads one. Keys below are in UTF-8 byte order.
extension CaseState {
    /// The state as stored in `case_state.snapshot`.
    public func jsonBytes() -> [UInt8] {
        var out = JSONOutput(capacity: 1024 + 96 * (visits.count + register.homes.count) + 48 * fields.count)
        write(to: &out)
        return out.bytes
    }

    public func jsonText() -> String {
        String(decoding: jsonBytes(), as: UTF8.self)
    }

    func write(to out: inout JSONOutput) {
        out.raw("{\"difficulty\":")
        out.string(difficulty.rawValue)
        out.raw(",\"fields\":")
        out.object(fields) { $0.string($1) }
        if let helper {
            out.raw(",\"helper\":")
            out.string(helper)
        }
        out.raw(",\"id\":")
        out.string(id)
        out.raw(",\"lastOccurredAt\":")
        out.timestamp(lastOccurredAt)
        out.raw(",\"milestones\":")
        out.object(milestones) { $0.date($1) }
        out.raw(",\"notes\":")
        out.int(notes)
        out.raw(",\"objections\":")
        out.array(objections) { $1.write(to: &$0) }
        out.raw(",\"openedAt\":")
        out.timestamp(openedAt)
        out.raw(",\"priority\":")
        out.string(priority.rawValue)
        out.raw(",\"register\":")
        register.write(to: &out)
        out.raw(",\"stage\":")
        out.string(stage)
        out.raw(",\"status\":")
        out.string(status.rawValue)
        out.raw(",\"version\":")
        out.int(version)
        out.raw(",\"visits\":")
        out.array(visits) { $1.write(to: &$0) }
        if let withdrawnReason {
            out.raw(",\"withdrawnReason\":")
            out.string(withdrawnReason)
        }
        out.raw(",\"workflowID\":")
        out.string(workflowID)
        out.raw(",\"workflowVersion\":")
        out.int(workflowVersion)
        out.raw("}")
    }

    /// Reads a stored snapshot. What the scanner refuses goes to `JSONDecoder`, so every snapshot it
    /// could read still reads the same; when both refuse, the scanner's error is thrown.
    public init(json: String) throws {
        var json = json
        self = try json.withUTF8 { bytes throws in try CaseState(json: bytes) }
    }

    package init(json bytes: UnsafeBufferPointer<UInt8>) throws {
        do {
            self = try CaseState.scan(bytes)
        } catch let scanError {
            do {
                self = try JSONDecoder().decode(CaseState.self, from: Data(buffer: bytes))
            } catch {
                throw scanError
            }
        }
    }

    /// The scanner alone, without the fallback.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>) throws(JSONScanError) -> CaseState {
        var scanner = JSONScanner(bytes)
        let state = try CaseState(scanning: &scanner)
        try scanner.finish()
        return state
    }

    init(scanning scanner: inout JSONScanner) throws(JSONScanError) {
        var id: String?, workflowID: String?, workflowVersion: Int?, stage: String?, status: CaseStatus?, version: Int?
        var helper: String?, fields: [String: String]?, priority: CasePriority?, difficulty: CaseDifficulty?
        var openedAt: Timestamp?, lastOccurredAt: Timestamp?, visits: [StageVisit]?, milestones: [String: CivilDate]?
        var register: HouseholdRegister?, objections: [Objection]?, withdrawnReason: String?, notes: Int?
        enum Key: String, JSONObjectKey {
            case difficulty, fields, helper, id, lastOccurredAt, milestones, notes, objections, openedAt, priority, register
            case stage, status, version, visits, withdrawnReason, workflowID, workflowVersion
        }
        try scanner.object { (scanner: inout JSONScanner, key: Key) throws(JSONScanError) in
            switch key {
            case .difficulty: difficulty = try scanner.rawValue(CaseDifficulty.self, "difficulty")
            case .fields: fields = try scanner.stringDictionary()
            case .helper: helper = try scanner.optionalString()
            case .id: id = try scanner.string()
            case .lastOccurredAt: lastOccurredAt = try scanner.timestamp()
            case .milestones: milestones = try scanner.dictionary { (scanner: inout JSONScanner) throws(JSONScanError) in try scanner.date() }
            case .notes: notes = try scanner.int()
            case .objections: objections = try scanner.array { (scanner: inout JSONScanner) throws(JSONScanError) in try Objection(scanning: &scanner) }
            case .openedAt: openedAt = try scanner.timestamp()
            case .priority: priority = try scanner.rawValue(CasePriority.self, "priority")
            case .register: register = try HouseholdRegister(scanning: &scanner)
            case .stage: stage = try scanner.string()
            case .status: status = try scanner.rawValue(CaseStatus.self, "case status")
            case .version: version = try scanner.int()
            case .visits: visits = try scanner.array { (scanner: inout JSONScanner) throws(JSONScanError) in try StageVisit(scanning: &scanner) }
            case .withdrawnReason: withdrawnReason = try scanner.optionalString()
            case .workflowID: workflowID = try scanner.string()
            case .workflowVersion: workflowVersion = try scanner.int()
            }
        }
        self.init(
            id: try required(id, "id", in: scanner), workflowID: try required(workflowID, "workflowID", in: scanner),
            workflowVersion: try required(workflowVersion, "workflowVersion", in: scanner),
            stage: try required(stage, "stage", in: scanner), status: try required(status, "status", in: scanner),
            version: try required(version, "version", in: scanner), helper: helper,
            fields: try required(fields, "fields", in: scanner), priority: try required(priority, "priority", in: scanner),
            difficulty: try required(difficulty, "difficulty", in: scanner),
            openedAt: try required(openedAt, "openedAt", in: scanner),
            lastOccurredAt: try required(lastOccurredAt, "lastOccurredAt", in: scanner),
            visits: try required(visits, "visits", in: scanner), milestones: try required(milestones, "milestones", in: scanner),
            register: try required(register, "register", in: scanner),
            objections: try required(objections, "objections", in: scanner), withdrawnReason: withdrawnReason,
            notes: try required(notes, "notes", in: scanner))
    }
}

extension StageVisit {
    func write(to out: inout JSONOutput) {
        out.raw("{\"enteredAt\":")
        out.timestamp(enteredAt)
        if let leftAt {
            out.raw(",\"leftAt\":")
            out.timestamp(leftAt)
        }
        out.raw(",\"stage\":")
        out.string(stage)
        out.raw(",\"suspensions\":")
        out.array(suspensions) { $1.write(to: &$0) }
        out.raw("}")
    }

    init(scanning scanner: inout JSONScanner) throws(JSONScanError) {
        var stage: String?, enteredAt: Timestamp?, leftAt: Timestamp?, suspensions: [Suspension]?
        enum Key: String, JSONObjectKey { case enteredAt, leftAt, stage, suspensions }
        try scanner.object { (scanner: inout JSONScanner, key: Key) throws(JSONScanError) in
            switch key {
            case .enteredAt: enteredAt = try scanner.timestamp()
            case .leftAt: leftAt = try scanner.optionalTimestamp()
            case .stage: stage = try scanner.string()
            case .suspensions: suspensions = try scanner.array { (scanner: inout JSONScanner) throws(JSONScanError) in try Suspension(scanning: &scanner) }
            }
        }
        self.init(stage: try required(stage, "stage", in: scanner), enteredAt: try required(enteredAt, "enteredAt", in: scanner),
                  leftAt: leftAt, suspensions: try required(suspensions, "suspensions", in: scanner))
    }
}

extension Suspension {
    func write(to out: inout JSONOutput) {
        out.raw("{\"from\":")
        out.timestamp(from)
        if let note {
            out.raw(",\"note\":")
            out.string(note)
        }
        out.raw(",\"reason\":")
        out.string(reason.rawValue)
        if let until {
            out.raw(",\"until\":")
            out.timestamp(until)
        }
        out.raw("}")
    }

    init(scanning scanner: inout JSONScanner) throws(JSONScanError) {
        var from: Timestamp?, until: Timestamp?, reason: SuspensionReason?, note: String?
        enum Key: String, JSONObjectKey { case from, note, reason, until }
        try scanner.object { (scanner: inout JSONScanner, key: Key) throws(JSONScanError) in
            switch key {
            case .from: from = try scanner.timestamp()
            case .note: note = try scanner.optionalString()
            case .reason: reason = try scanner.rawValue(SuspensionReason.self, "suspension reason")
            case .until: until = try scanner.optionalTimestamp()
            }
        }
        self.init(from: try required(from, "from", in: scanner), until: until,
                  reason: try required(reason, "reason", in: scanner), note: note)
    }
}

extension Objection {
    func write(to out: inout JSONOutput) {
        out.raw("{\"from\":")
        out.string(from)
        out.raw(",\"number\":")
        out.int(number)
        if let outcome {
            out.raw(",\"outcome\":")
            out.string(outcome.rawValue)
        }
        out.raw(",\"raisedAt\":")
        out.timestamp(raisedAt)
        if let resolvedAt {
            out.raw(",\"resolvedAt\":")
            out.timestamp(resolvedAt)
        }
        out.raw(",\"text\":")
        out.string(text)
        out.raw("}")
    }

    init(scanning scanner: inout JSONScanner) throws(JSONScanError) {
        var number: Int?, from: String?, text: String?, raisedAt: Timestamp?, outcome: ObjectionOutcome?, resolvedAt: Timestamp?
        enum Key: String, JSONObjectKey { case from, number, outcome, raisedAt, resolvedAt, text }
        try scanner.object { (scanner: inout JSONScanner, key: Key) throws(JSONScanError) in
            switch key {
            case .from: from = try scanner.string()
            case .number: number = try scanner.int()
            case .outcome: outcome = try scanner.null() ? nil : scanner.rawValue(ObjectionOutcome.self, "objection outcome")
            case .raisedAt: raisedAt = try scanner.timestamp()
            case .resolvedAt: resolvedAt = try scanner.optionalTimestamp()
            case .text: text = try scanner.string()
            }
        }
        self.init(number: try required(number, "number", in: scanner), from: try required(from, "from", in: scanner),
                  text: try required(text, "text", in: scanner), raisedAt: try required(raisedAt, "raisedAt", in: scanner),
                  outcome: outcome, resolvedAt: resolvedAt)
    }
}

extension HouseholdRegister {
    func write(to out: inout JSONOutput) {
        out.raw("{\"ballots\":")
        out.object(ballots) { $0.string($1.rawValue) }
        out.raw(",\"homes\":")
        out.array(homes) { $1.write(to: &$0) }
        out.raw("}")
    }

    /// Reads the register as its `Decodable` conformance does: a home listed twice, or a ballot of a
    /// home that is not listed, is refused.
    init(scanning scanner: inout JSONScanner) throws(JSONScanError) {
        let start = scanner.index
        var homes: [Home]?, ballots: [String: BallotChoice]?
        enum Key: String, JSONObjectKey { case homes, ballots }
        try scanner.object { (scanner: inout JSONScanner, key: Key) throws(JSONScanError) in
            switch key {
            case .homes: homes = try scanner.array { (scanner: inout JSONScanner) throws(JSONScanError) in try Home(scanning: &scanner) }
            case .ballots:
                ballots = try scanner.null() ? nil : scanner.dictionary { (scanner: inout JSONScanner) throws(JSONScanError) in
                    try scanner.rawValue(BallotChoice.self, "ballot choice")
                }
            }
        }
        self.init()
        for home in try required(homes, "homes", in: scanner) {
            guard record(home) else { throw JSONScanError(offset: start, reason: "home \(home.number) is listed twice") }
        }
        // In the order the `Decodable` conformance casts them, so a later ballot for the same home wins alike.
        for (number, choice) in (ballots ?? [:]).sorted(by: { $0.key < $1.key }) {
            do {
                try cast(number, choice)
            } catch {
                throw JSONScanError(offset: start, reason: error.description)
            }
        }
    }
}
