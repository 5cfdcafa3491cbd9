import RetrofitCore
import RetrofitStore

/// Opening a case: in a workflow's first stage, under the workflow's current version.
public struct OpenCaseRequest: Sendable {
    public var workflowID: String
    /// Nil: generated, e.g. `ER-2025-0001`.
    public var caseID: String?
    public var fields: [String: String]
    public var priority: CasePriority
    public var difficulty: CaseDifficulty
    public var helper: String?
    /// When it happened (back-dating); nil means now.
    public var at: Timestamp?

    public init(workflowID: String, caseID: String? = nil, fields: [String: String] = [:], priority: CasePriority = .normal,
                difficulty: CaseDifficulty = .normal, helper: String? = nil, at: Timestamp? = nil) {
        self.workflowID = workflowID
        self.caseID = caseID
        self.fields = fields
        self.priority = priority
        self.difficulty = difficulty
        self.helper = helper
        self.at = at
    }
}

/// One command on an existing case: advance, set or clear fields, assign, classify, suspend, resume, withdraw, note
/// (and the consultation's commands, which share the path).
public struct CaseChangeRequest: Sendable {
    public var caseID: String
    public var command: CaseCommand
    /// When it happened (back-dating); nil means now.
    public var at: Timestamp?
    /// Refuse with a conflict unless the case is at this version (what the actor saw when deciding); nil: the
    /// command is decided on the case as it is read, again if another writer got in between.
    public var expectVersion: Int?

    public init(caseID: String, command: CaseCommand, at: Timestamp? = nil, expectVersion: Int? = nil) {
        self.caseID = caseID
        self.command = command
        self.at = at
        self.expectVersion = expectVersion
    }
}

extension RetrofitApp {
    /// Opens a case and answers its id, its summary and what to say about its first deadline.
    ///
    /// - Parameter created: called when the database file is about to be created.
    public func openCase(_ request: OpenCaseRequest, by actor: Actor, created: (String) -> Void = { _ in }) async throws(AppError) -> CaseWriteResult {
        try authorizeCaseWrite(by: actor)
        let service = try caseService(by: actor, access: .write, created: created)
        let outcome = try await service.open(workflowID: request.workflowID, caseID: request.caseID, fields: request.fields,
                                             priority: request.priority, difficulty: request.difficulty, helper: request.helper,
                                             at: request.at)
        return CaseWriteResult(outcome, command: .open(fields: request.fields, priority: request.priority,
                                                       difficulty: request.difficulty, helper: request.helper))
    }

    /// Runs one command on one case as one transaction: the engine decides, the store appends with the version
    /// it was decided on. A command that changes nothing appends nothing and says why.
    public func changeCase(_ request: CaseChangeRequest, by actor: Actor, created: (String) -> Void = { _ in }) async throws(AppError) -> CaseWriteResult {
        try authorizeCaseWrite(by: actor)
        let service = try caseService(by: actor, access: .write, created: created)
        let outcome = try await service.execute(request.command, caseID: request.caseID, at: request.at, expectVersion: request.expectVersion)
        return CaseWriteResult(outcome, command: request.command)
    }
}
