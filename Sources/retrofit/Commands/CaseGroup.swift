import ArgumentParser
import RetrofitApp
import RetrofitCore

struct CaseGroup: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "case",
        abstract: "Open, move and inspect cases.",
        subcommands: [
            CaseOpen.self, CaseAdvance.self, CaseSet.self, CaseAssign.self, CaseClassify.self, CaseSuspend.self,
            CaseResume.self, CaseWithdraw.self, CaseNote.self, CaseShow.self, CaseHistory.self, CaseList.self,
            CaseExplain.self,
        ]
    )
}

/// `--field NAME=VALUE`, repeatable.
struct FieldOptions: ParsableArguments {
    @Option(name: .customLong("field"), help: ArgumentHelp("A field value, NAME=VALUE (repeatable).", valueName: "name=value"))
    var assignments: [String] = []

    func values() throws(CommandFailure) -> [String: String] {
        var values: [String: String] = [:]
        for assignment in assignments {
            guard let equals = assignment.firstIndex(of: "="), equals != assignment.startIndex else {
                throw .badInput("--field '\(assignment)' is not NAME=VALUE")
            }
            let name = String(assignment[..<equals]).trimmingCharacters(in: .whitespaces)
            if values[name] != nil { throw .badInput("--field \(name) is given twice") }
            values[name] = String(assignment[assignment.index(after: equals)...])
        }
        return values
    }
}

/// Output of a write: the case and its new version, or JSON.
struct WriteOutput: ParsableArguments {
    @Flag(name: .long, help: "Print the result as JSON.")
    var json = false

    @Option(help: "Refuse (exit 4) unless the case is at this version: what you saw when you decided.")
    var expectVersion: Int?

    /// Runs one command on one case as one transaction and reports it: what every plain write command does.
    func run(_ command: @autoclosure () throws -> CaseCommand, on caseID: String, at: String?, global: GlobalOptions,
             message: (CaseWriteResult) -> String) async throws {
        let request = CaseChangeRequest(caseID: caseID, command: try command(), at: try global.time(at, option: "--at"),
                                        expectVersion: expectVersion)
        let result = try await global.app().changeCase(request, by: global.actingPerson, created: NewDatabase.created)
        try report(result, result.changed ? message(result) : "")
    }

    /// Prints the result of a write: `text`, or when the command changed nothing (no event was appended)
    /// `\(case): nothing changed: \(reason)` instead (on stderr beside JSON).
    func report(_ result: CaseWriteResult, _ text: String) throws {
        if json {
            if let noChange = result.noChange { printNotice(noChange) }
            try printJSON(result.summary)
        } else {
            print(result.noChange ?? text)
        }
    }
}

extension CaseGroup {
    struct CaseOpen: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "open",
            abstract: "Open a case in a workflow's first stage and print its id.",
            discussion: """
                Example:
                  retrofit case open --workflow elevator-retrofit --field address=德州市德城区新华路12号 \\
                    --field district=德城区 --field community=新华小区 --field building=3 --field unit=2 \\
                    --field homes=12 --field floors=6
                """
        )
        @OptionGroup var global: GlobalOptions
        @Option(help: "The workflow id, e.g. elevator-retrofit.") var workflow: String
        @Option(help: "The case id (default: generated, e.g. ER-2025-0001).") var id: String?
        @OptionGroup var fields: FieldOptions
        @Option(help: "urgent or normal (elderly or disabled residents: urgent).") var priority: CasePriority = .normal
        @Option(help: "easy, normal or hard.") var difficulty: CaseDifficulty = .normal
        @Option(help: "The helper (帮办员) in charge.") var helper: String?
        @Option(help: "When it happened (back-dating), YYYY-MM-DD[THH:MM].") var at: String?
        @Flag(help: "Print {\"id\": …} as JSON.") var json = false

        func run() async throws {
            let request = OpenCaseRequest(workflowID: workflow, caseID: id, fields: try fields.values(), priority: priority,
                                          difficulty: difficulty, helper: helper, at: try global.time(at, option: "--at"))
            let result = try await global.app().openCase(request, by: global.actingPerson, created: NewDatabase.created)
            if json { try printJSON(["id": result.caseID]) } else { print(result.caseID) }
            warnAboutDeadline(result)
        }
    }

    struct CaseAdvance: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "advance",
            abstract: "Move a case to its next stage.",
            discussion: """
                With one possible move, --to may be left out; otherwise name the stage (or the move).
                Example:
                  retrofit case advance ER-2025-0001 --to joint-review --note "公示期满无异议"
                  retrofit case advance ER-2025-0001 --to reject --expect-version 7
                """
        )
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The case id.") var caseID: String
        @Option(help: "The stage to move to, or the move's name.") var to: String?
        @OptionGroup var fields: FieldOptions
        @Option(help: "A note kept with the move.") var note: String?
        @Option(help: "When it happened (back-dating), YYYY-MM-DD[THH:MM].") var at: String?
        @OptionGroup var output: WriteOutput

        func run() async throws {
            let request = CaseChangeRequest(caseID: caseID, command: .advance(to: to, fields: try fields.values(), note: note),
                                            at: try global.time(at, option: "--at"), expectVersion: output.expectVersion)
            let result = try await global.app().changeCase(request, by: global.actingPerson, created: NewDatabase.created)
            try output.report(result, "\(caseID) is now in \(result.summary.stage) — \(result.summary.stageTitle)\(deadlineSuffix(result))")
            warnAboutDeadline(result)
        }
    }

    struct CaseSet: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set", abstract: "Set, correct or clear field values.",
            discussion: """
                A blank value is not a value: to empty an optional field, clear it (a field the case's stage \
                requires cannot be cleared).
                Example:
                  retrofit case set ER-2025-0001 --field planning_permit_no=德规许2025-031
                  retrofit case set ER-2025-0001 --clear subsidy_amount --note "金额待复核"
                """)
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The case id.") var caseID: String
        @OptionGroup var fields: FieldOptions
        @Option(name: .customLong("clear"), help: ArgumentHelp("An optional field to empty (repeatable).", valueName: "name"))
        var clear: [String] = []
        @Option(help: "A note kept with the change.") var note: String?
        @Option(help: "When it happened, YYYY-MM-DD[THH:MM].") var at: String?
        @OptionGroup var output: WriteOutput

        func validate() throws {
            if !clear.isEmpty && !fields.assignments.isEmpty { throw ValidationError("give --field or --clear, not both: setting and clearing are separate changes") }
        }

        func run() async throws {
            if !clear.isEmpty {
                try await output.run(.clearFields(clear, note: note), on: caseID, at: at, global: global) { result in
                    "\(caseID): cleared \(clear.joined(separator: ", ")) (version \(result.summary.version))"
                }
                return
            }
            try await output.run(.setFields(try fields.values(), note: note), on: caseID, at: at, global: global) { result in
                "\(caseID): fields set (version \(result.summary.version))"
            }
        }
    }

    struct CaseAssign: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "assign", abstract: "Assign the helper (帮办员) in charge of a case.",
            discussion: """
                While the people register is empty any name is accepted; afterwards the helper must be registered with \
                the helper role, in the case's district unless a manager gives --any-district.
                Example:
                  retrofit case assign ER-2025-0001 --helper 李娜
                  retrofit case assign ER-2025-0002 --helper 刘洋 --any-district --actor 王芳
                """)
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The case id.") var caseID: String
        @Option(help: "The helper's name: a registered person with the helper role.") var helper: String
        @Flag(help: "A manager assigns a helper of another district than the case's, knowingly (the event records it).")
        var anyDistrict = false
        @Option(help: "When it happened, YYYY-MM-DD[THH:MM].") var at: String?
        @OptionGroup var output: WriteOutput

        func run() async throws {
            try await output.run(.assign(helper: helper, anyDistrict: anyDistrict), on: caseID, at: at, global: global) { result in
                "\(caseID): helper is \(result.summary.helper ?? helper)"
            }
        }
    }

    struct CaseClassify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "classify", abstract: "Set a case's priority and difficulty (the queue's order).",
            discussion: "Example:\n  retrofit case classify ER-2025-0001 --priority urgent --difficulty easy")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The case id.") var caseID: String
        @Option(help: "urgent or normal.") var priority: CasePriority?
        @Option(help: "easy, normal or hard.") var difficulty: CaseDifficulty?
        @Option(help: "When it happened, YYYY-MM-DD[THH:MM].") var at: String?
        @OptionGroup var output: WriteOutput

        func validate() throws {
            if priority == nil && difficulty == nil { throw ValidationError("give --priority, --difficulty or both") }
        }

        func run() async throws {
            try await output.run(.classify(priority: priority, difficulty: difficulty), on: caseID, at: at, global: global) { result in "\(caseID): \(result.summary.priority), \(result.summary.difficulty)" }
        }
    }

    struct CaseSuspend: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "suspend", abstract: "Stop a case's clock (mediation, litigation, funding, other).",
            discussion: "Deadlines do not run while a case is suspended.\nExample:\n  retrofit case suspend ER-2025-0001 --reason mediation --note \"一楼业主异议，转人民调解\"")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The case id.") var caseID: String
        @Option(help: "mediation, litigation, funding or other.") var reason: SuspensionReason
        @Option(help: "A note kept with the suspension.") var note: String?
        @Option(help: "When it happened, YYYY-MM-DD[THH:MM].") var at: String?
        @OptionGroup var output: WriteOutput

        func run() async throws {
            try await output.run(.suspend(reason: reason, note: note), on: caseID, at: at, global: global) { result in "\(caseID) is suspended (\(reason.rawValue)); its clock is stopped" }
        }
    }

    struct CaseResume: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "resume", abstract: "Restart a suspended case's clock.",
            discussion: "Example:\n  retrofit case resume ER-2025-0001 --note \"调解成功\"")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The case id.") var caseID: String
        @Option(help: "A note kept with the resumption.") var note: String?
        @Option(help: "When it happened, YYYY-MM-DD[THH:MM].") var at: String?
        @OptionGroup var output: WriteOutput

        func run() async throws {
            try await output.run(.resume(note: note), on: caseID, at: at, global: global) { result in "\(caseID) is active again\(deadlineSuffix(result))" }
        }
    }

    struct CaseWithdraw: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "withdraw", abstract: "Abandon a case for good.",
            discussion: "Example:\n  retrofit case withdraw ER-2025-0001 --reason \"业主放弃加装\"")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The case id.") var caseID: String
        @Option(help: "Why the case is withdrawn.") var reason: String
        @Option(help: "When it happened, YYYY-MM-DD[THH:MM].") var at: String?
        @OptionGroup var output: WriteOutput

        func run() async throws {
            try await output.run(.withdraw(reason: reason), on: caseID, at: at, global: global) { result in "\(caseID) is withdrawn" }
        }
    }

    struct CaseNote: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "note", abstract: "Add a note to a case's timeline.",
            discussion: "Example:\n  retrofit case note ER-2025-0001 \"已与二楼业主沟通采光问题\"")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The case id.") var caseID: String
        @Argument(help: "The note.") var text: String
        @Option(help: "When it happened, YYYY-MM-DD[THH:MM].") var at: String?
        @OptionGroup var output: WriteOutput

        func run() async throws {
            try await output.run(.note(text), on: caseID, at: at, global: global) { result in "\(caseID): note added (version \(result.summary.version))" }
        }
    }
}

/// `; deadline 2025-06-05 (3 months)` after a write's line, when the case's stage has a deadline.
func deadlineSuffix(_ result: CaseWriteResult) -> String {
    guard let deadline = result.deadline.deadline, let rule = result.deadline.rule else { return "" }
    return "; deadline \(deadline) (\(rule))"
}

func warnAboutDeadline(_ result: CaseWriteResult) {
    for warning in result.deadline.warnings { printWarning(warning) }
}

extension CasePriority: ExpressibleByArgument {}
extension CaseDifficulty: ExpressibleByArgument {}
extension SuspensionReason: ExpressibleByArgument {}
extension CaseStatus: ExpressibleByArgument {}
extension ObjectionOutcome: ExpressibleByArgument {}
/// The same words as a ballots file: agree, object, abstain (any case) or 同意, 反对, 弃权.
extension BallotChoice: ExpressibleByArgument {
    public init?(argument: String) { self.init(parsing: argument) }
    public static var allValueStrings: [String] { ["agree", "object", "abstain", "同意", "反对", "弃权"] }
}
