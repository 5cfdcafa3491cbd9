import Foundation
import RetrofitCore
import RetrofitStore
import RetrofitReports

/// Checks one data row at a time, collecting every problem with its row and column.
struct LedgerRowChecker {
    let file: String
    let source: String
    let sha256: String
    let header: LedgerHeader
    let now: Timestamp
    let workflows: LedgerWorkflows
    /// Columns already reported at the header, not to be reported again on every row.
    let skipColumns: Set<Int>
    private(set) var problems: [LedgerProblem] = []
    private var firstRowOfID: [String: Int] = [:]

    init(file: String, source: String, sha256: String, header: LedgerHeader, now: Timestamp,
         workflows: LedgerWorkflows, skipColumns: Set<Int>) {
        self.file = file
        self.source = source
        self.sha256 = sha256
        self.header = header
        self.now = now
        self.workflows = workflows
        self.skipColumns = skipColumns
    }

    /// The row's cells, with spreadsheet protection (a leading apostrophe) taken off.
    struct Cells {
        let values: [String]
        let header: LedgerHeader

        func raw(_ index: Int?) -> String {
            guard let index, index < values.count else { return "" }
            return LedgerCSV.restored(values[index])
        }

        func trimmed(_ index: Int?) -> String { raw(index).trimmingWhitespaceForLedger() }

        func named(_ name: String) -> String { trimmed(header.index(name)) }
    }

    mutating func report(_ row: Int, _ index: Int?, _ message: String, detail: String = "", hints: [InputHint] = []) {
        problems.append(LedgerProblem(file: file, row: row, column: (index ?? 0) + 1, message: message, detail: detail, hints: hints))
    }

    /// The case on `record`, or nil (with problems reported) when the row is not valid.
    mutating func check(_ record: LedgerCSV.Record) -> LedgerCase? {
        let row = record.number
        let before = problems.count
        if record.cells.count > header.names.count {
            report(row, header.names.count, "the row has \(record.cells.count) cells but the header names \(header.names.count) columns; is a comma missing its quotes?")
            return nil
        }
        let cells = Cells(values: record.cells, header: header)
        let caseID = checkID(cells, row: row)
        guard let workflow = checkWorkflow(cells, row: row) else { return nil }
        let stage = checkStage(cells, row: row, workflow: workflow)
        let entered = checkDate(cells.named(LedgerColumn.entered), row: row, index: header.index(LedgerColumn.entered), column: LedgerColumn.entered)
        var stageDates: [CaseEvent.StageDate] = []
        if let stage, let entered {
            stageDates = checkStageDates(cells, row: row, workflow: workflow, stage: stage, entered: entered)
        }
        let fields = checkFields(cells, row: row, workflow: workflow, stage: stage)
        let priority = checkChoice(cells, row: row, column: LedgerColumn.priority, default: CasePriority.normal)
        let difficulty = checkChoice(cells, row: row, column: LedgerColumn.difficulty, default: CaseDifficulty.normal)
        guard problems.count == before, let caseID, let stage, let entered, let priority, let difficulty else { return nil }
        let helper = cells.named(LedgerColumn.helper)
        let event = CaseEvent.Imported(source: source, sha256: sha256, row: row, stage: stage.id, stageDates: stageDates,
                                       fields: fields, priority: priority, difficulty: difficulty,
                                       helper: helper.isEmpty ? nil : helper)
        return LedgerCase(row: row, caseID: caseID, workflow: workflow, event: event, occurredAt: Timestamp(startOf: entered))
    }

    private mutating func checkID(_ cells: Cells, row: Int) -> String? {
        let index = header.index(LedgerColumn.id)
        let caseID = cells.trimmed(index)
        do {
            try CaseDecider.validateCaseID(caseID)
        } catch {
            report(row, index, caseID.isEmpty ? "the case id is empty" : error.message)
            return nil
        }
        if let first = firstRowOfID[caseID] {
            report(row, index, "case id '\(caseID)' is also on row \(first); each case appears once")
            return nil
        }
        firstRowOfID[caseID] = row
        return caseID
    }

    private mutating func checkWorkflow(_ cells: Cells, row: Int) -> WorkflowDefinition? {
        let index = header.index(LedgerColumn.workflow)
        let given = cells.trimmed(index)
        if let chosen = workflows.defaultWorkflow, !given.isEmpty, given != chosen {
            report(row, index, "the row names workflow '\(given)' but the import is for workflow \(chosen); leave the cell empty or import without a workflow",
                   hints: [.contradicts(InputArgument(.workflow, chosen), found: given)])
            return nil
        }
        guard let name = workflows.name(of: cells.values, header: header) else {
            report(row, index, "the workflow is empty; fill it in", hints: [.giveInstead(.workflow)])
            return nil
        }
        if let failure = workflows.failures[name] {
            report(row, index, failure.message, detail: failure.detail, hints: failure.hints)
            return nil
        }
        return workflows.loaded[name]
    }

    private mutating func checkStage(_ cells: Cells, row: Int, workflow: WorkflowDefinition) -> StageDefinition? {
        let index = header.index(LedgerColumn.stage)
        let name = cells.trimmed(index)
        if let stage = workflow.stage(name) { return stage }
        let known = workflow.stages.map(\.id)
        let what = name.isEmpty ? "the stage is empty" : "unknown stage '\(name)'\(LedgerHint.closest(name, in: known))"
        report(row, index, "\(what); workflow \(workflow.id) has: \(known.joined(separator: ", "))")
        return nil
    }

    /// A date cell: valid, and not after the clock's day.
    mutating func checkDate(_ text: String, row: Int, index: Int?, column: String) -> CivilDate? {
        guard let date = CivilDate(iso: text) else {
            report(row, index, text.isEmpty ? "\(column) is empty; give the date as YYYY-MM-DD" : "\(column) '\(text)' is not a date; expected YYYY-MM-DD")
            return nil
        }
        if date > now.date {
            report(row, index, "\(column) \(date) is in the future (today is \(now.date)); dates cannot be ahead of the clock")
            return nil
        }
        return date
    }

    private mutating func checkChoice<Choice: RawRepresentable & CaseIterable>(
        _ cells: Cells, row: Int, column: String, default fallback: Choice
    ) -> Choice? where Choice.RawValue == String {
        let text = cells.named(column)
        if text.isEmpty { return fallback }
        if let value = Choice(rawValue: text) { return value }
        report(row, header.index(column), "\(column) '\(text)' is not one of: \(Choice.allCases.map(\.rawValue).joined(separator: ", "))")
        return nil
    }
}
