import GRDB
import RetrofitCore

/// The names a case filter may use: what the workflows define, what the cases hold and who is registered.
public struct FilterVocabulary: Sendable {
    public let workflows: KnownNames
    public let stages: KnownNames
    public let districts: KnownNames
    public let helpers: KnownNames
}

extension CaseFilter {
    /// Refuses (as bad input) a workflow, stage, district or helper that nothing knows, naming it and the
    /// closest known names: a typo should not answer "0 cases".
    public func check(against vocabulary: FilterVocabulary) throws(Rejection) {
        if let workflow { try vocabulary.workflows.check(workflow) }
        if let stage { try vocabulary.stages.check(stage) }
        if let district { try vocabulary.districts.check(district) }
        if let helper { try vocabulary.helpers.check(helper) }
    }
}

extension CaseStore {
    /// The known names for filters: `definitions` (the loaded workflows) with the workflows, stages and
    /// districts the cases hold, and the registered helpers with the helpers the cases hold.
    public func filterVocabulary(definitions: [WorkflowDefinition]) throws(StoreError) -> FilterVocabulary {
        let held = try read { db -> [String: [String]] in
            var values: [String: [String]] = [:]
            for column in ["workflow_id", "stage", "district", "helper"] {
                values[column] = try String.fetchAll(db, sql: "SELECT DISTINCT \(column) FROM case_state WHERE \(column) IS NOT NULL ORDER BY 1")
            }
            return values
        }
        let people = try self.people()
        return FilterVocabulary(
            workflows: KnownNames("workflow", names: definitions.map(\.id) + (held["workflow_id"] ?? [])),
            stages: KnownNames("stage", names: definitions.flatMap { $0.stages.map(\.id) } + (held["stage"] ?? [])),
            districts: KnownNames("district", names: WorkflowCatalog.districts(of: definitions) + (held["district"] ?? [])),
            helpers: KnownNames("helper", names: people.filter { $0.role == .helper }.map(\.name) + (held["helper"] ?? [])))
    }

    /// Checks `filter` against the names the store and `definitions` know.
    public func check(_ filter: CaseFilter, definitions: [WorkflowDefinition]) throws(ServiceError) {
        guard filter.workflow != nil || filter.stage != nil || filter.district != nil || filter.helper != nil else { return }
        let vocabulary: FilterVocabulary
        do { vocabulary = try filterVocabulary(definitions: definitions) } catch { throw .store(error) }
        do { try filter.check(against: vocabulary) } catch { throw .rejected(error) }
    }
}
