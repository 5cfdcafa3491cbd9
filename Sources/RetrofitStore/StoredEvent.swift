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
    /// The client's key for the request that makes this append, recorded in the same transaction.
    public var requestKey: StoredRequestKey?

    public init(caseID: String, expectedVersion: Int, events: [CaseEvent], occurredAt: Timestamp,
                recordedAt: Timestamp, actor: String, workflow: WorkflowDefinition, requestKey: StoredRequestKey? = nil) {
        self.requestKey = requestKey
        self.caseID = caseID
        self.expectedVersion = expectedVersion
        self.events = events
        self.occurredAt = occurredAt
        self.recordedAt = recordedAt
        self.actor = actor
        self.workflow = workflow
    }
}

extension StoredEvent {
    /// When the event happened, read from the stored text as `Timestamp(iso:)` reads it; nil only for a
    /// row whose text is not a timestamp (which retrofit never writes).
    public var occurredTime: Timestamp? { Timestamp(stored: occurredAt) }

    /// When the event was recorded, read as ``occurredTime`` is.
    public var recordedTime: Timestamp? { Timestamp(stored: recordedAt) }

    /// The kind of event the row holds; nil for a type this version of retrofit does not know.
    public var kind: CaseEvent.Kind? { CaseEvent.Kind(rawValue: type) }

    /// The event the row holds, read from its type and payload.
    public func decodedEvent() throws -> CaseEvent {
        try CaseEvent.decode(type: type, payload: payload)
    }
}
