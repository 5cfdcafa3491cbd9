/// Payloads written by hand, byte for byte as `JSONEncoder` with `[.sortedKeys, .withoutEscapingSlashes]`
/// writes the `Codable` conformances (the hash chain covers these bytes). Keys are in UTF-8 byte order.
extension CaseEvent {
    /// The payload as canonical JSON (sorted keys, no escaped slashes): what the hash chain covers.
    public func payloadJSON() throws -> String {
        accept(PayloadWriting())
    }
}

private struct PayloadWriting: CaseEventPayloadVisitor {
    func visit<Payload: CaseEventPayload>(_ payload: Payload) -> String {
        var out = JSONOutput()
        payload.write(to: &out)
        return out.text
    }
}

extension CaseEvent.Opened {
    func write(to out: inout JSONOutput) {
        writeOpening(difficulty, fields, helper, priority, &out)
        out.raw(",\"stage\":")
        out.string(stage)
        out.raw("}")
    }
}

extension CaseEvent.Imported {
    func write(to out: inout JSONOutput) {
        writeOpening(difficulty, fields, helper, priority, &out)
        out.raw(",\"row\":")
        out.int(row)
        out.raw(",\"sha256\":")
        out.string(sha256)
        out.raw(",\"source\":")
        out.string(source)
        out.raw(",\"stage\":")
        out.string(stage)
        out.raw(",\"stageDates\":")
        out.array(stageDates) { out, stageDate in
            out.raw("{\"entered\":")
            out.date(stageDate.entered)
            out.raw(",\"stage\":")
            out.string(stageDate.stage)
            out.raw("}")
        }
        out.raw("}")
    }
}

extension CaseEvent.Advanced {
    func write(to out: inout JSONOutput) {
        out.raw("{\"fields\":")
        out.object(fields) { $0.string($1) }
        out.raw(",\"from\":")
        out.string(from)
        writeNote(note, &out)
        out.raw(",\"to\":")
        out.string(to)
        out.raw(",\"transition\":")
        out.string(transition)
        out.raw("}")
    }
}

extension CaseEvent.FieldsSet {
    func write(to out: inout JSONOutput) {
        out.raw("{\"fields\":")
        out.object(fields) { $0.string($1) }
        writeNote(note, &out)
        out.raw("}")
    }
}

extension CaseEvent.FieldsCleared {
    func write(to out: inout JSONOutput) {
        out.raw("{\"fields\":")
        out.array(fields) { $0.string($1) }
        writeNote(note, &out)
        out.raw("}")
    }
}

extension CaseEvent.HelperAssigned {
    func write(to out: inout JSONOutput) {
        out.raw("{")
        if let anyDistrict = anyDistrict {
            out.raw(anyDistrict ? "\"anyDistrict\":true," : "\"anyDistrict\":false,")
        }
        out.raw("\"helper\":")
        out.string(helper)
        out.raw("}")
    }
}

extension CaseEvent.Classified {
    func write(to out: inout JSONOutput) {
        out.raw("{\"difficulty\":")
        out.string(difficulty.rawValue)
        out.raw(",\"priority\":")
        out.string(priority.rawValue)
        out.raw("}")
    }
}

extension CaseEvent.Suspended {
    func write(to out: inout JSONOutput) {
        out.raw("{")
        if let note {
            out.raw("\"note\":")
            out.string(note)
            out.raw(",")
        }
        out.raw("\"reason\":")
        out.string(reason.rawValue)
        out.raw("}")
    }
}

extension CaseEvent.Resumed {
    func write(to out: inout JSONOutput) {
        out.raw("{")
        if let note {
            out.raw("\"note\":")
            out.string(note)
        }
        out.raw("}")
    }
}

extension CaseEvent.Withdrawn {
    func write(to out: inout JSONOutput) {
        out.raw("{\"reason\":")
        out.string(reason)
        out.raw("}")
    }
}

extension CaseEvent.Noted {
    func write(to out: inout JSONOutput) {
        out.raw("{\"text\":")
        out.string(text)
        out.raw("}")
    }
}

extension CaseEvent.HomeRecorded {
    func write(to out: inout JSONOutput) {
        out.raw("{\"home\":")
        home.write(to: &out)
        out.raw("}")
    }
}

extension CaseEvent.HomeRemoved {
    func write(to out: inout JSONOutput) {
        out.raw("{\"home\":")
        out.string(home)
        out.raw("}")
    }
}

extension CaseEvent.BallotCast {
    func write(to out: inout JSONOutput) {
        out.raw("{\"home\":")
        out.string(home)
        out.raw(",\"vote\":")
        out.string(vote.rawValue)
        out.raw("}")
    }
}

extension CaseEvent.ObjectionRaised {
    func write(to out: inout JSONOutput) {
        out.raw("{\"from\":")
        out.string(from)
        out.raw(",\"number\":")
        out.int(number)
        out.raw(",\"text\":")
        out.string(text)
        out.raw("}")
    }
}

extension CaseEvent.ObjectionResolved {
    func write(to out: inout JSONOutput) {
        out.raw("{")
        if let note {
            out.raw("\"note\":")
            out.string(note)
            out.raw(",")
        }
        out.raw("\"number\":")
        out.int(number)
        out.raw(",\"outcome\":")
        out.string(outcome.rawValue)
        out.raw("}")
    }
}

/// The keys an opened and an imported case begin with, from the opening brace.
private func writeOpening(_ difficulty: CaseDifficulty, _ fields: [String: String], _ helper: String?, _ priority: CasePriority,
                          _ out: inout JSONOutput) {
    out.raw("{\"difficulty\":")
    out.string(difficulty.rawValue)
    out.raw(",\"fields\":")
    out.object(fields) { $0.string($1) }
    if let helper {
        out.raw(",\"helper\":")
        out.string(helper)
    }
    out.raw(",\"priority\":")
    out.string(priority.rawValue)
}

/// `,"note":…` when there is a note (it sorts after `from` and `fields`, before `to`).
private func writeNote(_ note: String?, _ out: inout JSONOutput) {
    guard let note else { return }
    out.raw(",\"note\":")
    out.string(note)
}

extension PersonRegistered {
    public func payloadJSON() throws -> String {
        var out = JSONOutput(capacity: 64)
        out.raw("{")
        if let district {
            out.raw("\"district\":")
            out.string(district)
            out.raw(",")
        }
        out.raw("\"name\":")
        out.string(name)
        out.raw(",\"role\":")
        out.string(role.rawValue)
        out.raw("}")
        return out.text
    }
}
