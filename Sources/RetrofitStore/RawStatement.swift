import GRDB
import GRDBSQLite

/// A statement run through SQLite's C interface, binding and reading bytes without making strings:
/// a rebuild reads every event and every projection row, and compares them byte for byte.
///
/// Prepared on, and used only inside, one `Database` access (it must not outlive it).
final class RawStatement {
    private let connection: OpaquePointer
    private let handle: OpaquePointer
    let sql: String

    init(_ db: Database, _ sql: String) throws {
        guard let connection = db.sqliteConnection else { throw DatabaseError(resultCode: .SQLITE_MISUSE, message: "the database is closed") }
        var handle: OpaquePointer?
        let code = sqlite3_prepare_v3(connection, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &handle, nil)
        guard code == SQLITE_OK, let handle else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(connection)), sql: sql)
        }
        self.connection = connection
        self.handle = handle
        self.sql = sql
    }

    deinit {
        sqlite3_finalize(handle)
    }

    private func failure(_ code: Int32) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(connection)), sql: sql)
    }

    // MARK: - binding (1-based, as SQLite counts)

    func bind(_ index: Int32, text: UnsafeBufferPointer<UInt8>) throws {
        // SQLITE_TRANSIENT: SQLite copies the bytes, so the buffer may go away after the call.
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        let code: Int32
        if let base = text.baseAddress, text.count > 0 {
            code = base.withMemoryRebound(to: CChar.self, capacity: text.count) { pointer in
                sqlite3_bind_text64(handle, index, pointer, UInt64(text.count), transient, UInt8(SQLITE_UTF8))
            }
        } else {
            // A nil pointer would bind NULL; an empty text is not NULL.
            code = sqlite3_bind_text(handle, index, "", 0, transient)
        }
        guard code == SQLITE_OK else { throw failure(code) }
    }

    func bind(_ index: Int32, int: Int64) throws {
        let code = sqlite3_bind_int64(handle, index, int)
        guard code == SQLITE_OK else { throw failure(code) }
    }

    func bindNull(_ index: Int32) throws {
        let code = sqlite3_bind_null(handle, index)
        guard code == SQLITE_OK else { throw failure(code) }
    }

    // MARK: - running

    /// Advances to the next row: true when there is one, false when the statement is done (and reset).
    func step() throws -> Bool {
        let code = sqlite3_step(handle)
        if code == SQLITE_ROW { return true }
        sqlite3_reset(handle)
        guard code == SQLITE_DONE else { throw failure(code) }
        return false
    }

    /// Runs a statement that returns no rows, then clears its bindings.
    func execute() throws {
        while try step() {}
        sqlite3_clear_bindings(handle)
    }

    /// Stops a query before its last row and clears its bindings.
    func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    // MARK: - columns of the current row (0-based)

    func isNull(_ index: Int32) -> Bool { sqlite3_column_type(handle, index) == SQLITE_NULL }

    func isInteger(_ index: Int32) -> Bool { sqlite3_column_type(handle, index) == SQLITE_INTEGER }

    func isText(_ index: Int32) -> Bool { sqlite3_column_type(handle, index) == SQLITE_TEXT }

    func int64(_ index: Int32) -> Int64 { sqlite3_column_int64(handle, index) }

    /// The column's bytes as text, nil for NULL (SQLite gives no text pointer for NULL only: an empty text has one),
    /// without asking for the column's type first. Valid until the next step or reset.
    func optionalText(_ index: Int32) -> UnsafeBufferPointer<UInt8>? {
        guard let pointer = sqlite3_column_text(handle, index) else { return nil }
        return UnsafeBufferPointer(start: pointer, count: Int(sqlite3_column_bytes(handle, index)))
    }

    /// The column's bytes as text; empty for NULL. Valid until the next step or reset.
    func text(_ index: Int32) -> UnsafeBufferPointer<UInt8> {
        guard let pointer = sqlite3_column_text(handle, index) else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: pointer, count: Int(sqlite3_column_bytes(handle, index)))
    }
}
