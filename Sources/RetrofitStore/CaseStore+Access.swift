import Foundation
import GRDB
import RetrofitCore

/// Sign-in's tables: passwords, API tokens, sessions, failed sign-ins, request keys. Each change to a person's
/// access is also an `access-changed` event in the people stream, in the same transaction, so the log says who
/// set whose password or disabled whom — never the secret.
extension CaseStore {
    /// A registered person with whether they have a password; nil for a name not in the register.
    public func access(of name: String) throws(StoreError) -> StoredPersonAccess? {
        try read { db in
            guard let row = try Row.fetchOne(db.cachedStatement(sql: """
                SELECT name, role, district, disabled, EXISTS (SELECT 1 FROM credential_password WHERE person = name) AS has_password
                FROM person WHERE name = ?
                """), arguments: [name]),
                let role = (row["role"] as String?).flatMap(Role.init) else { return nil }
            var person = PersonRegistered(name: name, role: role, district: row["district"] as String?)
            person.isActive = (row["disabled"] as Int64?) != 1
            return StoredPersonAccess(person: person, hasPassword: (row["has_password"] as Int64?) == 1)
        }
    }

    /// Whether an enabled admin with a password exists.
    public func hasAdminWhoCanSignIn() throws(StoreError) -> Bool {
        try read { db in
            try Bool.fetchOne(db, sql: """
                SELECT EXISTS (SELECT 1 FROM person JOIN credential_password ON person = name
                               WHERE role = 'admin' AND disabled = 0)
                """) ?? false
        }
    }

    /// The bcrypt hash of `name`'s password; nil when they have none.
    public func passwordHash(of name: String) throws(StoreError) -> String? {
        try read { db in try String.fetchOne(db.cachedStatement(sql: "SELECT hash FROM credential_password WHERE person = ?"), arguments: [name]) }
    }

    /// Sets `name`'s password hash and records that it was set.
    public func setPasswordHash(_ hash: String, of name: String, stamp: AccessChangeStamp) throws(StoreError) {
        try write { db in
            try db.execute(sql: """
                INSERT INTO credential_password (person, hash, set_at) VALUES (?, ?, ?)
                ON CONFLICT (person) DO UPDATE SET hash = excluded.hash, set_at = excluded.set_at
                """, arguments: [name, hash, stamp.recordedAt.secondsSinceEpoch])
            try appendAccessChange(AccessChanged(name: name, change: .passwordSet), stamp: stamp, db: db)
        }
    }

    /// Stores a new API token's digest; false (nothing written) when `name` already has a token labelled `label`.
    public func addToken(digest: String, of name: String, label: String, expiresOn: CivilDate?, stamp: AccessChangeStamp) throws(StoreError) -> Bool {
        try write { db in
            let taken = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM credential_token WHERE person = ? AND label = ?)", arguments: [name, label]) ?? false
            if taken { return false }
            try db.execute(sql: "INSERT INTO credential_token (digest, person, label, created_at, expires_on) VALUES (?, ?, ?, ?, ?)",
                           arguments: [digest, name, label, stamp.recordedAt.secondsSinceEpoch, expiresOn?.description])
            try appendAccessChange(AccessChanged(name: name, change: .tokenIssued, label: label), stamp: stamp, db: db)
            return true
        }
    }

    /// `name`'s tokens by label.
    public func tokens(of name: String) throws(StoreError) -> [StoredToken] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT label, created_at, expires_on, revoked_at FROM credential_token WHERE person = ? ORDER BY label",
                             arguments: [name]).map { row in
                StoredToken(person: name, label: row["label"], createdAt: Timestamp(secondsSinceEpoch: row["created_at"]),
                            expiresOn: (row["expires_on"] as String?).flatMap { CivilDate(iso: $0) },
                            revokedAt: (row["revoked_at"] as Int64?).map(Timestamp.init(secondsSinceEpoch:)))
            }
        }
    }

    /// The token with this digest; nil for none.
    public func token(digest: String) throws(StoreError) -> StoredToken? {
        try read { db in
            try Row.fetchOne(db.cachedStatement(sql: "SELECT person, label, created_at, expires_on, revoked_at FROM credential_token WHERE digest = ?"),
                             arguments: [digest]).map { row in
                StoredToken(person: row["person"], label: row["label"], createdAt: Timestamp(secondsSinceEpoch: row["created_at"]),
                            expiresOn: (row["expires_on"] as String?).flatMap { CivilDate(iso: $0) },
                            revokedAt: (row["revoked_at"] as Int64?).map(Timestamp.init(secondsSinceEpoch:)))
            }
        }
    }

    /// Revokes `name`'s token `label`; false when there is no such token or it was revoked already.
    public func revokeToken(of name: String, label: String, stamp: AccessChangeStamp) throws(StoreError) -> Bool {
        try write { db in
            try db.execute(sql: "UPDATE credential_token SET revoked_at = ? WHERE person = ? AND label = ? AND revoked_at IS NULL",
                           arguments: [stamp.recordedAt.secondsSinceEpoch, name, label])
            guard db.changesCount == 1 else { return false }
            try appendAccessChange(AccessChanged(name: name, change: .tokenRevoked, label: label), stamp: stamp, db: db)
            return true
        }
    }

    /// Disables or enables `name`; disabling ends their sessions. False when they already were so.
    public func setDisabled(_ disabled: Bool, person name: String, stamp: AccessChangeStamp) throws(StoreError) -> Bool {
        try write { db in
            try db.execute(sql: "UPDATE person SET disabled = ? WHERE name = ? AND disabled = ?",
                           arguments: [disabled ? 1 : 0, name, disabled ? 0 : 1])
            guard db.changesCount == 1 else { return false }
            if disabled { try db.execute(sql: "DELETE FROM session WHERE person = ?", arguments: [name]) }
            try appendAccessChange(AccessChanged(name: name, change: disabled ? .disabled : .enabled), stamp: stamp, db: db)
            return true
        }
    }

    private func appendAccessChange(_ change: AccessChanged, stamp: AccessChangeStamp, db: Database) throws {
        let version = try Int.fetchOne(db, sql: "SELECT MAX(version) FROM event WHERE case_id = ?", arguments: [PersonRegistered.stream]) ?? 0
        var chain = try ChainCursor(db: db)
        _ = try chain.insert(db: db, caseID: PersonRegistered.stream, version: version + 1, type: AccessChanged.type,
                             occurredAt: stamp.at.description, recordedAt: stamp.recordedAt.description, actor: stamp.actor,
                             payload: change.payloadJSON(), workflowID: "people", workflowVersion: 0)
    }
}
