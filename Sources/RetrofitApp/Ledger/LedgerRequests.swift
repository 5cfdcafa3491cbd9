import Foundation

/// `import`: a ledger file's bytes, checked row by row into a plan (``LedgerImportPlan``).
public struct LedgerImportRequest: Sendable {
    /// The file's bytes: its SHA-256 is recorded in each imported case's event.
    public var data: Data
    /// The file as the user named it: problems name it, and its last path component is recorded as the source.
    public var file: String
    /// The workflow of rows that name none (and the only one allowed).
    public var defaultWorkflow: String?

    public init(data: Data, file: String, defaultWorkflow: String? = nil) {
        self.data = data
        self.file = file
        self.defaultWorkflow = defaultWorkflow
    }
}

/// `export`: the cases as a ledger file.
public struct LedgerExportRequest: Sendable {
    /// Only cases of this workflow; nil for all.
    public var workflowID: String?

    public init(workflowID: String? = nil) { self.workflowID = workflowID }
}
