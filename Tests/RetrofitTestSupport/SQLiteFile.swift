import GRDB

/// A database file changed with SQLite directly, behind retrofit's back.
public enum SQLiteFile {
    /// Runs `sql` (one or more statements) on the file at `path` in one transaction.
    public static func execute(_ path: String, _ sql: String) throws {
        try DatabaseQueue(path: path).write { db in try db.execute(sql: sql) }
    }
}
