import RetrofitCore

extension RetrofitApp {
    /// Checks workflow files against the calendars in force; duplicate workflow ids across files are problems too.
    public func validateWorkflows(_ request: WorkflowValidationRequest, by actor: Actor) async throws(AppError) -> WorkflowValidationResult {
        try authorize(.readCatalog, by: actor)
        let calendars = Set(try environment.loadCalendars().keys)
        var sources = request.files ?? []
        if request.files == nil { sources = try environment.workflowFiles() }
        var valid: [WorkflowValidationResult.Valid] = []
        var problems: [SourceProblem] = []
        var seen: [String: String] = [:]
        for file in sources {
            switch WorkflowLoader.load(text: file.text, file: file.path, knownCalendars: calendars) {
            case .success(let definition):
                if let other = seen[definition.id] {
                    problems.append(SourceProblem(file: file.path, line: 1, column: 1, message: "workflow id '\(definition.id)' is also declared in \(other)"))
                }
                seen[definition.id] = file.path
                valid.append(.init(file: file.path, id: definition.id, version: definition.version, stages: definition.stages.count))
            case .failure(let found):
                problems += found.problems
            }
        }
        return WorkflowValidationResult(valid: valid, problems: problems)
    }

    /// The workflow files in force, each loaded on its own (without checking calendars).
    public func listWorkflows(by actor: Actor) async throws(AppError) -> [WorkflowListing] {
        try authorize(.readCatalog, by: actor)
        return try environment.catalog().files.map { file in
            guard case .success(let definition) = WorkflowLoader.load(text: file.text, file: file.path) else {
                return WorkflowListing(file: file.path, stem: file.stem, summary: nil, stages: nil)
            }
            return WorkflowListing(file: file.path, stem: file.stem,
                                   summary: .init(id: definition.id, version: definition.version, title: definition.title, file: file.path),
                                   stages: definition.stages.count)
        }
    }

    /// The workflow in force with this id.
    public func workflow(_ id: String, by actor: Actor) async throws(AppError) -> WorkflowDefinition {
        try authorize(.readCatalog, by: actor)
        let catalog = try environment.catalog()
        return try translatingErrors { try catalog.load(id) }
    }
}
