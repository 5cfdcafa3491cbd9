import Foundation
import GRDB
import RetrofitStore

/// What someone with write access to the database file can do with SQLite alone: drop the append-only
/// triggers, rewrite events, and recompute the hash chain so that it verifies again.
public enum ChainForgery {
    /// Drops the event table's triggers, runs `sql` on the event table, then recomputes every event's hash as a
    /// forger would from the documented rule (SHA-256, hex, of the previous hash and the event's fields joined by
    /// 0x1F), not by calling retrofit's code. Returns how many rows `sql` changed.
    @discardableResult
    public static func rewrite(_ path: String, _ sql: String) throws -> Int {
        let queue = try DatabaseQueue(path: path)
        return try queue.write { db in
            try db.execute(sql: "DROP TRIGGER IF EXISTS event_is_append_only_update")
            try db.execute(sql: "DROP TRIGGER IF EXISTS event_is_append_only_delete")
            try db.execute(sql: sql)
            let changed = db.changesCount
            var previous = String(repeating: "0", count: 64)
            let rows = try Row.fetchAll(db, sql: """
                SELECT sequence, case_id, version, type, occurred_at, recorded_at, actor, workflow_id, workflow_version, payload
                FROM event ORDER BY sequence
                """)
            for row in rows {
                let sequence: Int64 = row[0]
                let fields: [String] = [previous, String(sequence), row[1], String(row[2] as Int), row[3], row[4], row[5], row[6], row[7],
                                        String(row[8] as Int), row[9]]
                let hash = EventHash.digest(Data(fields.joined(separator: "\u{1F}").utf8))
                try db.execute(sql: "UPDATE event SET hash = ? WHERE sequence = ?", arguments: [hash, sequence])
                previous = hash
            }
            return changed
        }
    }

    /// Drops the event table's triggers and runs `sql`, leaving the hashes as they were.
    public static func edit(_ path: String, _ sql: String) throws {
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "DROP TRIGGER IF EXISTS event_is_append_only_update")
            try db.execute(sql: "DROP TRIGGER IF EXISTS event_is_append_only_delete")
            try db.execute(sql: sql)
        }
    }

    /// Drops the checkpoint table's triggers and deletes every stored checkpoint.
    public static func deleteCheckpoints(_ path: String) throws {
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "DROP TRIGGER IF EXISTS audit_checkpoint_is_append_only_delete")
            try db.execute(sql: "DELETE FROM audit_checkpoint")
        }
    }

    /// Re-signs every stored checkpoint over the log as it is now, with a new key of the forger's own.
    public static func resignCheckpoints(_ path: String) throws {
        let key = AuditSigningKey()
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "DROP TRIGGER IF EXISTS audit_checkpoint_is_append_only_update")
            for row in try Row.fetchAll(db, sql: "SELECT number, sequence, signed_at FROM audit_checkpoint") {
                let sequence: Int64 = row[1]
                let hash = try String.fetchOne(db, sql: "SELECT hash FROM event WHERE sequence = ?", arguments: [sequence]) ?? ""
                let content = CheckpointContent(sequence: sequence, hash: hash, signedAt: row[2])
                try db.execute(sql: "UPDATE audit_checkpoint SET hash = ?, public_key = ?, signature = ? WHERE number = ?",
                               arguments: [hash, key.publicKey.base64, try key.sign(content), row[0] as Int64])
            }
        }
    }
}
