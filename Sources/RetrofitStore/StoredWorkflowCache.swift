import RetrofitCore
import Synchronization

/// Stored workflow definitions already parsed, so a process that runs many commands (a service, the
/// benchmarks, a bulk import) parses each workflow version once instead of on every command. The
/// source text is part of the key: the same text always parses to the same definition.
public enum StoredWorkflowCache {
    private static let parsed = Mutex<[String: (source: String, definition: WorkflowDefinition)]>([:])

    public static func definition(_ stored: StoredDefinition) throws(WorkflowLookupError) -> WorkflowDefinition {
        let key = "\(stored.id)@\(stored.version)"
        if let hit = parsed.withLock({ $0[key] }), hit.source == stored.source { return hit.definition }
        let definition = try stored.load()
        parsed.withLock { $0[key] = (stored.source, definition) }
        return definition
    }
}
