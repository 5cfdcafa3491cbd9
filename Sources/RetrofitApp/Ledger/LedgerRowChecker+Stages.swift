import RetrofitCore
import RetrofitStore
import RetrofitReports

extension LedgerRowChecker {
    /// The `entered:<stage>` dates of a row, checked and put in time order, ending with the current stage.
    ///
    /// Rules: every earlier date is on or before `entered`; stages before the current one in the
    /// workflow's order were entered in that order (dates never go backwards along the procedure);
    /// `entered:<current stage>`, if filled in, equals `entered`.
    mutating func checkStageDates(_ cells: Cells, row: Int, workflow: WorkflowDefinition,
                                  stage: StageDefinition, entered: CivilDate) -> [CaseEvent.StageDate] {
        var earlier: [(stage: String, date: CivilDate, index: Int, order: Int)] = []
        for (name, index) in header.stageColumns where !skipColumns.contains(index) {
            let text = cells.trimmed(index)
            guard !text.isEmpty else { continue }
            let column = LedgerColumn.entered(name)
            guard let order = workflow.stageIndex(name) else {
                report(row, index, "workflow \(workflow.id) has no stage '\(name)'; leave \(column) empty for its cases")
                continue
            }
            guard let date = checkDate(text, row: row, index: index, column: column) else { continue }
            if name == stage.id {
                if date != entered {
                    report(row, index, "\(column) \(date) differs from entered \(entered), the day the case entered its current stage '\(name)'")
                }
                continue
            }
            if date > entered {
                report(row, index, "\(column) \(date) is after entered \(entered), the day the case entered its current stage '\(stage.id)'; stage dates must increase")
                continue
            }
            earlier.append((name, date, index, order))
        }
        checkProcedureOrder(earlier, row: row, current: workflow.stageIndex(stage.id) ?? 0)
        let ordered = earlier.sorted { ($0.date, $0.order) < ($1.date, $1.order) }
        return ordered.map { CaseEvent.StageDate(stage: $0.stage, entered: $0.date) }
            + [CaseEvent.StageDate(stage: stage.id, entered: entered)]
    }

    /// Stages before the current one in the workflow's order must have dates that never go backwards.
    private mutating func checkProcedureOrder(_ earlier: [(stage: String, date: CivilDate, index: Int, order: Int)],
                                              row: Int, current: Int) {
        let path = earlier.filter { $0.order < current }.sorted { $0.order < $1.order }
        for (previous, next) in zip(path, path.dropFirst()) where next.date < previous.date {
            report(row, next.index, "\(LedgerColumn.entered(next.stage)) \(next.date) is before \(LedgerColumn.entered(previous.stage)) \(previous.date), an earlier stage of the procedure; stage dates must increase")
        }
    }
}
