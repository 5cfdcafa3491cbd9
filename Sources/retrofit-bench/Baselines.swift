import Foundation
import GRDB

/// SQL scripts that make the sqlite3 shell do what retrofit's store did: the same statements, the same
/// rows (read back from the database retrofit wrote), the same transactions and durability.
enum Baselines {
    static func readOnly(_ path: String) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.readonly = true
        return try DatabaseQueue(path: path, configuration: configuration)
    }

    static func runShell(_ sqlite3: String, db: String, script: String, output: String? = nil, memory: Bool = false) throws -> Spawn.Run {
        try Spawn.checked(sqlite3, ["-bail", db], stdin: script, stdout: output, memory: memory)
    }

    /// What `CaseService.execute` ran for the command that took `source` past `afterVersion` — two reads, then
    /// one IMMEDIATE transaction (version check, workflow digest, chain head, event rows, projection rows) —
    /// aimed at `twin`, a case with the same history, so the shell writes the same rows to a real case.
    static func command(_ script: inout SQLScript, db: Database, source: String, twin: String, afterVersion: Int) throws {
        guard let state = try Row.fetchOne(db, sql: "SELECT * FROM case_state WHERE id = ?", arguments: [source]) else {
            throw Spawn.Failure(description: "no case \(source)")
        }
        let twinText = SQLText.quote(twin)
        script.line("SELECT c.snapshot, w.source FROM case_state c JOIN workflow_definition w ON w.id = c.workflow_id AND w.version = c.workflow_version WHERE c.id = \(twinText);")
        script.line("SELECT name, role, district FROM person ORDER BY name;")
        script.line("BEGIN IMMEDIATE;")
        script.line("SELECT MAX(version) FROM event WHERE case_id = \(twinText);")
        script.line("SELECT digest FROM workflow_definition WHERE id = \(SQLText.literal(state["workflow_id"] as DatabaseValue)) AND version = \(SQLText.literal(state["workflow_version"] as DatabaseValue));")
        let head = "(SELECT sequence FROM event ORDER BY sequence DESC LIMIT 1) + 1"
        for event in try Row.fetchAll(db, sql: "SELECT * FROM event WHERE case_id = ? AND version > ? ORDER BY version", arguments: [source, afterVersion]) {
            script.line("SELECT sequence, hash FROM event ORDER BY sequence DESC LIMIT 1;")
            script.insert("event", event, replacing: ["sequence": head, "case_id": twinText])
        }
        let snapshot = (state["snapshot"] as String? ?? "").replacingOccurrences(of: source, with: twin)
        script.insert("case_state", state, orReplace: true, replacing: ["id": twinText, "snapshot": SQLText.quote(snapshot)])
        let visits = try Row.fetchAll(db, sql: "SELECT * FROM stage_visit WHERE case_id = ? ORDER BY visit DESC LIMIT 2", arguments: [source]).reversed()
        for visit in visits {
            script.insert("stage_visit", visit, orReplace: true, replacing: ["case_id": twinText])
            for suspension in try Row.fetchAll(db, sql: "SELECT * FROM suspension WHERE case_id = ? AND visit = ? ORDER BY number",
                                               arguments: [source, visit["visit"] as Int? ?? 0]) {
                script.insert("suspension", suspension, orReplace: true, replacing: ["case_id": twinText])
            }
        }
        script.line("COMMIT;")
    }

    /// A case's projection rows as `appendHistories` and `rebuild` write them (all visits, after deleting the old ones).
    static func projection(_ script: inout SQLScript, db: Database, caseID: String, deleting: Bool) throws {
        let id = SQLText.quote(caseID)
        if let state = try Row.fetchOne(db, sql: "SELECT * FROM case_state WHERE id = ?", arguments: [caseID]) {
            script.insert("case_state", state, orReplace: true)
        }
        if deleting {
            script.line("DELETE FROM stage_visit WHERE case_id = \(id);")
            script.line("DELETE FROM suspension WHERE case_id = \(id);")
        }
        for visit in try Row.fetchAll(db, sql: "SELECT * FROM stage_visit WHERE case_id = ? ORDER BY visit", arguments: [caseID]) {
            script.insert("stage_visit", visit, orReplace: true)
            for suspension in try Row.fetchAll(db, sql: "SELECT * FROM suspension WHERE case_id = ? AND visit = ? ORDER BY number",
                                               arguments: [caseID, visit["visit"] as Int? ?? 0]) {
                script.insert("suspension", suspension, orReplace: true)
            }
        }
    }

    /// The overdue query with the columns `retrofit overdue` prints, as an aligned table, and its summary line.
    static func overdue(_ script: inout SQLScript, date: String) {
        let condition = "status = 'active' AND deadline < \(SQLText.quote(date))"
        script.line(".headers on")
        script.line(".mode column")
        script.line("SELECT id AS \"case\", stage, deadline, CAST(julianday(\(SQLText.quote(date))) - julianday(deadline) AS INTEGER) || ' d' AS late, helper, district FROM case_state WHERE \(condition) ORDER BY deadline, id;")
        script.line(".headers off")
        script.line(".mode list")
        script.line("SELECT count(*) || ' overdue on \(date)' FROM case_state WHERE \(condition);")
    }

    /// The reads `retrofit case show` makes: the case with its workflow, then its last 20 events.
    static func show(_ script: inout SQLScript, caseID: String, afterVersion: Int) {
        let id = SQLText.quote(caseID)
        script.line("SELECT c.snapshot, w.source FROM case_state c JOIN workflow_definition w ON w.id = c.workflow_id AND w.version = c.workflow_version WHERE c.id = \(id);")
        script.line("SELECT * FROM event WHERE case_id = \(id) AND version > \(afterVersion) ORDER BY version LIMIT 9223372036854775807;")
    }

    /// The rows `report bottlenecks` reads: every case's standing, every suspension, every stage visit in case order.
    static func bottlenecks(_ script: inout SQLScript) {
        script.line("SELECT id, workflow_id, stage, status, district, helper, deadline, commissioned_on FROM case_state ORDER BY id;")
        script.line("SELECT case_id, visit, from_at, until_at, reason FROM suspension;")
        script.line("SELECT case_id, visit, stage, entered_at, left_at, suspended_days, working_days FROM stage_visit ORDER BY case_id, visit;")
    }

    /// The rows `report commissioned --year` reads: the year's commissioned cases with their state, and their events' times.
    static func commissioned(_ script: inout SQLScript, year: Int) {
        let period = "commissioned_on >= '\(year)-01-01' AND commissioned_on <= '\(year)-12-31'"
        script.line("SELECT id, snapshot FROM case_state WHERE \(period) ORDER BY commissioned_on, id;")
        script.line("""
            SELECT e.case_id, e.version, e.type, e.occurred_at, e.recorded_at FROM event e \
            WHERE e.case_id IN (SELECT id FROM case_state WHERE \(period)) ORDER BY e.case_id, e.version;
            """)
    }

    /// What `audit verify` reads: every event in log order, hashed (SHA3 here, SHA-256 chained there).
    static func verify(_ script: inout SQLScript) {
        script.line("SELECT hex(sha3_query('SELECT * FROM event ORDER BY sequence', 256));")
    }
}
