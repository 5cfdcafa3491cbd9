import Foundation
import GRDB
import RetrofitCore

extension CaseStore {
    /// Writes a case's query rows. With `onlyRecentVisits`, only the last two visits are rewritten:
    /// an event changes at most the visit it ends and the one it starts.
    /// - Parameter snapshot: `snapshotJSON(state)` when the caller has it already.
    static func writeProjection(_ state: CaseState, schedule: CaseSchedule, db: Database, onlyRecentVisits: Bool,
                                snapshot encoded: String? = nil) throws {
        let rows = ProjectionRows(state, schedule: schedule, snapshot: encoded.map { Array($0.utf8) } ?? state.jsonBytes())
        try db.cachedStatement(sql: insertCaseSQL).execute(arguments: rows.arguments(rows.caseRow))
        let first = firstRewrittenVisit(visitCount: rows.visitCount, onlyRecentVisits: onlyRecentVisits)
        if !onlyRecentVisits {
            try db.cachedStatement(sql: "DELETE FROM stage_visit WHERE case_id = ?").execute(arguments: [state.id])
            try db.cachedStatement(sql: "DELETE FROM suspension WHERE case_id = ?").execute(arguments: [state.id])
        }
        for index in first..<rows.visitCount {
            try db.cachedStatement(sql: insertVisitSQL).execute(arguments: rows.arguments(rows.visitRow(index)))
        }
        for index in 0..<rows.suspensionCount where rows.visitNumber(ofSuspension: index) > first {
            try db.cachedStatement(sql: insertSuspensionSQL).execute(arguments: rows.arguments(rows.suspensionRow(index)))
        }
    }

    /// The first visit `writeProjection` rewrites: with `onlyRecentVisits`, the last two.
    public static func firstRewrittenVisit(visitCount: Int, onlyRecentVisits: Bool) -> Int {
        onlyRecentVisits ? max(0, visitCount - 2) : 0
    }

    // The statements that write ProjectionRows, one parameter per column in its order.
    static let insertCaseSQL = """
        INSERT OR REPLACE INTO case_state (id, workflow_id, workflow_version, stage, status, version, helper, district,
            priority, difficulty, opened_at, stage_entered_at, last_occurred_at, deadline, due_soon_from,
            deadline_problem, commissioned_on, snapshot, deadline_provisional)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """
    static let insertVisitSQL = """
        INSERT OR REPLACE INTO stage_visit (case_id, visit, stage, entered_at, left_at, suspended_days, working_days,
            suspended_working_days)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """
    static let insertSuspensionSQL = """
        INSERT OR REPLACE INTO suspension (case_id, visit, number, stage, from_at, until_at, reason, note)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """
    /// The columns of ProjectionRows' rows, for reading stored rows in the same order.
    static let caseColumns = """
        id, workflow_id, workflow_version, stage, status, version, helper, district, priority, difficulty, opened_at,
        stage_entered_at, last_occurred_at, deadline, due_soon_from, deadline_problem, commissioned_on, snapshot,
        deadline_provisional
        """
    static let visitColumns = "case_id, visit, stage, entered_at, left_at, suspended_days, working_days, suspended_working_days"
    static let suspensionColumns = "case_id, visit, number, stage, from_at, until_at, reason, note"

    /// The state as stored in `case_state.snapshot`.
    static func snapshotJSON(_ state: CaseState) throws -> String {
        state.jsonText()
    }
}
