import GRDB
import RetrofitCore

/// A new case's whole history, each event with its own time and actor: what the demo generator
/// and bulk loaders append.
public struct CaseHistoryAppend: Sendable {
    public struct Entry: Sendable {
        public let event: CaseEvent
        public let occurredAt: Timestamp
        public let recordedAt: Timestamp
        public let actor: String

        public init(event: CaseEvent, occurredAt: Timestamp, recordedAt: Timestamp, actor: String) {
            self.event = event
            self.occurredAt = occurredAt
            self.recordedAt = recordedAt
            self.actor = actor
        }
    }

    public let caseID: String
    public let workflow: WorkflowDefinition
    public let entries: [Entry]
    public let state: CaseState
    /// ``CaseSchedule/atLastEvent(_:workflow:calendar:)`` of `state`: its deadline and its visits' working days.
    public let schedule: CaseSchedule

    public init(caseID: String, workflow: WorkflowDefinition, entries: [Entry], state: CaseState, schedule: CaseSchedule) {
        self.caseID = caseID
        self.workflow = workflow
        self.entries = entries
        self.state = state
        self.schedule = schedule
    }
}

extension CaseStore {
    /// Appends the histories of new cases in one transaction; the projection of each case is written once.
    ///
    /// - Throws: `StoreError.conflict` if any of the cases already has events (nothing is written).
    public func appendHistories(_ histories: [CaseHistoryAppend]) throws(StoreError) {
        var prepared: [PreparedCaseHistory] = []
        prepared.reserveCapacity(histories.count)
        for history in histories { prepared.append(try prepare(history)) }
        try appendPrepared(prepared)
    }
}

/// Appends rows to the log while keeping the hash chain's head in memory, so a batch reads it once.
struct ChainCursor {
    var sequence: Int64
    var previous: String

    init(db: Database) throws {
        let head = try Row.fetchOne(db.cachedStatement(sql: "SELECT sequence, hash FROM event ORDER BY sequence DESC LIMIT 1"))
        sequence = head?["sequence"] as Int64? ?? 0
        previous = head?["hash"] as String? ?? EventHash.genesis
    }

    @discardableResult
    mutating func insert(db: Database, caseID: String, version: Int, type: String, occurredAt: String, recordedAt: String,
                         actor: String, payload: String, workflowID: String, workflowVersion: Int) throws -> StoredEvent {
        sequence += 1
        let hash = EventHash.compute(previous: previous, sequence: sequence, caseID: caseID, version: version, type: type,
                                     occurredAt: occurredAt, recordedAt: recordedAt, actor: actor, payload: payload,
                                     workflowID: workflowID, workflowVersion: workflowVersion)
        try db.cachedStatement(sql: """
            INSERT INTO event (sequence, case_id, version, type, occurred_at, recorded_at, actor, payload, workflow_id, workflow_version, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [sequence, caseID, version, type, occurredAt, recordedAt, actor, payload,
                                     workflowID, workflowVersion, hash])
        previous = hash
        return StoredEvent(sequence: sequence, caseID: caseID, version: version, type: type, occurredAt: occurredAt,
                           recordedAt: recordedAt, actor: actor, payload: payload, workflowID: workflowID,
                           workflowVersion: workflowVersion, hash: hash)
    }
}
