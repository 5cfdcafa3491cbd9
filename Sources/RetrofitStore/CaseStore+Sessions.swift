import Foundation
import GRDB
import RetrofitCore

/// Sessions, failed sign-ins and request keys: working data of a server, not part of the log.
extension CaseStore {
    public func createSession(digest: String, _ session: StoredSession) throws(StoreError) {
        try write { db in
            try db.execute(sql: "INSERT INTO session (digest, person, csrf_token, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)",
                           arguments: [digest, session.person, session.csrfToken, session.createdAt.secondsSinceEpoch, session.lastSeenAt.secondsSinceEpoch])
        }
    }

    public func session(digest: String) throws(StoreError) -> StoredSession? {
        try read { db in
            try Row.fetchOne(db.cachedStatement(sql: "SELECT person, csrf_token, created_at, last_seen_at FROM session WHERE digest = ?"),
                             arguments: [digest]).map { row in
                StoredSession(person: row["person"], csrfToken: row["csrf_token"],
                              createdAt: Timestamp(secondsSinceEpoch: row["created_at"]), lastSeenAt: Timestamp(secondsSinceEpoch: row["last_seen_at"]))
            }
        }
    }

    public func touchSession(digest: String, at time: Timestamp) throws(StoreError) {
        try write { db in
            try db.execute(sql: "UPDATE session SET last_seen_at = ? WHERE digest = ?", arguments: [time.secondsSinceEpoch, digest])
        }
    }

    public func deleteSession(digest: String) throws(StoreError) {
        try write { db in try db.execute(sql: "DELETE FROM session WHERE digest = ?", arguments: [digest]) }
    }

    /// Removes sessions last seen before `idleBefore` or created before `createdBefore`, and failed sign-ins and
    /// request keys older than their windows.
    public func purgeExpired(sessionsIdleBefore idleBefore: Timestamp, createdBefore: Timestamp, failuresBefore: Timestamp,
                             requestKeysBefore: Timestamp) throws(StoreError) {
        try write { db in
            try db.execute(sql: "DELETE FROM session WHERE last_seen_at < ? OR created_at < ?",
                           arguments: [idleBefore.secondsSinceEpoch, createdBefore.secondsSinceEpoch])
            try db.execute(sql: "DELETE FROM sign_in_failure WHERE at < ?", arguments: [failuresBefore.secondsSinceEpoch])
            try db.execute(sql: "DELETE FROM request_key WHERE created_at < ?", arguments: [requestKeysBefore.secondsSinceEpoch])
        }
    }

    public func recordSignInFailure(name: String, address: String, at time: Timestamp) throws(StoreError) {
        try write { db in
            try db.execute(sql: "INSERT INTO sign_in_failure (name, address, at) VALUES (?, ?, ?)", arguments: [name, address, time.secondsSinceEpoch])
        }
    }

    /// The times of failed sign-ins since `since`, oldest first, for a name and for an address.
    public func signInFailures(name: String, address: String, since: Timestamp) throws(StoreError) -> (name: [Timestamp], address: [Timestamp]) {
        try read { db in
            let byName = try Int64.fetchAll(db.cachedStatement(sql: "SELECT at FROM sign_in_failure WHERE name = ? AND at >= ? ORDER BY at"),
                                            arguments: [name, since.secondsSinceEpoch])
            let byAddress = try Int64.fetchAll(db.cachedStatement(sql: "SELECT at FROM sign_in_failure WHERE address = ? AND at >= ? ORDER BY at"),
                                               arguments: [address, since.secondsSinceEpoch])
            return (byName.map(Timestamp.init(secondsSinceEpoch:)), byAddress.map(Timestamp.init(secondsSinceEpoch:)))
        }
    }

    /// Forgets a name's failed sign-ins (after it signed in).
    public func clearSignInFailures(name: String) throws(StoreError) {
        try write { db in try db.execute(sql: "DELETE FROM sign_in_failure WHERE name = ?", arguments: [name]) }
    }

    public func requestKey(person: String, key: String) throws(StoreError) -> StoredRequestKey? {
        try read { db in
            try Row.fetchOne(db.cachedStatement(sql: "SELECT fingerprint, case_id, status, content_type, body FROM request_key WHERE person = ? AND key = ?"),
                             arguments: [person, key]).map { row in
                StoredRequestKey(person: person, key: key, fingerprint: row["fingerprint"], caseID: row["case_id"],
                                 status: (row["status"] as Int64?).map(Int.init), contentType: row["content_type"],
                                 body: (row["body"] as Data?).map { Array($0) })
            }
        }
    }

    /// Records the answer to a keyed request (the row exists when a case write recorded the key).
    public func recordAnswer(_ key: StoredRequestKey, at time: Timestamp) throws(StoreError) {
        try write { db in
            try db.execute(sql: """
                INSERT INTO request_key (person, key, fingerprint, case_id, status, content_type, body, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (person, key) DO UPDATE SET status = excluded.status, content_type = excluded.content_type, body = excluded.body
                """, arguments: [key.person, key.key, key.fingerprint, key.caseID, key.status, key.contentType,
                                 key.body.map { Data($0) }, time.secondsSinceEpoch])
        }
    }

    /// Inside a case write's transaction: the key is recorded with the case, or the write is refused when the key
    /// was recorded already (a retry that raced its first attempt).
    static func recordRequestKey(_ key: StoredRequestKey, caseID: String, at time: Timestamp, db: Database) throws {
        try db.execute(sql: "INSERT INTO request_key (person, key, fingerprint, case_id, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                       arguments: [key.person, key.key, key.fingerprint, caseID, time.secondsSinceEpoch])
        if db.changesCount == 0 { throw StoreError.requestAlreadyCarriedOut(key: key.key) }
    }
}
