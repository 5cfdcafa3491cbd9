import Foundation
import GRDB
import RetrofitCore

extension CaseStore {
    /// Appends a case's new events and updates its projections, in one transaction.
    ///
    /// - Parameters:
    ///   - append: the events, decided on the case at `append.expectedVersion`.
    ///   - state: the case after the events (computed by the engine).
    ///   - schedule: the case's deadline after the events, with its visits' working days
    ///     (``CaseSchedule/atLastEvent(_:workflow:calendar:)``, which the projections store).
    /// - Throws: `StoreError.conflict` if another process appended to the case first (nothing is written);
    ///   `StoreError.workflowChanged` if a different definition is stored under the same id and version.
    @discardableResult
    public func append(_ append: CaseAppend, state: CaseState, schedule: CaseSchedule) throws(StoreError) -> [StoredEvent] {
        try write { db in
            let current = try Int.fetchOne(db.cachedStatement(sql: "SELECT MAX(version) FROM event WHERE case_id = ?"), arguments: [append.caseID]) ?? 0
            guard current == append.expectedVersion else {
                throw StoreError.conflict(caseID: append.caseID, expected: append.expectedVersion, actual: current)
            }
            try storeDefinition(append.workflow, db: db)
            let stored = try insert(append, db: db)
            try CaseStore.writeProjection(state, schedule: schedule, db: db, onlyRecentVisits: append.expectedVersion > 0)
            return stored
        }
    }

    /// Appends many new cases' opening events at once (bulk import and the demo): one transaction.
    public func appendBatch(_ items: [(append: CaseAppend, state: CaseState, schedule: CaseSchedule)]) throws(StoreError) {
        try write { db in
            for item in items {
                let current = try Int.fetchOne(db, sql: "SELECT MAX(version) FROM event WHERE case_id = ?", arguments: [item.append.caseID]) ?? 0
                guard current == item.append.expectedVersion else {
                    throw StoreError.conflict(caseID: item.append.caseID, expected: item.append.expectedVersion, actual: current)
                }
                try storeDefinition(item.append.workflow, db: db)
                try insert(item.append, db: db)
                try CaseStore.writeProjection(item.state, schedule: item.schedule, db: db, onlyRecentVisits: item.append.expectedVersion > 0)
            }
        }
    }

    /// Registers a person (an event in the people stream) and updates the people table.
    public func register(_ person: PersonRegistered, expectedCount: Int, at: Timestamp, recordedAt: Timestamp, actor: String) throws(StoreError) {
        try write { db in
            let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM person") ?? 0
            let version = try Int.fetchOne(db, sql: "SELECT MAX(version) FROM event WHERE case_id = ?", arguments: [PersonRegistered.stream]) ?? 0
            guard count == expectedCount else {
                throw StoreError.conflict(caseID: PersonRegistered.stream, expected: expectedCount, actual: count)
            }
            let payload = try person.payloadJSON()
            try insertRow(db: db, caseID: PersonRegistered.stream, version: version + 1, type: PersonRegistered.type,
                          occurredAt: at.description, recordedAt: recordedAt.description, actor: actor, payload: payload,
                          workflowID: "people", workflowVersion: 0)
            try CaseStore.writePerson(person, db: db)
        }
    }

    static func writePerson(_ person: PersonRegistered, db: Database) throws {
        // A new role or district keeps whether the person is disabled.
        try db.execute(sql: """
            INSERT INTO person (name, role, district) VALUES (?, ?, ?)
            ON CONFLICT (name) DO UPDATE SET role = excluded.role, district = excluded.district
            """, arguments: [person.name, person.role.rawValue, person.district])
    }

    /// Stores the definition a case runs under, with its compiled form, the first time it is used;
    /// afterwards only checks that the same id and version still hold the same text.
    func storeDefinition(_ workflow: WorkflowDefinition, db: Database) throws {
        let digest = EventHash.digest(Data(workflow.source.utf8))
        let stored = try String.fetchOne(db.cachedStatement(sql: "SELECT digest FROM workflow_definition WHERE id = ? AND version = ?"),
                                         arguments: [workflow.id, workflow.version])
        if let stored {
            if stored != digest { throw StoreError.workflowChanged(id: workflow.id, version: workflow.version) }
            return
        }
        try db.execute(sql: "INSERT INTO workflow_definition (id, version, source, digest, compiled) VALUES (?, ?, ?, ?, ?)",
                       arguments: [workflow.id, workflow.version, workflow.source, digest, CompiledWorkflow.encode(workflow)])
    }

    @discardableResult
    private func insert(_ append: CaseAppend, db: Database) throws -> [StoredEvent] {
        if let key = append.requestKey {
            try CaseStore.recordRequestKey(key, caseID: append.caseID, at: append.recordedAt, db: db)
        }
        var stored: [StoredEvent] = []
        for (offset, event) in append.events.enumerated() {
            stored.append(try insertRow(
                db: db, caseID: append.caseID, version: append.expectedVersion + offset + 1, type: event.type,
                occurredAt: append.occurredAt.description, recordedAt: append.recordedAt.description,
                actor: append.actor, payload: try event.payloadJSON(),
                workflowID: append.workflow.id, workflowVersion: append.workflow.version))
        }
        return stored
    }

    @discardableResult
    private func insertRow(db: Database, caseID: String, version: Int, type: String, occurredAt: String, recordedAt: String,
                           actor: String, payload: String, workflowID: String, workflowVersion: Int) throws -> StoredEvent {
        var chain = try ChainCursor(db: db)
        return try chain.insert(db: db, caseID: caseID, version: version, type: type, occurredAt: occurredAt, recordedAt: recordedAt,
                                actor: actor, payload: payload, workflowID: workflowID, workflowVersion: workflowVersion)
    }
}
