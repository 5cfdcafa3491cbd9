import GRDB

/// A signed head of the log, as stored.
public struct StoredCheckpoint: Sendable, Hashable {
    /// 1 for the first checkpoint signed in this database, and so on.
    public let number: Int64
    public let content: CheckpointContent
    /// The signing key's public half (base64), as the signer claimed it: check against a key kept elsewhere.
    public let publicKey: String
    /// Base64 of the Ed25519 signature of `content.canonicalBytes`.
    public let signature: String
}

extension CaseStore {
    /// Every stored checkpoint, oldest first.
    public func checkpoints() throws(StoreError) -> [StoredCheckpoint] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT number, sequence, hash, signed_at, public_key, signature FROM audit_checkpoint ORDER BY number")
                .map(CaseStore.checkpoint)
        }
    }

    /// The checkpoint signed last, or nil.
    public func latestCheckpoint() throws(StoreError) -> StoredCheckpoint? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT number, sequence, hash, signed_at, public_key, signature FROM audit_checkpoint ORDER BY number DESC LIMIT 1")
                .map(CaseStore.checkpoint)
        }
    }

    /// Stores a signed checkpoint and returns it with its number.
    public func addCheckpoint(_ content: CheckpointContent, publicKey: String, signature: String) throws(StoreError) -> StoredCheckpoint {
        try write { db in
            try db.execute(sql: "INSERT INTO audit_checkpoint (sequence, hash, signed_at, public_key, signature) VALUES (?, ?, ?, ?, ?)",
                           arguments: [content.sequence, content.hash, content.signedAt, publicKey, signature])
            return StoredCheckpoint(number: db.lastInsertedRowID, content: content, publicKey: publicKey, signature: signature)
        }
    }

    /// The hash stored with event `sequence`, or nil when the log has no such event.
    public func storedHash(at sequence: Int64) throws(StoreError) -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT hash FROM event WHERE sequence = ?", arguments: [sequence]) }
    }

    private static func checkpoint(_ row: Row) -> StoredCheckpoint {
        StoredCheckpoint(number: row[0], content: CheckpointContent(sequence: row[1], hash: row[2], signedAt: row[3]),
                         publicKey: row[4], signature: row[5])
    }
}
