import RetrofitCore
import Synchronization

/// Stored workflow definitions already parsed, so a process that runs many commands (a service, the
/// benchmarks, a bulk import) parses each workflow version once instead of on every command. The
/// source text is part of the key: the same text always parses to the same definition.
enum StoredWorkflowCache {
    private static let parsed = Mutex<[String: (source: String, definition: WorkflowDefinition)]>([:])

    static func definition(source: String, id: String, version: Int) throws(WorkflowLookupError) -> WorkflowDefinition {
        let key = "\(id)@\(version)"
        if let hit = parsed.withLock({ $0[key] }), hit.source == source { return hit.definition }
        let definition = try WorkflowCatalog.loadStored(source: source, id: id, version: version)
        parsed.withLock { $0[key] = (source, definition) }
        return definition
    }
}
