import RetrofitCore
import RetrofitStore
import RetrofitReports

extension LedgerRowChecker {
    /// The row's field values in canonical form; every wrong or missing value is reported at its column.
    mutating func checkFields(_ cells: Cells, row: Int, workflow: WorkflowDefinition, stage: StageDefinition?) -> [String: String] {
        var values: [String: String] = [:]
        var broken: Set<String> = []
        for (name, index) in header.fieldColumns where !skipColumns.contains(index) {
            let text = cells.raw(index)
            guard !FieldValue.isBlank(text) else { continue }
            guard workflow.field(name) != nil else {
                report(row, index, "workflow \(workflow.id) has no field '\(name)'; leave this cell empty for its cases")
                continue
            }
            do {
                values.merge(try CaseDecider.parseFields([name: text], workflow: workflow)) { _, new in new }
            } catch {
                report(row, index, error.message)
                broken.insert(name)
            }
        }
        guard let stage else { return values }
        let missing = workflow.fieldsRequired(in: stage.id).filter { values[$0.name] == nil && !broken.contains($0.name) }
        for field in missing {
            let index = header.index(field.name)
            let place = index == nil ? "add a '\(field.name)' column" : "fill it in"
            report(row, index ?? header.index(LedgerColumn.stage),
                   "stage '\(stage.id)' needs field \(field.name) (\(field.title)), which is empty; \(place)")
        }
        return values
    }
}

extension String {
    /// The text without white space at either end.
    func trimmingWhitespaceForLedger() -> String {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }
}
