/// Payloads written by hand, byte for byte as `JSONEncoder` with `[.sortedKeys, .withoutEscapingSlashes]`
/// writes the `Codable` conformances (the hash chain covers these bytes). Keys are in UTF-8 byte order.
extension CaseEvent {
    /// The payload as canonical JSON (sorted keys, no escaped slashes): what the hash chain covers.
    public func payloadJSON() throws -> String {
        var out = JSONOutput()
        switch self {
        case .opened(let payload):
            opening(payload.difficulty, payload.fields, payload.helper, payload.priority, &out)
            out.raw(",\"stage\":")
            out.string(payload.stage)
            out.raw("}")
        case .imported(let payload):
            opening(payload.difficulty, payload.fields, payload.helper, payload.priority, &out)
            out.raw(",\"row\":")
            out.int(payload.row)
            out.raw(",\"sha256\":")
            out.string(payload.sha256)
            out.raw(",\"source\":")
            out.string(payload.source)
            out.raw(",\"stage\":")
            out.string(payload.stage)
            out.raw(",\"stageDates\":")
            out.array(payload.stageDates) { out, stageDate in
                out.raw("{\"entered\":")
                out.date(stageDate.entered)
                out.raw(",\"stage\":")
                out.string(stageDate.stage)
                out.raw("}")
            }
            out.raw("}")
        case .advanced(let payload):
            out.raw("{\"fields\":")
            out.object(payload.fields) { $0.string($1) }
            out.raw(",\"from\":")
            out.string(payload.from)
            note(payload.note, &out)
            out.raw(",\"to\":")
            out.string(payload.to)
            out.raw(",\"transition\":")
            out.string(payload.transition)
            out.raw("}")
        case .fieldsSet(let payload):
            out.raw("{\"fields\":")
            out.object(payload.fields) { $0.string($1) }
            note(payload.note, &out)
            out.raw("}")
        case .fieldsCleared(let payload):
            out.raw("{\"fields\":")
            out.array(payload.fields) { $0.string($1) }
            note(payload.note, &out)
            out.raw("}")
        case .helperAssigned(let payload):
            out.raw("{")
            if let anyDistrict = payload.anyDistrict {
                out.raw(anyDistrict ? "\"anyDistrict\":true," : "\"anyDistrict\":false,")
            }
            out.raw("\"helper\":")
            out.string(payload.helper)
            out.raw("}")
        case .classified(let payload):
            out.raw("{\"difficulty\":")
            out.string(payload.difficulty.rawValue)
            out.raw(",\"priority\":")
            out.string(payload.priority.rawValue)
            out.raw("}")
        case .suspended(let payload):
            out.raw("{")
            if let note = payload.note {
                out.raw("\"note\":")
                out.string(note)
                out.raw(",")
            }
            out.raw("\"reason\":")
            out.string(payload.reason.rawValue)
            out.raw("}")
        case .resumed(let payload):
            out.raw("{")
            if let note = payload.note {
                out.raw("\"note\":")
                out.string(note)
            }
            out.raw("}")
        case .withdrawn(let payload):
            out.raw("{\"reason\":")
            out.string(payload.reason)
            out.raw("}")
        case .noted(let payload):
            out.raw("{\"text\":")
            out.string(payload.text)
            out.raw("}")
        case .homeRecorded(let payload):
            out.raw("{\"home\":")
            payload.home.write(to: &out)
            out.raw("}")
        case .homeRemoved(let payload):
            out.raw("{\"home\":")
            out.string(payload.home)
            out.raw("}")
        case .ballotCast(let payload):
            out.raw("{\"home\":")
            out.string(payload.home)
            out.raw(",\"vote\":")
            out.string(payload.vote.rawValue)
            out.raw("}")
        case .objectionRaised(let payload):
            out.raw("{\"from\":")
            out.string(payload.from)
            out.raw(",\"number\":")
            out.int(payload.number)
            out.raw(",\"text\":")
            out.string(payload.text)
            out.raw("}")
        case .objectionResolved(let payload):
            out.raw("{")
            if let note = payload.note {
                out.raw("\"note\":")
                out.string(note)
                out.raw(",")
            }
            out.raw("\"number\":")
            out.int(payload.number)
            out.raw(",\"outcome\":")
            out.string(payload.outcome.rawValue)
            out.raw("}")
        }
        return out.text
    }

    /// The keys an opened and an imported case begin with, from the opening brace.
    private func opening(_ difficulty: CaseDifficulty, _ fields: [String: String], _ helper: String?, _ priority: CasePriority,
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
    private func note(_ note: String?, _ out: inout JSONOutput) {
        guard let note else { return }
        out.raw(",\"note\":")
        out.string(note)
    }
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
