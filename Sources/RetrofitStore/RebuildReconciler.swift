import Foundation
import GRDB
import RetrofitCore

/// Compares the rows a rebuild computed with the stored ones, one key range at a time, and (when
/// writing) rewrites only what differs: a row that differs is replaced, a case whose visits or
/// suspensions differ has them all rewritten, rows of cases without events are deleted. The tables
/// end exactly as if they had been emptied and refilled, and an unchanged database is only read.
final class RebuildReconciler {
    private let db: Database
    private let writing: Bool
    /// The projection tables found to differ from what the log gives.
    private(set) var differing: Set<String> = []
    private var ranges: [String: RawStatement] = [:]
    private var statements: [String: RawStatement] = [:]

    init(_ db: Database, writing: Bool) {
        self.db = db
        self.writing = writing
    }

    /// Reconciles the cases with ids after `lower` and up to `upper` (nil: no bound), whose computed
    /// rows are `rows`, in id order.
    func reconcile(_ rows: [ProjectionRows], after lower: [UInt8]?, through upper: [UInt8]?) throws {
        var orphans: [[UInt8]] = []
        let caseDiffers = try compareCases(rows, lower, upper, orphans: &orphans)
        let (visitsDiffer, storedVisits) = try compareChildren("stage_visit", CaseStore.visitColumns, order: "case_id, visit", rows,
                                                               lower, upper, count: \.visitCount, row: { $0.visitRow($1) }, orphans: &orphans)
        let (suspensionsDiffer, storedSuspensions) = try compareChildren(
            "suspension", CaseStore.suspensionColumns, order: "case_id, visit, number", rows, lower, upper,
            count: \.suspensionCount, row: { $0.suspensionRow($1) }, orphans: &orphans)
        guard writing else { return }
        var deleted = Set<[UInt8]>()
        for id in orphans where deleted.insert(id).inserted {
            for sql in ["DELETE FROM case_state WHERE id = ?", "DELETE FROM stage_visit WHERE case_id = ?", "DELETE FROM suspension WHERE case_id = ?"] {
                let statement = try self.statement(sql)
                try id.withUnsafeBufferPointer { try statement.bind(1, text: $0) }
                try statement.execute()
            }
        }
        for (index, rows) in rows.enumerated() {
            if caseDiffers[index] {
                let statement = try self.statement(CaseStore.insertCaseSQL)
                try rows.bind(rows.caseRow, to: statement)
                try statement.execute()
            }
            guard visitsDiffer[index] || suspensionsDiffer[index] else { continue }
            for (sql, stored) in [("DELETE FROM stage_visit WHERE case_id = ?", storedVisits[index]),
                                  ("DELETE FROM suspension WHERE case_id = ?", storedSuspensions[index])] where stored > 0 {
                let statement = try self.statement(sql)
                try rows.withID { try statement.bind(1, text: $0) }
                try statement.execute()
            }
            let insertVisit = try statement(CaseStore.insertVisitSQL)
            for visit in 0..<rows.visitCount {
                try rows.bind(rows.visitRow(visit), to: insertVisit)
                try insertVisit.execute()
            }
            let insertSuspension = try statement(CaseStore.insertSuspensionSQL)
            for suspension in 0..<rows.suspensionCount {
                try rows.bind(rows.suspensionRow(suspension), to: insertSuspension)
                try insertSuspension.execute()
            }
        }
    }

    /// Which cases' case_state rows differ (or are missing); stored rows of other ids go to `orphans`.
    private func compareCases(_ rows: [ProjectionRows], _ lower: [UInt8]?, _ upper: [UInt8]?, orphans: inout [[UInt8]]) throws -> [Bool] {
        var differs = [Bool](repeating: true, count: rows.count)
        let statement = try range("case_state", CaseStore.caseColumns, key: "id", order: "id", lower, upper)
        var next = 0
        while try statement.step() {
            let id = statement.text(0)
            while next < rows.count, rows[next].withID({ compareBytes($0, id) }) < 0 { next += 1 }
            if next < rows.count, rows[next].withID({ compareBytes($0, id) }) == 0 {
                differs[next] = !rows[next].matches(rows[next].caseRow, statement)
                next += 1
            } else {
                orphans.append(Array(id))
            }
        }
        if orphans.count > 0 || differs.contains(true) { differing.insert("case_state") }
        return differs
    }

    /// Which cases' rows in a child table (several per case, in key order) differ from the computed ones,
    /// and how many rows each case has stored.
    private func compareChildren(_ table: String, _ columns: String, order: String, _ rows: [ProjectionRows],
                                 _ lower: [UInt8]?, _ upper: [UInt8]?, count: KeyPath<ProjectionRows, Int>,
                                 row: (ProjectionRows, Int) -> Range<Int>, orphans: inout [[UInt8]]) throws -> ([Bool], [Int]) {
        var differs = [Bool](repeating: false, count: rows.count)
        var seen = [Int](repeating: 0, count: rows.count)
        var orphaned = false
        let statement = try range(table, columns, key: "case_id", order: order, lower, upper)
        var next = 0
        while try statement.step() {
            let id = statement.text(0)
            while next < rows.count, rows[next].withID({ compareBytes($0, id) }) < 0 { next += 1 }
            if next < rows.count, rows[next].withID({ compareBytes($0, id) }) == 0 {
                let index = seen[next]
                seen[next] += 1
                if index >= rows[next][keyPath: count] || !rows[next].matches(row(rows[next], index), statement) { differs[next] = true }
            } else {
                orphaned = true
                if orphans.last.map({ last in last.withUnsafeBufferPointer { sameBytes($0, id) } }) != true { orphans.append(Array(id)) }
            }
        }
        for index in rows.indices where seen[index] != rows[index][keyPath: count] { differs[index] = true }
        if orphaned || differs.contains(true) { differing.insert(table) }
        return (differs, seen)
    }

    /// The people register: the last registration of each name, and whether their last access change disabled
    /// them, compared with the person table.
    func reconcilePeople(_ events: [(sequence: Int64, type: String, payload: String)]) throws {
        var people: [PersonRegistered] = []
        var disabled: Set<String> = []
        for event in events {
            if event.type == AccessChanged.type {
                guard let change = try? JSONDecoder().decode(AccessChanged.self, from: Data(event.payload.utf8)) else {
                    throw StoreError.corrupt("event \(event.sequence) of the people register cannot be read")
                }
                if change.change == .disabled { disabled.insert(change.name) }
                if change.change == .enabled { disabled.remove(change.name) }
                continue
            }
            guard let person = try? JSONDecoder().decode(PersonRegistered.self, from: Data(event.payload.utf8)) else {
                throw StoreError.corrupt("event \(event.sequence) of the people register cannot be read")
            }
            people.append(person)
        }
        var latest: [[UInt8]: PersonRegistered] = [:]
        for person in people { latest[Array(person.name.utf8)] = person }
        let expected = latest.sorted { compareBytes($0.key, $1.key) < 0 }
        let stored = try statement("SELECT name, role, district, disabled FROM person ORDER BY name")
        var index = 0
        var same = true
        while try stored.step() {
            guard same, index < expected.count else {
                same = false
                continue
            }
            let person = expected[index].value
            same = expected[index].key.withUnsafeBufferPointer { sameBytes($0, stored.text(0)) }
                && stored.isText(1) && equal(stored.text(1), person.role.rawValue)
                && (person.district.map { stored.isText(2) && equal(stored.text(2), $0) } ?? stored.isNull(2))
                && stored.int64(3) == (disabled.contains(person.name) ? 1 : 0)
            index += 1
        }
        guard !same || index != expected.count else { return }
        differing.insert("person")
        guard writing else { return }
        try statement("DELETE FROM person").execute()
        for person in people { try CaseStore.writePerson(person, db: db) }
        for name in disabled { try db.execute(sql: "UPDATE person SET disabled = 1 WHERE name = ?", arguments: [name]) }
    }

    // MARK: - statements

    private func statement(_ sql: String) throws -> RawStatement {
        if let statement = statements[sql] { return statement }
        let statement = try RawStatement(db, sql)
        statements[sql] = statement
        return statement
    }

    /// The stored rows of `table` whose `key` is after `lower` and up to `upper`, in `order`; bound and ready to step.
    private func range(_ table: String, _ columns: String, key: String, order: String, _ lower: [UInt8]?, _ upper: [UInt8]?) throws -> RawStatement {
        var conditions: [String] = []
        if lower != nil { conditions.append("\(key) > ?") }
        if upper != nil { conditions.append("\(key) <= ?") }
        let sql = "SELECT \(columns) FROM \(table)\(conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")) ORDER BY \(order)"
        let statement = try ranges[sql] ?? RawStatement(db, sql)
        ranges[sql] = statement
        var parameter: Int32 = 1
        for bound in [lower, upper] {
            guard let bound else { continue }
            try bound.withUnsafeBufferPointer { try statement.bind(parameter, text: $0) }
            parameter += 1
        }
        return statement
    }
}

/// SQLite's BINARY order: bytes compared as unsigned, then the shorter first.
func compareBytes(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int {
    let common = min(a.count, b.count)
    if common > 0, let left = a.baseAddress, let right = b.baseAddress {
        let order = memcmp(left, right, common)
        if order != 0 { return Int(order) }
    }
    return a.count - b.count
}

func compareBytes(_ a: [UInt8], _ b: [UInt8]) -> Int {
    a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in compareBytes(a, b) } }
}

private func equal(_ bytes: UnsafeBufferPointer<UInt8>, _ text: String) -> Bool {
    var text = text
    return text.withUTF8 { sameBytes($0, bytes) }
}
