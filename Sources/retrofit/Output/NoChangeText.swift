import RetrofitApp
import RetrofitCore

/// Why a command changed nothing, in words: the values the case already has.
enum NoChangeText {
    static func reason(_ command: CaseCommand, state: CaseState) -> String {
        switch command {
        case .setFields(let fields, _):
            return fields.keys.sorted().map { "\($0) is already \(state.fields[$0] ?? fields[$0] ?? "")" }.joined(separator: ", ")
        case .classify(let priority, let difficulty):
            var parts: [String] = []
            if priority != nil { parts.append("priority is already \(state.priority.rawValue)") }
            if difficulty != nil { parts.append("difficulty is already \(state.difficulty.rawValue)") }
            return parts.joined(separator: ", ")
        case .assign:
            return "the helper is already \(state.helper ?? "")"
        case .castBallot(let home, let vote):
            return "home \(home.trimmingWhitespaceForCLI()) has already voted \(vote.rawValue)"
        case .castOwnerBallot(let owner, let vote):
            return "every home of \(owner.trimmingWhitespaceForCLI()) has already voted \(vote.rawValue)"
        case .recordHome(let home):
            return "home \(home.number) is already recorded as floor \(home.floor), \(home.area) m², \(home.owner)"
        default:
            return "case \(state.id) is already so"
        }
    }
}
