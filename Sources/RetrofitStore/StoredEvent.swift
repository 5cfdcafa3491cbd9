import RetrofitCore

/// One row of the event log.
public struct StoredEvent: Sendable, Hashable {
    public let sequence: Int64
    public let caseID: String
    public let version: Int
    public let type: String
    public let occurredAt: String
    public let recordedAt: String
    public let actor: String
    public let payload: String
    public let workflowID: String
    public let workflowVersion: Int
    public let hash: String
}

/// Events to append to one case, decided on the case as it stood at `expectedVersion`.
public struct CaseAppend: Sendable {
    public let caseID: String
    /// The case version the command was decided on (0 for a new case).
    public let expectedVersion: Int
    public let events: [CaseEvent]
    public let occurredAt: Timestamp
    public let recordedAt: Timestamp
    public let actor: String
    public let workflow: WorkflowDefinition

    public init(caseID: String, expectedVersion: Int, events: [CaseEvent], occurredAt: Timestamp,
                recordedAt: Timestamp, actor: String, workflow: WorkflowDefinition) {
        self.caseID = caseID
        self.expectedVersion = expectedVersion
        self.events = events
        self.occurredAt = occurredAt
        self.recordedAt = recordedAt
        self.actor = actor
        self.workflow = workflow
    }
}
