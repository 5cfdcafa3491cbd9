import Foundation
import RetrofitApp
@testable import RetrofitCore
import RetrofitReports
import RetrofitStore
import RetrofitTestSupport
@testable import retrofit
import Testing

/// Every message that named a flag or a command before hints existed: its neutral sentence and hints, from the
/// real producer, and the line the command line printed then (and must print still, byte for byte).
@Suite("The command line renders hints as the lines it always printed")
struct HintTextTests {
    struct Example: Sendable, CustomStringConvertible {
        let name: String
        let message: String
        let hints: [InputHint]
        let rendered: String
        let expected: String
        var description: String { name }
    }

    static func examples() throws -> [Example] {
        let workflow = try Fixtures.workflow("elevator-retrofit")
        let calendar = try #require(Fixtures.calendar)
        let context = CommandContext(actor: "李娜", role: nil, occurredAt: Fixtures.time("2025-03-03"), now: Fixtures.time("2025-12-31"), calendar: calendar)
        let events = try CaseDecider.decide(.open(fields: Fixtures.intakeFields(), priority: .normal, difficulty: .normal, helper: nil),
                                            on: nil, caseID: "C-1", workflow: workflow, context: context).get()
        let first = try #require(events.first)
        let opened = try #require(CaseState.start(id: "C-1", workflow: workflow, with: EventEnvelope(event: first, occurredAt: Fixtures.time("2025-03-03"))))
        var examples: [Example] = []
        func rejection(_ name: String, _ given: Rejection?, _ expected: String) throws {
            guard let rejection = given else { throw CancellationError() }
            examples.append(Example(name: name, message: rejection.message, hints: rejection.hints, rendered: HintText.text(AppError(rejection)), expected: expected))
        }

        let review = try #require(workflow.stage("joint-review"))
        var refusal: Rejection?
        do { _ = try CaseDecider.chooseTransition(from: review, to: nil, caseID: "C-1") } catch { refusal = error }
        try rejection("several moves", refusal,
                      "case C-1 can move from 'joint-review' to more than one stage; choose one with --to: permit-filing (approve), design (reject)")
        try rejection("first person", PersonRegistered.decide(PersonRegistered(name: "王", role: .helper, district: nil), actor: "王", actorRole: nil, registeredCount: 0),
                      "the first person registered must be an admin, so someone can manage the register; add one with --role admin")
        refusal = nil
        if case .failure(let error) = CaseDecider.decide(.setFields([:], note: nil), on: opened, caseID: "C-1", workflow: workflow, context: context) { refusal = error }
        try rejection("set nothing", refusal, "give at least one --field NAME=VALUE to set")
        let named = ["address", "homes"].map { name in "\(name) (\(workflow.field(name)?.title ?? ""))" }.joined(separator: ", ")
        try rejection("missing fields", CaseDecider.missingFieldsRejection(stage: "intake", missing: ["address", "homes"], workflow: workflow, action: "set fields"),
                      "cannot set fields: stage 'intake' needs \(named); give --field address=… --field homes=…")
        let transition = try #require(workflow.stage("intake")?.transitions.first)
        let objection = Objection(number: 1, from: "王先生", text: "采光", raisedAt: Fixtures.time("2025-03-03"), outcome: nil, resolvedAt: nil)
        try rejection("open objections", CaseDecider.rejection(.openObjections([objection]), transition: transition, state: opened, workflow: workflow),
                      "cannot leave 'intake' while objections are open: #1 from 王先生; resolve them with 'retrofit consult objection resolve'")
        let wait = MinimumWait(stage: "intake", minimum: .days(10), entered: Fixtures.date("2025-03-03"), runsUntil: Fixtures.date("2025-03-13"),
                               firstAllowed: Fixtures.date("2025-03-14"))
        try rejection("minimum", CaseDecider.rejection(.minimumDuration(wait), transition: transition, state: opened, workflow: workflow),
                      "stage 'intake' must last at least \(wait.minimum) from 2025-03-03 (until 2025-03-13); case C-1 may leave it on or after 2025-03-14")
        refusal = nil
        do { try KnownNames("stage", names: ["intake", "design"]).check("intak") } catch { refusal = error }
        try rejection("unknown name", refusal, "unknown stage 'intak' (did you mean intake?); known stages: intake, design")

        guard case .failure(let problems) = WorkflowLoader.load(text: "id: x\n", file: "w.yaml") else { throw CancellationError() }
        let invalid = WorkflowLookupError.invalid(problems)
        examples.append(Example(name: "invalid workflow", message: invalid.message, hints: invalid.hints, rendered: HintText.text(AppError(invalid)),
                                expected: "the workflow file has errors (run 'retrofit workflow validate'):\n\(problems)"))

        let path = "/data/r.db"
        for (name, error, expected) in [
            ("no database", StoreError.noDatabase(path: path),
             "no database at \(path); run a command that writes (e.g. 'retrofit case open' or 'retrofit demo --db \(path)') to create it, or give --db"),
            ("not SQLite", .notSQLite(path: path), "\(path) is not a SQLite database; give --db the path of a retrofit database"),
            ("not retrofit", .notRetrofit(path: path), "\(path) is a SQLite database of another program, not a retrofit database; give --db another path"),
            ("corrupt", .corrupt("page 3 is broken"), "the database is damaged: page 3 is broken; run 'retrofit admin check'"),
            ("unreadable state", .unreadableState(caseID: "C-1", problem: "bad JSON"),
             "the database is damaged: the stored state of case C-1 cannot be read (bad JSON); run 'retrofit admin rebuild'; run 'retrofit admin check'"),
            ("unreadable state on import", .unreadableState(caseID: "C-1", problem: nil),
             "the database is damaged: the stored state of case C-1 cannot be read; run 'retrofit admin rebuild'; run 'retrofit admin check'"),
        ] as [(String, StoreError, String)] {
            examples.append(Example(name: name, message: error.message, hints: error.hints, rendered: HintText.text(AppError(error)), expected: expected))
        }

        for (name, error, expected) in [
            ("several workflows", ReportInputError.chooseWorkflow(["elevator-retrofit", "elevator-renewal"]),
             "the database holds several workflows; choose one with --workflow: elevator-retrofit, elevator-renewal"),
            ("no cases", .noCases, "the database has no cases yet; open one with 'retrofit case open'"),
            ("bad period", .badPeriod(from: Fixtures.date("2025-03-01"), to: Fixtures.date("2025-02-01")), "--from 2025-03-01 is after --to 2025-02-01"),
        ] as [(String, ReportInputError, String)] {
            examples.append(Example(name: name, message: error.message, hints: error.hints, rendered: HintText.text(AppError(error)), expected: expected))
        }

        func ledger(_ lines: [String], workflow: String? = nil, lookup: (String) throws -> WorkflowDefinition = { try LedgerFixtures.catalog.load($0) }) throws -> [LedgerProblem] {
            let records = try LedgerCSV.read(Data(lines.joined(separator: "\n").utf8), file: "l.csv")
            return LedgerImportPlan.make(records: records, file: "l.csv", source: "l.csv", sha256: "abc", defaultWorkflow: workflow,
                                         now: LedgerFixtures.time("2025-06-30T10:00"), lookup: lookup).problems
        }
        let header = "id,workflow,stage,entered"
        for (name, problem, expected) in [
            ("ledger header", try ledger(["id,stage,entered"]).first,
             "l.csv:1:1: the header has no 'workflow' column (or give --workflow ID); columns needed: id, workflow, stage, entered"),
            ("ledger contradiction", try ledger([header, "A-2,elevator-renewal,intake,2025-01-02"], workflow: "elevator-retrofit").first { $0.column == 2 },
             "l.csv:2:2: the row names workflow 'elevator-renewal' but --workflow elevator-retrofit was given; leave the cell empty or drop --workflow"),
            ("ledger empty workflow", try ledger([header, "A-1,,intake,2025-01-02"]).first { $0.column == 2 },
             "l.csv:2:2: the workflow is empty; fill it in or give --workflow ID"),
            ("ledger invalid workflow", try ledger([header, "A-1,x,intake,2025-01-02"], lookup: { _ in throw invalid }).first { $0.column == 2 },
             "l.csv:2:2: the workflow file has errors (run 'retrofit workflow validate'):"),
        ] as [(String, LedgerProblem?, String)] {
            let problem = try #require(problem)
            examples.append(Example(name: name, message: problem.message + problem.detail, hints: problem.hints, rendered: HintText.text(problem), expected: expected))
        }
        return examples
    }

    @Test func everyExampleRendersAsBefore() throws {
        let examples = try Self.examples()
        #expect(examples.count == 21)
        for example in examples {
            #expect(example.rendered == example.expected, "\(example.name)")
        }
    }

    @Test func everyNeutralSentenceNamesNoFlagOrCommand() throws {
        for example in try Self.examples() {
            #expect(!example.message.contains("--") && !example.message.contains("'retrofit "), "\(example.name): \(example.message)")
        }
    }

    @Test func everyExampleWithFrontEndWordsHasAHint() throws {
        for example in try Self.examples() where example.expected.contains("--") || example.expected.contains("'retrofit ") {
            #expect(!example.hints.isEmpty, "\(example.name)")
        }
    }

    @Test func everyParameterAndOperationHasCommandLineWords() {
        #expect(Set(InputParameter.allCases.map(HintText.flag)).count == InputParameter.allCases.count - 1, "only --to serves two parameters")
        #expect(HintOperation.allCases.allSatisfy { HintText.command($0).hasPrefix("retrofit ") })
    }
}
