import RetrofitBuiltins
import RetrofitCore
import Testing

@Suite("Workflow files are validated with every problem located")
struct WorkflowValidationTests {
    static func problems(_ text: String) -> [SourceProblem] {
        switch WorkflowLoader.load(text: text, file: "w.yaml", knownCalendars: ["cn-mainland"]) {
        case .success: return []
        case .failure(let found): return found.problems
        }
    }

    @Test func theSampleIsValid() {
        #expect(Self.problems(WorkflowSamples.valid).isEmpty)
    }

    @Test func theShippedWorkflowsAreValid() throws {
        let files = BuiltinFiles.all.filter { $0.key.hasPrefix("workflows/") }
        #expect(files.count == 2)
        for (path, text) in files {
            let result = WorkflowLoader.load(text: text, file: path, knownCalendars: ["cn-mainland"])
            if case .failure(let problems) = result { Issue.record("\(path): \(problems)") }
        }
    }

    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let text: String
        let line: Int
        let column: Int
        let message: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "YAML syntax error", text: WorkflowSamples.replacing(line: 3, with: "title: [unclosed"),
             line: 4, column: 9, message: "YAML syntax error"),
        Case(name: "unknown key (typo)", text: WorkflowSamples.replacing(line: 14, with: "    deadine: { working_days: 5 }"),
             line: 14, column: 5, message: "unknown key 'deadine' in a stage (did you mean 'deadline'?)"),
        Case(name: "duplicate stage id", text: WorkflowSamples.replacing(line: 17, with: "  - id: intake"),
             line: 17, column: 9, message: "duplicate stage id 'intake'"),
        Case(name: "transition to an unknown stage", text: WorkflowSamples.replacing(line: 22, with: "      - { to: donee, name: approve }"),
             line: 22, column: 15, message: "transition 'approve' from 'review' goes to unknown stage 'donee'"),
        Case(name: "unknown field in a guard", text: WorkflowSamples.replacing(line: 16, with: "      - { to: review, name: submit, guard: \"flors >= 4\" }"),
             line: 16, column: 45, message: "guard: unknown field 'flors'"),
        Case(name: "unknown field in a requirement", text: WorkflowSamples.replacing(line: 16, with: "      - { to: review, name: submit, requires: [permit_no] }"),
             line: 16, column: 48, message: "transition 'submit' requires unknown field 'permit_no'"),
        Case(name: "type error in a guard", text: WorkflowSamples.replacing(line: 16, with: "      - { to: review, name: submit, guard: \"approved_on > 5\" }"),
             line: 16, column: 45, message: "guard: cannot compare date field 'approved_on' with number 5"),
        Case(name: "guard syntax error", text: WorkflowSamples.replacing(line: 16, with: "      - { to: review, name: submit, guard: \"floors >=\" }"),
             line: 16, column: 54, message: "guard: "),
        Case(name: "zero duration", text: WorkflowSamples.replacing(line: 14, with: "    deadline: { working_days: 0 }"),
             line: 14, column: 31, message: "deadline must be at least 1 working days, not 0"),
        Case(name: "negative duration", text: WorkflowSamples.replacing(line: 20, with: "    deadline: { days: -3 }"),
             line: 20, column: 23, message: "deadline must be at least 1 days, not -3"),
        Case(name: "unknown unit", text: WorkflowSamples.replacing(line: 20, with: "    deadline: { weeks: 2 }"),
             line: 20, column: 17, message: "unknown key 'weeks' in deadline"),
        Case(name: "unknown role", text: WorkflowSamples.replacing(line: 13, with: "    roles: [helpr]"),
             line: 13, column: 13, message: "unknown role 'helpr'"),
        Case(name: "field required from an unknown stage", text: WorkflowSamples.replacing(line: 7, with: "  floors: { type: integer, title: 层数, required_from: intak }"),
             line: 7, column: 54, message: "field 'floors' is required from unknown stage 'intak'"),
    ]

    @Test("each validation error names its line and column", arguments: cases)
    func eachProblemIsLocated(_ testCase: Case) {
        let found = Self.problems(testCase.text)
        let match = found.first { $0.message.contains(testCase.message) }
        #expect(match != nil, "expected '\(testCase.message)' in \(found)")
        #expect(match?.line == testCase.line, "line of \(String(describing: match))")
        #expect(match?.column == testCase.column, "column of \(String(describing: match))")
        #expect(match?.description.hasPrefix("w.yaml:\(testCase.line):\(testCase.column): ") == true)
    }

    @Test func anUnreachableStageIsReported() {
        let text = WorkflowSamples.replacing(line: 23, with: "      - { to: done, name: reject }")
            .replacingOccurrences(of: "  - id: done", with: "  - id: orphan\n    title: x\n    transitions: [{ to: done }]\n  - id: done")
        let found = Self.problems(text)
        #expect(found.contains { $0.message == "stage 'orphan' cannot be reached from the first stage 'intake'" })
    }

    @Test func aStageThatCannotFinishIsReported() {
        // review can only go back to intake, and intake only to review: neither can reach a terminal stage.
        let text = WorkflowSamples.replacing(line: 22, with: "      - { to: intake, name: again }")
        let found = Self.problems(text)
        #expect(found.contains { $0.message.contains("no terminal stage can be reached from stage 'review'") && $0.line == 17 })
        #expect(found.contains { $0.message.contains("no terminal stage can be reached from stage 'intake'") })
    }

    @Test func aWorkflowWithoutATerminalStageOrCommissionedMilestoneIsReported() {
        let text = WorkflowSamples.valid
            .replacingOccurrences(of: "    milestones: [commissioned]\n", with: "")
            .replacingOccurrences(of: "    terminal: true", with: "    transitions: [{ to: intake }]")
        let found = Self.problems(text).map(\.message)
        #expect(found.contains { $0.contains("the workflow has no terminal stage") })
        #expect(found.contains { $0.contains("no stage marks the 'commissioned' milestone") })
    }

    @Test func everyProblemIsReportedAtOnce() {
        let text = WorkflowSamples.valid
            .replacingOccurrences(of: "deadline: { working_days: 5 }", with: "deadine: { working_days: 5 }")
            .replacingOccurrences(of: "to: done, name: approve", with: "to: donee, name: approve")
            .replacingOccurrences(of: "floors >= 4", with: "floors >= '4'")
        #expect(Self.problems(text).count >= 3)
    }

    @Test func anUnknownCalendarIsReported() {
        let text = WorkflowSamples.replacing(line: 4, with: "calendar: cn-hongkong")
        #expect(Self.problems(text).contains { $0.message.hasPrefix("unknown calendar 'cn-hongkong'") })
    }
}
