import Foundation
import GRDB
import RetrofitCore

extension CaseStore {
    /// The first event of each of `caseIDs` that exists: how an import recognises rows it brought in before.
    public func firstEvents(ofCases caseIDs: [String]) throws(StoreError) -> [String: StoredEvent] {
        var found: [String: StoredEvent] = [:]
        var start = 0
        while start < caseIDs.count {
            let chunk = Array(caseIDs[start..<min(caseIDs.count, start + 500)])
            start += chunk.count
            let marks = Array(repeating: "?", count: chunk.count).joined(separator: ", ")
            let events = try read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM event WHERE version = 1 AND case_id IN (\(marks))",
                                 arguments: StatementArguments(chunk)).map(CaseStore.storedEvent)
            }
            for event in events { found[event.caseID] = event }
        }
        return found
    }

    /// Every case's state in id order, optionally only those of one workflow: what an export writes.
    public func caseStates(workflow: String? = nil) throws(StoreError) -> [CaseState] {
        let rows = try read { db in
            try Row.fetchAll(db, sql: "SELECT id, snapshot FROM case_state WHERE ? IS NULL OR workflow_id = ? ORDER BY id",
                             arguments: [workflow, workflow])
        }
        var states: [CaseState] = []
        for row in rows {
            let id = row["id"] as String? ?? "?"
            guard let snapshot = row["snapshot"] as String?, let state = try? CaseState(json: snapshot) else {
                throw .unreadableState(caseID: id, problem: nil)
            }
            states.append(state)
        }
        return states
    }
}
