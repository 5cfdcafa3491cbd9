import RetrofitCore

/// A pinned workflow definition as stored: its YAML text and, once made, its compiled form.
public struct StoredDefinition: Sendable {
    public let id: String
    public let version: Int
    public let source: String
    /// The ``CompiledWorkflow`` form written beside the source (nil in a row written before compiled forms existed).
    public let compiled: String?

    /// The definition: read from the compiled form when that is current, else parsed from the source.
    public func load() throws(WorkflowLookupError) -> WorkflowDefinition {
        try WorkflowCatalog.loadStored(source: source, compiled: compiled, id: id, version: version)
    }
}
