import Crypto
import Dispatch
import Foundation
import GRDB
import RetrofitCore
import Synchronization

/// What a rebuild did and whether the projections it computed matched the live ones.
public struct RebuildReport: Sendable {
    public let events: Int
    public let cases: Int
    /// True when the recomputed projections equal what was there before.
    public let identical: Bool
    /// The first table whose rows differ, if any.
    public let firstDifference: String?
}

extension CaseStore {
    /// Recomputes every projection from the event log alone, streaming one case at a time.
    ///
    /// - Parameter keep: false to compare only (the transaction is rolled back and nothing changes).
    public func rebuild(calendars: [String: WorkingCalendar], keep: Bool) throws(StoreError) -> RebuildReport {
        var report: RebuildReport?
        do {
            try writer.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    let before = try CaseStore.projectionDigests(db)
                    for table in StoreSchema.projectionTables { try db.execute(sql: "DELETE FROM \(table)") }
                    let (events, cases) = try CaseStore.replayAll(db, calendars: calendars)
                    let after = try CaseStore.projectionDigests(db)
                    let difference = StoreSchema.projectionTables.first { before[$0] != after[$0] }
                    report = RebuildReport(events: events, cases: cases, identical: difference == nil, firstDifference: difference)
                    return keep ? .commit : .rollback
                }
            }
        } catch {
            throw CaseStore.translate(error, path: path)
        }
        guard let report else { throw .corrupt("the rebuild ended without a report") }
        return report
    }

    /// Replays the log into the (emptied) projection tables. Returns the counts of events and cases.
    static func replayAll(_ db: Database, calendars: [String: WorkingCalendar]) throws -> (Int, Int) {
        var workflows: [String: WorkflowDefinition] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, version, source FROM workflow_definition") {
            guard let id = row["id"] as String?, let version = row["version"] as Int?, let source = row["source"] as String? else { continue }
            do {
                workflows["\(id)@\(version)"] = try WorkflowCatalog.loadStored(source: source, id: id, version: version)
            } catch {
                throw StoreError.corrupt("stored workflow \(id) v\(version) cannot be read: \(error)")
            }
        }
        var eventCount = 0
        var caseCount = 0
        // Cases are replayed a batch at a time on every core (decoding the events and encoding the
        // state is most of the work), then written here in log order.
        var batch: [[StoredEvent]] = []
        var batchEvents = 0
        var pending: [StoredEvent] = []
        func flush() throws {
            for replayed in try replayBatch(batch, workflows: workflows, calendars: calendars) {
                switch replayed {
                case .people(let people):
                    for person in people { try writePerson(person, db: db) }
                case .case(let state, let schedule, let snapshot):
                    try writeProjection(state, schedule: schedule, db: db, onlyRecentVisits: false, snapshot: snapshot)
                    caseCount += 1
                }
            }
            batch.removeAll(keepingCapacity: true)
            batchEvents = 0
        }
        let cursor = try Row.fetchCursor(db, sql: "SELECT \(eventColumns) FROM event ORDER BY case_id, version")
        while let row = try cursor.next() {
            let event = storedEvent(row)
            eventCount += 1
            if let last = pending.last, last.caseID != event.caseID {
                batch.append(pending)
                batchEvents += pending.count
                pending.removeAll(keepingCapacity: true)
                if batchEvents >= 8_192 { try flush() }
            }
            pending.append(event)
        }
        if !pending.isEmpty { batch.append(pending) }
        try flush()
        return (eventCount, caseCount)
    }

    /// A stream replayed: the people register's entries, or a case's state, deadline and encoded snapshot.
    enum Replayed: Sendable {
        case people([PersonRegistered])
        case `case`(CaseState, CaseSchedule, String)
    }

    /// Replays each stream of the batch (its events in version order), in parallel; the results keep the batch's order.
    /// Throws the error of the first stream, in batch order, that cannot be replayed.
    static func replayBatch(_ batch: [[StoredEvent]], workflows: [String: WorkflowDefinition],
                            calendars: [String: WorkingCalendar]) throws(StoreError) -> [Replayed] {
        let parts = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8, batch.count / 16))
        let results = Mutex<[Int: [Result<Replayed, StoreError>]]>([:])
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            let range = (batch.count * part / parts)..<(batch.count * (part + 1) / parts)
            let replayed = batch[range].map { events in
                Result { () throws(StoreError) in try replay(events, workflows: workflows, calendars: calendars) }
            }
            results.withLock { $0[part] = replayed }
        }
        let ordered = results.withLock { all in (0..<parts).flatMap { all[$0] ?? [] } }
        return try ordered.map { result throws(StoreError) in try result.get() }
    }

    /// One stream's projection, computed from its events alone.
    static func replay(_ events: [StoredEvent], workflows: [String: WorkflowDefinition],
                       calendars: [String: WorkingCalendar]) throws(StoreError) -> Replayed {
        guard let first = events.first else { return .people([]) }
        if first.caseID == PersonRegistered.stream {
            return .people(try events.map { event throws(StoreError) in
                guard let person = try? JSONDecoder().decode(PersonRegistered.self, from: Data(event.payload.utf8)) else {
                    throw StoreError.corrupt("event \(event.sequence) of the people register cannot be read")
                }
                return person
            })
        }
        guard let workflow = workflows["\(first.workflowID)@\(first.workflowVersion)"] else {
            throw StoreError.corrupt("case \(first.caseID) runs under workflow \(first.workflowID) v\(first.workflowVersion), which is not stored")
        }
        let envelopes = try events.map { event throws(StoreError) -> EventEnvelope in
            guard let at = Timestamp(stored: event.occurredAt) else {
                throw StoreError.corrupt("event \(event.sequence) has occurred_at '\(event.occurredAt)'")
            }
            do {
                return EventEnvelope(event: try CaseEvent.decode(type: event.type, payload: event.payload), occurredAt: at)
            } catch {
                throw StoreError.corrupt("event \(event.sequence) (\(event.type)) cannot be read: \(error)")
            }
        }
        guard let state = CaseState.replay(id: first.caseID, workflow: workflow, events: envelopes) else {
            throw StoreError.corrupt("case \(first.caseID) does not start with an opening event")
        }
        let schedule: CaseSchedule
        if let calendar = calendars[workflow.calendar] {
            schedule = CaseSchedule.of(state, workflow: workflow, calendar: calendar, asOf: state.lastOccurredAt.date)
        } else {
            schedule = CaseSchedule(reckoning: nil, problem: "calendar '\(workflow.calendar)' is missing", dueSoonFrom: nil, isSuspended: false)
        }
        do {
            return .case(state, schedule, try snapshotJSON(state))
        } catch {
            throw StoreError.corrupt("the state of case \(first.caseID) cannot be encoded: \(error)")
        }
    }

    /// A fingerprint of each projection table's full contents, in key order: SHA-256 over every value's
    /// bytes, each with its length (the tables are STRICT, so a column's type does not vary).
    static func projectionDigests(_ db: Database) throws -> [String: String] {
        let orders = ["case_state": "id", "stage_visit": "case_id, visit", "suspension": "case_id, visit, number", "person": "name"]
        var digests: [String: String] = [:]
        for table in StoreSchema.projectionTables {
            var hasher = SHA256()
            let cursor = try Row.fetchCursor(db, sql: "SELECT * FROM \(table) ORDER BY \(orders[table] ?? "rowid")")
            while let row = try cursor.next() {
                for index in 0..<row.count {
                    try row.withUnsafeData(atIndex: index) { data in
                        // -1 for NULL, else the length, then the bytes: no two different rows feed the same input.
                        var length = Int64(data?.count ?? -1).littleEndian
                        withUnsafeBytes(of: &length) { hasher.update(bufferPointer: $0) }
                        if let data { hasher.update(data: data) }
                    }
                }
            }
            digests[table] = EventHash.hex(hasher.finalize())
        }
        return digests
    }
}
