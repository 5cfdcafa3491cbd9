import RetrofitCore

/// `workflow validate`: these files, or (nil) the workflow files in force.
public struct WorkflowValidationRequest: Sendable {
    public var files: [CatalogFile]?

    public init(files: [CatalogFile]? = nil) { self.files = files }
}

/// What `workflow validate` found: each file that loaded, and every problem as FILE:LINE:COLUMN.
public struct WorkflowValidationResult: Sendable {
    public struct Valid: Encodable, Sendable, Hashable {
        public let file: String
        public let id: String
        public let version: Int
        public let stages: Int
    }

    public let valid: [Valid]
    public let problems: [SourceProblem]

    /// The findings to report when a problem was found, nil when every file is sound.
    public var findings: AppError? {
        problems.isEmpty ? nil : .findings("\(problems.count) problem\(problems.count == 1 ? "" : "s") found")
    }
}

/// One workflow file in force, loaded or not.
public struct WorkflowListing: Sendable {
    /// The JSON form of a workflow that loads.
    public struct Summary: Encodable, Sendable, Hashable {
        public let id: String
        public let version: Int
        public let title: String
        public let file: String
    }

    public let file: String
    /// The file's name without its extension, for a file that does not load.
    public let stem: String
    /// Nil when the file does not load (`workflow validate` says why).
    public let summary: Summary?
    public let stages: Int?
}
