import Foundation
import GRDB
import RetrofitCore

extension CaseStore {
    /// Writes a case's query rows. With `onlyRecentVisits`, only the last two visits are rewritten:
    /// an event changes at most the visit it ends and the one it starts.
    /// - Parameter snapshot: `snapshotJSON(state)` when the caller has it already.
    static func writeProjection(_ state: CaseState, schedule: CaseSchedule, db: Database, onlyRecentVisits: Bool,
                                snapshot encoded: String? = nil) throws {
        let snapshot = try encoded ?? snapshotJSON(state)
        let running = state.status == .active
        try db.cachedStatement(sql: """
            INSERT OR REPLACE INTO case_state (id, workflow_id, workflow_version, stage, status, version, helper, district,
                priority, difficulty, opened_at, stage_entered_at, last_occurred_at, deadline, due_soon_from,
                deadline_problem, commissioned_on, snapshot)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                state.id, state.workflowID, state.workflowVersion, state.stage, state.status.rawValue, state.version,
                state.helper, state.fields["district"], state.priority.rawValue, state.difficulty.rawValue,
                state.openedAt.description, state.stageEnteredAt.description, state.lastOccurredAt.description,
                running ? schedule.deadline?.description : nil,
                running ? schedule.dueSoonFrom?.description : nil,
                schedule.problem, state.milestones["commissioned"]?.description, snapshot,
            ])
        let first = onlyRecentVisits ? max(0, state.visits.count - 2) : 0
        if !onlyRecentVisits {
            try db.cachedStatement(sql: "DELETE FROM stage_visit WHERE case_id = ?").execute(arguments: [state.id])
            try db.cachedStatement(sql: "DELETE FROM suspension WHERE case_id = ?").execute(arguments: [state.id])
        }
        let lastDay = state.lastOccurredAt.date
        for index in first..<state.visits.count {
            let visit = state.visits[index]
            try db.cachedStatement(sql: """
                INSERT OR REPLACE INTO stage_visit (case_id, visit, stage, entered_at, left_at, suspended_days)
                VALUES (?, ?, ?, ?, ?, ?)
                """).execute(arguments: [state.id, index + 1, visit.stage, visit.enteredAt.description,
                                         visit.leftAt?.description, visit.suspendedDays(asOf: visit.leftAt?.date ?? lastDay)])
            for (number, suspension) in visit.suspensions.enumerated() {
                try db.cachedStatement(sql: """
                    INSERT OR REPLACE INTO suspension (case_id, visit, number, stage, from_at, until_at, reason, note)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """).execute(arguments: [state.id, index + 1, number + 1, visit.stage, suspension.from.description,
                                             suspension.until?.description, suspension.reason.rawValue, suspension.note])
            }
        }
    }

    /// The state as stored in `case_state.snapshot`.
    static func snapshotJSON(_ state: CaseState) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(state), as: UTF8.self)
    }
}
