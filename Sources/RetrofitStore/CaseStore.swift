import Foundation
import GRDB
import RetrofitCore

/// The one place that touches SQLite: the append-only event log and the projections derived from it.
///
/// Every write is one transaction: events, hash chain and projections land together or not at all.
public struct CaseStore: Sendable {
    /// The database file, or `:memory:` for a store in memory: named in error messages.
    public let path: String
    let writer: any DatabaseWriter

    /// How the database is opened.
    public enum Access: Sendable {
        /// Reads only; the file must exist.
        case read
        /// Reads and writes; the file is created when missing.
        case write
    }

    /// Opens (or, for `.write`, creates) the database at `path`.
    ///
    /// - Throws: `StoreError` when the file is not a retrofit database, is from a newer retrofit,
    ///   cannot be created, or is locked past the busy timeout.
    public init(path: String, access: Access, busyTimeoutSeconds: Int = 10) throws(StoreError) {
        self.path = path
        let exists = FileManager.default.fileExists(atPath: path)
        if access == .read, !exists { throw .noDatabase(path: path) }
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(TimeInterval(busyTimeoutSeconds))
        configuration.label = "retrofit"
        do {
            writer = try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw CaseStore.translate(error, path: path)
        }
        try prepare(access: access)
    }

    /// Opens a store over a database the caller has opened (a `DatabaseQueue` or `DatabasePool`, on a file or
    /// in memory), creating retrofit's tables when it is empty and bringing an older schema up to date.
    ///
    /// The caller's configuration stands (busy timeout, label); foreign keys must be enabled, as they are
    /// by default.
    /// - Throws: `StoreError` when the database holds another program's tables or is from a newer retrofit.
    public init(writer: any DatabaseWriter) throws(StoreError) {
        self.path = writer.path
        self.writer = writer
        try prepare(access: .write)
    }

    /// A new, empty store in memory, gone when its last copy is released: for tests and throwaway work.
    public static func inMemory() throws(StoreError) -> CaseStore {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.label = "retrofit"
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(configuration: configuration)
        } catch {
            throw CaseStore.translate(error, path: ":memory:")
        }
        return try CaseStore(writer: queue)
    }

    private func prepare(access: Access) throws(StoreError) {
        do {
            // One statement read outside a transaction (GRDB's `read` would add four around it), then the
            // migrations recorded, when there are any: what every command pays on opening the database.
            let (applicationID, userVersion, tableCount, unknownMigrations) = try writer.unsafeRead { db in
                let header = try RawStatement(db, """
                    SELECT (SELECT application_id FROM pragma_application_id), (SELECT user_version FROM pragma_user_version),
                           (SELECT count(*) FROM sqlite_master),
                           EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'grdb_migrations')
                    """)
                guard try header.step() else { throw StoreError.corrupt("the database header cannot be read") }
                var unknown: Set<String> = []
                if header.int(3) != 0 {
                    let applied = try RawStatement(db, "SELECT identifier FROM grdb_migrations")
                    while try applied.step() {
                        if let identifier = applied.string(0), !StoreSchema.migrationIdentifiers.contains(identifier) { unknown.insert(identifier) }
                    }
                }
                return (Int32(truncatingIfNeeded: header.int64(0)), header.int(1), header.int(2), unknown.sorted())
            }
            if applicationID != StoreSchema.applicationID {
                guard applicationID == 0, tableCount == 0 else { throw StoreError.notRetrofit(path: path) }
                guard access == .write else { throw StoreError.notRetrofit(path: path) }
            }
            if userVersion > StoreSchema.version {
                throw StoreError.newerSchema(path: path, found: userVersion, known: StoreSchema.version)
            }
            // A migration this build does not know was made by a newer retrofit, whatever user_version says.
            if let unknown = unknownMigrations.first {
                throw StoreError.newerMigration(path: path, migration: unknown)
            }
            if userVersion < StoreSchema.version {
                // A database of an older schema is brought up to date even to read it; an empty file is not created.
                guard access == .write || userVersion > 0 else { throw StoreError.noDatabase(path: path) }
                try migrate()
            }
            if access == .write {
                // GRDB resets `synchronous` while opening; set it afterwards. FULL: a commit survives a power cut.
                try writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw CaseStore.translate(error, path: path)
        }
    }

    private func migrate() throws {
        // The application id goes first: a process killed part-way leaves a file that is still
        // recognised as retrofit's, and the next run finishes the migration.
        try writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA journal_mode = WAL")
            try db.execute(sql: "PRAGMA application_id = \(StoreSchema.applicationID)")
        }
        try StoreSchema.migrator.migrate(writer)
        try writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA user_version = \(StoreSchema.version)")
        }
    }

    /// Turns a GRDB or SQLite error into a sentence a user can act on.
    static func translate(_ error: any Error, path: String) -> StoreError {
        if let storeError = error as? StoreError { return storeError }
        guard let databaseError = error as? DatabaseError else {
            return .sqlite(path: path, message: "\(error)")
        }
        switch databaseError.resultCode {
        case .SQLITE_NOTADB: return .notSQLite(path: path)
        case .SQLITE_BUSY, .SQLITE_LOCKED: return .locked(path: path)
        case .SQLITE_READONLY: return .readOnly(path: path)
        case .SQLITE_CANTOPEN:
            return FileManager.default.fileExists(atPath: path) ? .readOnly(path: path) : .noDatabase(path: path)
        case .SQLITE_FULL: return .full(path: path)
        // A disk with no room left fails first when the WAL index (-shm) cannot grow.
        case .SQLITE_IOERR where databaseError.extendedResultCode == .SQLITE_IOERR_SHMSIZE: return .full(path: path)
        case .SQLITE_CORRUPT: return .corrupt(databaseError.message ?? "SQLite reports corruption")
        default: return .sqlite(path: path, message: databaseError.message ?? "\(databaseError.resultCode)")
        }
    }

    /// Runs a read, translating errors.
    ///
    /// Every read of the store is one SELECT (or PRAGMA), which SQLite already runs as one consistent
    /// snapshot, so no transaction is opened around it: GRDB's `read` adds BEGIN, two `PRAGMA query_only`
    /// and COMMIT, four statements to prepare for each read of one row.
    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do { return try writer.unsafeRead(body) } catch { throw CaseStore.translate(error, path: path) }
    }

    /// Runs `body` in one IMMEDIATE transaction: the write lock is taken before anything is read,
    /// so a check made inside (the case's version) still holds at commit.
    func write<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try writer.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                guard let result else { throw StoreError.corrupt("a transaction ended without a result") }
                return result
            }
        } catch {
            throw CaseStore.translate(error, path: path)
        }
    }
}
