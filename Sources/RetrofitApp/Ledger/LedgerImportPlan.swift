import Foundation
import RetrofitCore
import RetrofitStore
import RetrofitReports

/// A case ready to be imported: one valid row of the ledger.
public struct LedgerCase: Sendable {
    public let row: Int
    public let caseID: String
    public let workflow: WorkflowDefinition
    public let event: CaseEvent.Imported
    /// When the `imported` event is taken to have happened: the start of the day the case entered its current stage.
    public let occurredAt: Timestamp
}

/// A ledger file checked row by row against its workflows: the cases to import and every problem found.
///
/// Nothing is imported from a file with problems, so `cases` only matters when `problems` is empty.
public struct LedgerImportPlan: Sendable {
    /// The file as named on the command line, for messages.
    public let file: String
    public let cases: [LedgerCase]
    public let problems: [LedgerProblem]
    /// Data rows that were not blank.
    public let rowCount: Int

    /// Checks `records` (the header first).
    ///
    /// - Parameters:
    ///   - source: the file name recorded in each `imported` event.
    ///   - sha256: the file's SHA-256, recorded in each event.
    ///   - defaultWorkflow: the workflow of rows with no `workflow` cell.
    ///   - now: the clock; dates after its day are refused.
    ///   - lookup: loads a workflow by id, throwing a printable error when there is none.
    public static func make(records: [LedgerCSV.Record], file: String, source: String, sha256: String,
                            defaultWorkflow: String?, now: Timestamp,
                            lookup: (String) throws -> WorkflowDefinition) -> LedgerImportPlan {
        guard let headerRecord = records.first else {
            return LedgerImportPlan(file: file, cases: [], problems: [
                LedgerProblem(file: file, row: 1, column: 1, message: "the file is empty; the first row must name the columns (id, workflow, stage, entered, fields…)"),
            ], rowCount: 0)
        }
        let header = LedgerHeader(names: headerRecord.cells.map { LedgerCSV.restored($0).trimmingWhitespaceForLedger() })
        let rows = records.dropFirst().filter { !$0.isBlank }
        var problems = LedgerHeaderCheck.problems(header, file: file, defaultWorkflow: defaultWorkflow)
        if !problems.isEmpty {
            return LedgerImportPlan(file: file, cases: [], problems: problems, rowCount: rows.count)
        }
        var workflows = LedgerWorkflows(defaultWorkflow: defaultWorkflow)
        for record in rows { workflows.load(record.cells, header: header, lookup: lookup) }
        problems += LedgerHeaderCheck.unknownColumns(header, workflows: workflows.loaded, file: file)
        let skipColumns = Set(problems.map { $0.column - 1 })
        var checker = LedgerRowChecker(file: file, source: source, sha256: sha256, header: header, now: now,
                                       workflows: workflows, skipColumns: skipColumns)
        var cases: [LedgerCase] = []
        for record in rows {
            if let ledgerCase = checker.check(record) { cases.append(ledgerCase) }
        }
        problems += checker.problems
        return LedgerImportPlan(file: file, cases: cases, problems: problems.sorted(), rowCount: rows.count)
    }
}

/// The workflows named in a file, each loaded once.
struct LedgerWorkflows {
    let defaultWorkflow: String?
    private(set) var loaded: [String: WorkflowDefinition] = [:]
    /// Why a named workflow could not be loaded, by id: the first line of the error, and its hints.
    private(set) var failures: [String: LedgerFailure] = [:]

    init(defaultWorkflow: String?) {
        self.defaultWorkflow = defaultWorkflow
    }

    /// The workflow id a row names, or the default.
    func name(of cells: [String], header: LedgerHeader) -> String? {
        let given = header.index(LedgerColumn.workflow).flatMap { $0 < cells.count ? cells[$0] : nil }?
            .trimmingWhitespaceForLedger() ?? ""
        return given.isEmpty ? defaultWorkflow : given
    }

    mutating func load(_ cells: [String], header: LedgerHeader, lookup: (String) throws -> WorkflowDefinition) {
        guard let name = name(of: cells, header: header), loaded[name] == nil, failures[name] == nil else { return }
        do {
            loaded[name] = try lookup(name)
        } catch let error as WorkflowLookupError {
            let detail = error.detail.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
            failures[name] = LedgerFailure(message: error.message, detail: detail, hints: error.hints)
        } catch {
            failures[name] = LedgerFailure(message: "\(error)".split(separator: "\n").first.map(String.init) ?? "\(error)")
        }
    }
}

/// Why a workflow named in a ledger could not be loaded: the first line of the error, and what to do.
struct LedgerFailure {
    var message: String
    var detail = ""
    var hints: [InputHint] = []
}

/// Checks on the header row alone, and on columns no workflow of the file knows.
enum LedgerHeaderCheck {
    static func problems(_ header: LedgerHeader, file: String, defaultWorkflow: String?) -> [LedgerProblem] {
        var problems: [LedgerProblem] = []
        var seen: [String: Int] = [:]
        for (index, name) in header.names.enumerated() {
            if name.isEmpty {
                problems.append(LedgerProblem(file: file, row: 1, column: index + 1, message: "column \(index + 1) has no name; name it or delete it"))
            } else if let first = seen[name] {
                problems.append(LedgerProblem(file: file, row: 1, column: index + 1, message: "column '\(name)' appears twice (also column \(first + 1))"))
            } else {
                seen[name] = index
            }
        }
        var required = [LedgerColumn.id, LedgerColumn.stage, LedgerColumn.entered]
        if defaultWorkflow == nil { required.insert(LedgerColumn.workflow, at: 1) }
        for name in required where header.index(name) == nil {
            problems.append(LedgerProblem(file: file, row: 1, column: 1, message: "the header has no '\(name)' column",
                                          detail: "; columns needed: \(required.joined(separator: ", "))",
                                          hints: name == LedgerColumn.workflow ? [.giveInstead(.workflow)] : []))
        }
        return problems
    }

    /// Field and stage-date columns that none of the file's workflows has.
    static func unknownColumns(_ header: LedgerHeader, workflows: [String: WorkflowDefinition], file: String) -> [LedgerProblem] {
        guard !workflows.isEmpty else { return [] }
        let names = workflows.keys.sorted().joined(separator: ", ")
        var problems: [LedgerProblem] = []
        for (name, index) in header.fieldColumns where !workflows.values.contains(where: { $0.field(name) != nil }) {
            let known = workflows.values.flatMap { $0.fields.map(\.name) }
            problems.append(LedgerProblem(file: file, row: 1, column: index + 1, message: "unknown column '\(name)': no field of workflow \(names) has that name\(LedgerHint.closest(name, in: known)); fields are: \(known.joined(separator: ", "))"))
        }
        for (stage, index) in header.stageColumns where !workflows.values.contains(where: { $0.stage(stage) != nil }) {
            let known = workflows.values.flatMap { $0.stages.map(\.id) }
            problems.append(LedgerProblem(file: file, row: 1, column: index + 1, message: "unknown column '\(LedgerColumn.entered(stage))': workflow \(names) has no stage '\(stage)'\(LedgerHint.closest(stage, in: known))"))
        }
        return problems
    }
}
