import RetrofitCore

extension BuiltinFiles {
    /// The shipped workflow files, each with its compiled form, so loading one parses no YAML.
    public static var workflowFiles: [WorkflowCatalog.File] {
        all.filter { $0.key.hasPrefix("workflows/") }
            .map { WorkflowCatalog.File(path: $0.key, text: $0.value, compiled: compiled[$0.key]) }
    }
}
