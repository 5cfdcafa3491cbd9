import Foundation
import GRDB
import GRDBSQLite
import RetrofitCore

/// A SELECT stepped and read through SQLite's C API.
///
/// For the loops that run once per stage visit over a whole database: GRDB's cursors and `Row`
/// (a checked `String` for every text column) cost more than the scan itself there. Here a stored
/// time is parsed straight from SQLite's bytes and a text equal to one already read reuses that
/// `String`. GRDB still prepares and finalizes the statement.
struct RawStatement {
    private let prepared: Statement
    private var statement: SQLiteStatement { prepared.sqliteStatement }

    init(_ db: Database, sql: String, arguments: StatementArguments = []) throws {
        prepared = try db.makeStatement(sql: sql)
        try prepared.setArguments(arguments)
    }

    /// Moves to the next row; false after the last.
    func step() throws -> Bool {
        let code = sqlite3_step(statement)
        if code == SQLITE_ROW { return true }
        if code == SQLITE_DONE { return false }
        let message = sqlite3_errmsg(sqlite3_db_handle(statement)).map { String(cString: $0) }
        throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: prepared.sql)
    }

    func int(_ index: Int32) -> Int { Int(sqlite3_column_int64(statement, index)) }

    /// The column's UTF-8 bytes, or nil when it is NULL.
    func withBytes<T>(_ index: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T? {
        guard let pointer = sqlite3_column_text(statement, index) else { return nil }
        return body(UnsafeBufferPointer(start: pointer, count: Int(sqlite3_column_bytes(statement, index))))
    }

    func text(_ index: Int32) -> String? { withBytes(index) { String(decoding: $0, as: UTF8.self) } }

    /// The column's text; `previous` itself when it holds the same bytes.
    func text(_ index: Int32, reusing previous: String?) -> String? {
        withBytes(index) { bytes in
            if let previous, RawStatement.holds(previous, bytes) { return previous }
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// The column's text, the same `String` as before when `pool` has seen these bytes.
    func text(_ index: Int32, from pool: inout TextPool) -> String? {
        withBytes(index) { pool.text($0) }
    }

    /// Whether `text` is exactly `bytes` in UTF-8.
    static func holds(_ text: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var text = text
        return text.withUTF8 { own in
            guard own.count == bytes.count else { return false }
            guard let first = own.baseAddress, let second = bytes.baseAddress else { return true }
            return memcmp(first, second, own.count) == 0
        }
    }

    func timestamp(_ index: Int32) -> Timestamp? { withBytes(index) { Timestamp(storedBytes: $0) } ?? nil }

    func date(_ index: Int32) -> CivilDate? { withBytes(index) { CivilDate(storedBytes: $0) } ?? nil }
}

/// Texts already read from a column with few distinct values (stage names), found by a hash of
/// their bytes, so reading one again builds no new `String`.
struct TextPool {
    private var byHash: [UInt64: [String]] = [:]

    mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325   // FNV-1a
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0100_0000_01b3 }
        if let found = byHash[hash]?.first(where: { RawStatement.holds($0, bytes) }) { return found }
        let text = String(decoding: bytes, as: UTF8.self)
        byHash[hash, default: []].append(text)
        return text
    }
}
