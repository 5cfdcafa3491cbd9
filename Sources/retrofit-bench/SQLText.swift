import Foundation
import GRDB

/// Writes SQL scripts for the sqlite3 shell: the same rows and queries retrofit's store runs, as text.
struct SQLScript {
    let path: String
    private var buffer = ""
    private let handle: FileHandle

    init(path: String) throws {
        self.path = path
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        guard let handle = FileHandle(forWritingAtPath: path) else { throw Spawn.Failure(description: "cannot write \(path)") }
        self.handle = handle
        buffer.reserveCapacity(1 << 20)
    }

    /// The durability the store uses: WAL (kept in the file) and synchronous = FULL (set on every open).
    mutating func durability() {
        line("PRAGMA journal_mode = WAL;")
        line("PRAGMA synchronous = FULL;")
    }

    mutating func line(_ text: String) {
        buffer += text
        buffer += "\n"
        if buffer.utf8.count > 1 << 20 { flush() }
    }

    /// `INSERT [OR REPLACE] INTO table (columns) VALUES (…)` for a row read from the database;
    /// `replacing` gives SQL text to use instead of some columns' values.
    mutating func insert(_ table: String, _ row: Row, orReplace: Bool = false, replacing: [String: String] = [:]) {
        let columns = Array(row.columnNames)
        let values = columns.map { column in replacing[column] ?? SQLText.literal(row[column] as DatabaseValue) }
        line("INSERT \(orReplace ? "OR REPLACE " : "")INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(values.joined(separator: ", ")));")
    }

    mutating func flush() {
        handle.write(Data(buffer.utf8))
        buffer.removeAll(keepingCapacity: true)
    }

    mutating func close() {
        flush()
        try? handle.close()
    }
}

enum SQLText {
    /// A value as an SQL literal.
    static func literal(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .null: return "NULL"
        case .int64(let number): return String(number)
        case .double(let number): return "\(number)"
        case .string(let text): return quote(text)
        case .blob(let data): return "X'" + data.map { String(format: "%02x", $0) }.joined() + "'"
        }
    }

    static func quote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }
}
