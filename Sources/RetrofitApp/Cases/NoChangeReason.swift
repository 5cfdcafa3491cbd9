import RetrofitCore

/// Why a command changed nothing, in words: the values the case already has.
public enum NoChangeReason {
    /// The reason for `command` on `state`, or "" when there is nothing more specific to say than that the case is
    /// already so (`CaseWriteResult.noChange` then says that).
    public static func reason(_ command: CaseCommand, state: CaseState) -> String {
        switch command {
        case .setFields(let fields, _):
            return fields.keys.sorted().map { "\($0) is already \(state.fields[$0] ?? fields[$0] ?? "")" }.joined(separator: ", ")
        case .classify(let priority, let difficulty):
            var parts: [String] = []
            if priority != nil { parts.append("priority is already \(state.priority.rawValue)") }
            if difficulty != nil { parts.append("difficulty is already \(state.difficulty.rawValue)") }
            return parts.joined(separator: ", ")
        case .advance:
            return ""
        case .assign:
            return "the helper is already \(state.helper ?? "")"
        case .castBallot(let home, let vote):
            return "home \(trimmed(home)) has already voted \(vote.rawValue)"
        case .castOwnerBallot(let owner, let vote):
            return "every home of \(trimmed(owner)) has already voted \(vote.rawValue)"
        case .recordHome(let home):
            return "home \(home.number) is already recorded as floor \(home.floor), \(home.area) m², \(home.owner)"
        default:
            return "case \(state.id) is already so"
        }
    }

    /// The whole sentence a front end shows when nothing changed: `CASE: nothing changed: REASON`.
    public static func sentence(caseID: String, reason: String) -> String {
        "\(caseID): nothing changed: " + (reason.isEmpty ? "the case is already so" : reason)
    }

    /// Without white space around it, as the register trims home numbers.
    private static func trimmed(_ text: String) -> String {
        var slice = Substring(text)
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }
}
