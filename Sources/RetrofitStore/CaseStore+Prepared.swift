import Foundation
import GRDB
import RetrofitCore

/// A new case's history with its JSON already encoded: the CPU-heavy half of a bulk append, which a
/// loader can do on another thread while the previous batch is written. Made by `CaseStore.prepare`.
public struct PreparedCaseHistory: Sendable {
    struct Row: Sendable {
        let type: String
        let occurredAt: String
        let recordedAt: String
        let actor: String
        let payload: String
    }

    let caseID: String
    let workflow: WorkflowDefinition
    let rows: [Row]
    let state: CaseState
    let schedule: CaseSchedule
    /// The encoded state, or nil to encode it while appending.
    let snapshot: String?

    /// How many events the history holds.
    public var eventCount: Int { rows.count }
}

extension CaseStore {
    /// Encodes a history's events and final state; touches no database, so it may run on any thread.
    ///
    /// - Parameter encodingState: false to leave the state's encoding (about half the work) to `appendPrepared`,
    ///   which balances the two threads of a pipelined load.
    public func prepare(_ history: CaseHistoryAppend, encodingState: Bool = true) throws(StoreError) -> PreparedCaseHistory {
        do {
            let rows = try history.entries.map { entry in
                PreparedCaseHistory.Row(type: entry.event.type, occurredAt: entry.occurredAt.description,
                                        recordedAt: entry.recordedAt.description, actor: entry.actor,
                                        payload: try entry.event.payloadJSON())
            }
            return PreparedCaseHistory(caseID: history.caseID, workflow: history.workflow, rows: rows, state: history.state,
                                       schedule: history.schedule,
                                       snapshot: encodingState ? try CaseStore.snapshotJSON(history.state) : nil)
        } catch {
            throw CaseStore.translate(error, path: path)
        }
    }

    /// Appends prepared histories of new cases in one transaction (what `appendHistories` does once encoded).
    ///
    /// - Throws: `StoreError.conflict` if any of the cases already has events (nothing is written).
    public func appendPrepared(_ histories: [PreparedCaseHistory]) throws(StoreError) {
        try write { db in
            var chain = try ChainCursor(db: db)
            var stored: Set<String> = []
            for history in histories {
                let existing = try Int.fetchOne(db.cachedStatement(sql: "SELECT MAX(version) FROM event WHERE case_id = ?"), arguments: [history.caseID]) ?? 0
                guard existing == 0 else { throw StoreError.conflict(caseID: history.caseID, expected: 0, actual: existing) }
                let key = "\(history.workflow.id)@\(history.workflow.version)"
                if stored.insert(key).inserted { try storeDefinition(history.workflow, db: db) }
                for (offset, row) in history.rows.enumerated() {
                    try chain.insert(db: db, caseID: history.caseID, version: offset + 1, type: row.type,
                                     occurredAt: row.occurredAt, recordedAt: row.recordedAt, actor: row.actor, payload: row.payload,
                                     workflowID: history.workflow.id, workflowVersion: history.workflow.version)
                }
                try CaseStore.writeProjection(history.state, schedule: history.schedule, db: db, onlyRecentVisits: false,
                                              snapshot: history.snapshot)
            }
        }
    }
}
