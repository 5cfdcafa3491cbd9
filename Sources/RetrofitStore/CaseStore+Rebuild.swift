import Foundation
import GRDB
import RetrofitCore

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
        var pending: [StoredEvent] = []
        func flush() throws {
            guard let first = pending.first else { return }
            defer { pending.removeAll(keepingCapacity: true) }
            if first.caseID == PersonRegistered.stream {
                for event in pending {
                    guard let person = try? JSONDecoder().decode(PersonRegistered.self, from: Data(event.payload.utf8)) else {
                        throw StoreError.corrupt("event \(event.sequence) of the people register cannot be read")
                    }
                    try writePerson(person, db: db)
                }
                return
            }
            guard let workflow = workflows["\(first.workflowID)@\(first.workflowVersion)"] else {
                throw StoreError.corrupt("case \(first.caseID) runs under workflow \(first.workflowID) v\(first.workflowVersion), which is not stored")
            }
            let envelopes = try pending.map { event -> EventEnvelope in
                guard let at = Timestamp(iso: event.occurredAt) else {
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
            try writeProjection(state, schedule: schedule, db: db, onlyRecentVisits: false)
            caseCount += 1
        }
        let cursor = try Row.fetchCursor(db, sql: "SELECT * FROM event ORDER BY case_id, version")
        while let row = try cursor.next() {
            let event = storedEvent(row)
            eventCount += 1
            if let last = pending.last, last.caseID != event.caseID { try flush() }
            pending.append(event)
        }
        try flush()
        return (eventCount, caseCount)
    }

    /// A fingerprint of each projection table's full contents, in key order.
    static func projectionDigests(_ db: Database) throws -> [String: String] {
        let orders = ["case_state": "id", "stage_visit": "case_id, visit", "suspension": "case_id, visit, number", "person": "name"]
        var digests: [String: String] = [:]
        for table in StoreSchema.projectionTables {
            var text = ""
            let cursor = try Row.fetchCursor(db, sql: "SELECT * FROM \(table) ORDER BY \(orders[table] ?? "rowid")")
            while let row = try cursor.next() {
                text += row.description
                text += "\n"
                if text.utf8.count > 1 << 20 {
                    text = EventHash.digest(Data(text.utf8))
                }
            }
            digests[table] = EventHash.digest(Data(text.utf8))
        }
        return digests
    }
}
