import RetrofitCore
import RetrofitStore

extension LedgerExport {
    /// The cases to export from `store`, each with the stored workflow version it runs under.
    ///
    /// - Parameter workflow: only cases of this workflow; nil for all.
    public static func cases(in store: CaseStore, workflow: String?) throws(StoreError) -> [(state: CaseState, workflow: WorkflowDefinition)] {
        var definitions: [String: WorkflowDefinition] = [:]
        var cases: [(state: CaseState, workflow: WorkflowDefinition)] = []
        for state in try store.caseStates(workflow: workflow) {
            let key = "\(state.workflowID)@\(state.workflowVersion)"
            if definitions[key] == nil {
                guard let stored = try store.storedWorkflow(id: state.workflowID, version: state.workflowVersion) else {
                    throw .corrupt("case \(state.id) runs under workflow \(state.workflowID) v\(state.workflowVersion), which is not stored")
                }
                do {
                    definitions[key] = try stored.load()
                } catch {
                    throw .corrupt("stored workflow \(state.workflowID) v\(state.workflowVersion) cannot be read: \(error)")
                }
            }
            if let definition = definitions[key] { cases.append((state, definition)) }
        }
        return cases
    }
}
