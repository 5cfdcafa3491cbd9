import RetrofitCore

/// The ledger file of a set of cases, in the columns `import` reads, so an export imports back.
///
/// Every cell is protected against formula injection (`LedgerCSV.neutralised`). Withdrawn cases are
/// left out: the ledger has no column for a case that was abandoned.
public struct LedgerExport: Sendable {
    /// The header and one row per case.
    public let rows: [[String]]
    public let exported: Int
    public let withdrawnLeftOut: Int
    /// Earlier stage dates left out because the case went back and forth between stages, and the
    /// ledger keeps one date per stage that must follow the procedure's order.
    public let datesLeftOut: [(caseID: String, stage: String)]

    /// Builds the table for `cases`, each with the workflow version it runs under.
    public init(cases: [(state: CaseState, workflow: WorkflowDefinition)]) {
        let definitions = LedgerExport.distinctDefinitions(cases.map(\.workflow))
        var fieldNames: [String] = []
        var stageNames: [String] = []
        for definition in definitions {
            for field in definition.fields where !fieldNames.contains(field.name) { fieldNames.append(field.name) }
            for stage in definition.stages where !stageNames.contains(stage.id) { stageNames.append(stage.id) }
        }
        var header = [LedgerColumn.id, LedgerColumn.workflow] + fieldNames + [LedgerColumn.stage, LedgerColumn.entered]
        header += stageNames.map(LedgerColumn.entered) + [LedgerColumn.helper, LedgerColumn.priority, LedgerColumn.difficulty]
        var rows = [header.map(LedgerCSV.neutralised)]
        var withdrawn = 0
        var leftOut: [(String, String)] = []
        for (state, workflow) in cases {
            if state.status == .withdrawn {
                withdrawn += 1
                continue
            }
            let (dates, dropped) = LedgerExport.stageDates(state, workflow: workflow)
            leftOut += dropped.map { (state.id, $0) }
            var row = [state.id, workflow.id] + fieldNames.map { state.fields[$0] ?? "" }
            row += [state.stage, state.stageEnteredAt.date.description]
            row += stageNames.map { dates[$0]?.description ?? "" }
            row += [state.helper ?? "", state.priority.rawValue, state.difficulty.rawValue]
            rows.append(row.map(LedgerCSV.neutralised))
        }
        self.rows = rows
        exported = rows.count - 1
        withdrawnLeftOut = withdrawn
        datesLeftOut = leftOut
    }

    /// The file's bytes: UTF-8 with a byte-order mark, RFC 4180.
    public var csv: [UInt8] { [UInt8](LedgerCSV.write(rows)) }

    /// Definitions by id, newest version first, each once.
    static func distinctDefinitions(_ workflows: [WorkflowDefinition]) -> [WorkflowDefinition] {
        var seen: Set<String> = []
        let sorted = workflows.sorted { ($0.id, -$0.version) < ($1.id, -$1.version) }
        return sorted.filter { seen.insert("\($0.id)@\($0.version)").inserted }
    }

    /// The day each earlier stage was last entered before the current visit, as the import's rules allow:
    /// dates of stages before the current one must not go backwards along the procedure.
    static func stageDates(_ state: CaseState, workflow: WorkflowDefinition) -> (dates: [String: CivilDate], dropped: [String]) {
        var dates: [String: CivilDate] = [:]
        for visit in state.visits.dropLast() where visit.stage != state.stage {
            dates[visit.stage] = visit.enteredAt.date
        }
        let current = workflow.stageIndex(state.stage) ?? 0
        var dropped: [String] = []
        var latest: CivilDate?
        for stage in workflow.stages.prefix(current) {
            guard let date = dates[stage.id] else { continue }
            if let latest, date < latest {
                dates[stage.id] = nil
                dropped.append(stage.id)
            } else {
                latest = date
            }
        }
        return (dates, dropped)
    }
}
