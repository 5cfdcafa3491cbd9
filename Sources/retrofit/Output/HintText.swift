import RetrofitApp
import RetrofitCore
import RetrofitReports

/// The command line's words for structured hints: a sentence from the engine, the store or the reports
/// (which name no flag) and its hints become the line this tool has always printed, e.g.
/// `…to more than one stage` + `chooseOne(moveTarget, …)` → `…to more than one stage; choose one with --to: …`.
enum HintText {
    /// The line an application error prints as, after `error: `.
    static func text(_ error: AppError) -> String { text(error.message, hints: error.hints, detail: error.detail) }
    static func text(_ problem: LedgerProblem) -> String {
        "\(problem.location): " + text(problem.message, hints: problem.hints, detail: problem.detail)
    }

    /// `message`, the hints in command-line words, then `detail`. Hints before a detail go in parentheses,
    /// so the detail (a list of problems, the columns needed) still follows the sentence it belongs to.
    static func text(_ message: String, hints: [InputHint], detail: String = "") -> String {
        for hint in hints {
            if let whole = sentence(for: hint) { return whole + detail }
        }
        let phrases = hints.compactMap(phrase)
        guard !phrases.isEmpty else { return message + detail }
        if !detail.isEmpty { return message + " (" + phrases.map(\.words).joined(separator: "; ") + ")" + detail }
        var text = message
        for (index, phrase) in phrases.enumerated() {
            text += (index == 0 ? phrase.first : phrase.following) + phrase.words
        }
        return text
    }

    /// The command-line option that gives `parameter`.
    static func flag(_ parameter: InputParameter) -> String {
        switch parameter {
        case .moveTarget, .periodEnd: "--to"
        case .field: "--field"
        case .role: "--role"
        case .actor: "--actor"
        case .workflow: "--workflow"
        case .database: "--db"
        case .publicKey: "--public-key"
        case .signingKey: "--key"
        case .periodStart: "--from"
        }
    }

    /// What the option's value looks like in help text, where the line shows one.
    static func placeholder(_ parameter: InputParameter) -> String? {
        switch parameter {
        case .field: "NAME=VALUE"
        case .workflow: "ID"
        case .publicKey, .signingKey: "FILE"
        case .moveTarget, .periodStart, .periodEnd, .role, .actor, .database: nil
        }
    }

    /// The command that runs `operation`.
    static func command(_ operation: HintOperation) -> String {
        switch operation {
        case .openCase: "retrofit case open"
        case .generateDemo: "retrofit demo"
        case .addPerson: "retrofit people add"
        case .resolveObjection: "retrofit consult objection resolve"
        case .validateWorkflow: "retrofit workflow validate"
        case .checkDatabase: "retrofit admin check"
        case .rebuildProjections: "retrofit admin rebuild"
        case .signCheckpoint: "retrofit audit checkpoint"
        case .verifyAudit: "retrofit audit verify"
        }
    }

    /// `'retrofit demo --db PATH'`.
    static func invocation(_ suggested: SuggestedOperation) -> String {
        "'" + command(suggested.operation) + options(suggested.arguments) + "'"
    }

    private static func options(_ arguments: [InputArgument]) -> String {
        arguments.map { " \(flag($0.parameter)) \($0.value)" }.joined()
    }

    /// The line for hints that are the whole sentence on the command line (it names the options in it).
    private static func sentence(for hint: InputHint) -> String? {
        switch hint {
        case .giveAtLeastOne(let parameter):
            // Only `case set` takes fields and nothing else.
            "give at least one \(flag(parameter))\(placeholder(parameter).map { " \($0)" } ?? "") to set"
        case .outOfOrder(let first, let second):
            "\(flag(first.parameter)) \(first.value) is after \(flag(second.parameter)) \(second.value)"
        case .contradicts(let given, let found):
            "the row names \(given.parameter.rawValue) '\(found)' but \(flag(given.parameter)) \(given.value) was given; "
                + "leave the cell empty or drop \(flag(given.parameter))"
        default:
            nil
        }
    }

    /// A hint's words, with what joins them to the sentence when they come first or after another hint.
    private struct Phrase {
        var words: String
        var first = "; "
        var following = "; "
    }

    private static func phrase(_ hint: InputHint) -> Phrase? {
        switch hint {
        case .chooseOne(let parameter, let choices):
            let listed = choices.map { choice in choice.value + (choice.detail.map { " (\($0))" } ?? "") }
            return Phrase(words: "choose one with \(flag(parameter)): \(listed.joined(separator: ", "))")
        case .give(let parameter, let values):
            if values.isEmpty {
                return Phrase(words: "give \(flag(parameter))" + (parameter == .database ? " the path of a retrofit database" : ""))
            }
            let each = values.map { parameter == .field ? "\(flag(parameter)) \($0)=…" : "\(flag(parameter)) \($0)" }
            return Phrase(words: "give " + each.joined(separator: " "))
        case .giveAnother(let parameter):
            return Phrase(words: "give \(flag(parameter)) another \(parameter == .database ? "path" : "value")")
        case .giveInstead(let parameter):
            return Phrase(words: "or give \(flag(parameter))" + (placeholder(parameter).map { " \($0)" } ?? ""), first: " ", following: ", ")
        case .run(let suggested):
            switch suggested.operation {
            case .openCase: return Phrase(words: "open one with \(invocation(suggested))")
            case .addPerson: return Phrase(words: "add one with" + options(suggested.arguments))
            case .resolveObjection: return Phrase(words: "resolve them with \(invocation(suggested))")
            case .signCheckpoint: return Phrase(words: "sign one with \(invocation(suggested))")
            default: return Phrase(words: "run \(invocation(suggested))")
            }
        case .createBy(let operations):
            return Phrase(words: "run a command that writes (e.g. \(operations.map(invocation).joined(separator: " or "))) to create it")
        case .closestNames, .firstAllowedDate:
            // The sentence already says them: they are words, not options.
            return nil
        case .giveAtLeastOne, .outOfOrder, .contradicts:
            return nil
        }
    }
}
