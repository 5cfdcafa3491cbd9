import GRDB
import RetrofitCore

extension CaseFilter {
    /// Whether the filter names a workflow, stage, district or helper: the values ``CaseStore/check(_:definitions:)`` checks.
    public var namesAny: Bool { workflow != nil || stage != nil || district != nil || helper != nil }
}

extension CaseStore {
    /// Refuses (as bad input) a filter's workflow, stage, district or helper that nothing knows, naming it and
    /// the closest known names: a typo should not answer "0 cases". Known are the names `definitions` (the
    /// loaded workflows) define — ids, stages, `district` enum values — the registered helpers, and whatever
    /// the cases hold.
    /// - Throws: a `Rejection` (bad input) naming the unknown value, or a `StoreError`.
    public func check(_ filter: CaseFilter, definitions: [WorkflowDefinition]) throws {
        let checks: [(value: String?, what: String, column: String, defined: () throws(StoreError) -> [String])] = [
            (filter.workflow, "workflow", "workflow_id", { definitions.map(\.id) }),
            (filter.stage, "stage", "stage", { definitions.flatMap { $0.stages.map(\.id) } }),
            (filter.district, "district", "district", { WorkflowCatalog.districts(of: definitions) }),
            (filter.helper, "helper", "helper", { () throws(StoreError) in try self.people().filter { $0.role == .helper }.map(\.name) }),
        ]
        for check in checks {
            guard let value = check.value else { continue }
            let defined = try check.defined()
            if defined.contains(value) { continue }
            if try isHeld(value, column: check.column) { continue }
            try KnownNames(check.what, names: defined + (try heldValues(check.column))).check(value)
        }
    }

    /// Whether some case holds `value` in `column` (one of the filter columns, never user text).
    private func isHeld(_ value: String, column: String) throws(StoreError) -> Bool {
        try read { db in try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM case_state WHERE \(column) = ?)", arguments: [value]) ?? false }
    }

    private func heldValues(_ column: String) throws(StoreError) -> [String] {
        try read { db in try String.fetchAll(db, sql: "SELECT DISTINCT \(column) FROM case_state WHERE \(column) IS NOT NULL ORDER BY 1") }
    }
}
