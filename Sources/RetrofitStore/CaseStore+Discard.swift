import Foundation
import GRDB

extension CaseStore {
    /// Removes the database at `path` (with its WAL and shared-memory files) when it holds no
    /// event, case or person: what a command leaves behind when it created the file and was
    /// then refused. A file that holds anything, or is not a retrofit database, is left alone.
    /// - Returns: whether the file was removed.
    @discardableResult
    public static func discardIfEmpty(path: String) -> Bool {
        guard FileManager.default.fileExists(atPath: path) else { return false }
        do {
            let rows = try DatabaseQueue(path: path).read { db -> Int in
                let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
                var count = 0
                for table in ["event", "case_state", "person"] where tables.contains(table) {
                    count += try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0
                }
                return count
            }
            guard rows == 0 else { return false }
        } catch {
            return false
        }
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        return true
    }
}
