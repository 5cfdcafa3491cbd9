import Foundation
import GRDB
import RetrofitCore

/// One value of a projection row, as the table stores it.
enum ProjectionValue: Sendable, Hashable {
    case null
    case int(Int64)
    /// Bytes `start..<end` of the rows' packed text.
    case text(start: Int, end: Int)
}

/// A case's rows in the projection tables, computed from its state: its case_state row, then its
/// stage_visit rows, then its suspension rows, each in key order and in the tables' column order.
///
/// The one definition of what the projections hold: live writes bind these values through GRDB, the
/// rebuild binds them directly and compares them with the stored rows byte for byte.
struct ProjectionRows: Sendable {
    static let caseColumns = 19
    static let visitColumns = 8
    static let suspensionColumns = 8

    /// Every text of the rows, the snapshot first.
    private(set) var text: [UInt8]
    private(set) var values: [ProjectionValue] = []
    private(set) var visitCount = 0
    private(set) var suspensionCount = 0

    init(_ state: CaseState, schedule: CaseSchedule, snapshot: [UInt8]) {
        text = snapshot
        let snapshotValue = ProjectionValue.text(start: 0, end: snapshot.count)
        text.reserveCapacity(snapshot.count + 160 + 80 * state.visits.count)
        values.reserveCapacity(ProjectionRows.caseColumns + ProjectionRows.visitColumns * state.visits.count)
        let running = state.status == .active
        let id = append(state.id)
        values.append(id)
        values.append(append(state.workflowID))
        values.append(.int(Int64(state.workflowVersion)))
        values.append(append(state.stage))
        values.append(append(state.status.rawValue))
        values.append(.int(Int64(state.version)))
        values.append(append(state.helper))
        values.append(append(state.fields["district"]))
        values.append(append(state.priority.rawValue))
        values.append(append(state.difficulty.rawValue))
        values.append(append(state.openedAt))
        values.append(append(state.stageEnteredAt))
        values.append(append(state.lastOccurredAt))
        values.append(append(running ? schedule.deadline : nil))
        values.append(append(running ? schedule.dueSoonFrom : nil))
        values.append(append(schedule.problem))
        values.append(append(state.milestones["commissioned"]))
        values.append(snapshotValue)
        values.append(.int(running && schedule.isProvisional ? 1 : 0))

        let lastDay = state.lastOccurredAt.date
        var suspensions: [ProjectionValue] = []
        for (index, visit) in state.visits.enumerated() {
            let number = ProjectionValue.int(Int64(index + 1))
            let stage = append(visit.stage)
            values.append(id)
            values.append(number)
            values.append(stage)
            values.append(append(visit.enteredAt))
            values.append(append(visit.leftAt))
            values.append(.int(Int64(visit.suspendedDays(asOf: visit.leftAt?.date ?? lastDay))))
            let days = index < schedule.visitWorkingDays.count ? schedule.visitWorkingDays[index] : nil
            values.append(days.map { .int(Int64($0.working)) } ?? .null)
            values.append(days.map { .int(Int64($0.suspended)) } ?? .null)
            for (count, suspension) in visit.suspensions.enumerated() {
                suspensions.append(id)
                suspensions.append(number)
                suspensions.append(.int(Int64(count + 1)))
                suspensions.append(stage)
                suspensions.append(append(suspension.from))
                suspensions.append(append(suspension.until))
                suspensions.append(append(suspension.reason.rawValue))
                suspensions.append(append(suspension.note))
            }
        }
        visitCount = state.visits.count
        suspensionCount = suspensions.count / ProjectionRows.suspensionColumns
        values.append(contentsOf: suspensions)
    }

    // MARK: - rows

    var caseRow: Range<Int> { 0..<ProjectionRows.caseColumns }

    func visitRow(_ index: Int) -> Range<Int> {
        let start = ProjectionRows.caseColumns + index * ProjectionRows.visitColumns
        return start..<(start + ProjectionRows.visitColumns)
    }

    func suspensionRow(_ index: Int) -> Range<Int> {
        let start = ProjectionRows.caseColumns + visitCount * ProjectionRows.visitColumns + index * ProjectionRows.suspensionColumns
        return start..<(start + ProjectionRows.suspensionColumns)
    }

    /// The visit number (1-based) a suspension row belongs to.
    func visitNumber(ofSuspension index: Int) -> Int {
        guard case .int(let number) = values[suspensionRow(index).lowerBound + 1] else { return 0 }
        return Int(number)
    }

    /// The case id's bytes.
    func withID<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try text.withUnsafeBufferPointer { text in
            guard case .text(let start, let end) = values[0] else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
            return try body(UnsafeBufferPointer(rebasing: text[start..<end]))
        }
    }

    // MARK: - SQL

    /// The row's values as GRDB arguments, for statements with one parameter per column.
    func arguments(_ row: Range<Int>) -> StatementArguments {
        StatementArguments(values[row].map { value -> DatabaseValue in
            switch value {
            case .null: return .null
            case .int(let number): return number.databaseValue
            case .text(let start, let end): return String(decoding: text[start..<end], as: UTF8.self).databaseValue
            }
        })
    }

    /// Binds the row's values to parameters 1, 2, … of `statement`.
    func bind(_ row: Range<Int>, to statement: RawStatement) throws {
        try text.withUnsafeBufferPointer { text in
            for (parameter, value) in zip(Int32(1)..., values[row]) {
                switch value {
                case .null: try statement.bindNull(parameter)
                case .int(let number): try statement.bind(parameter, int: number)
                case .text(let start, let end): try statement.bind(parameter, text: UnsafeBufferPointer(rebasing: text[start..<end]))
                }
            }
        }
    }

    /// Whether the statement's current row holds exactly the row's values, from column `first` on.
    /// The tables are STRICT, so a stored value has its column's type; NULL equals only NULL.
    func matches(_ row: Range<Int>, _ statement: RawStatement, from first: Int32 = 0) -> Bool {
        text.withUnsafeBufferPointer { text in
            for (column, value) in zip(first..., values[row]) {
                switch value {
                case .null:
                    guard statement.isNull(column) else { return false }
                case .int(let number):
                    guard statement.isInteger(column), statement.int64(column) == number else { return false }
                case .text(let start, let end):
                    guard statement.isText(column),
                          sameBytes(statement.text(column), UnsafeBufferPointer(rebasing: text[start..<end])) else { return false }
                }
            }
            return true
        }
    }

    // MARK: - building

    private mutating func append(_ string: String?) -> ProjectionValue {
        guard var string else { return .null }
        let start = text.count
        string.withUTF8 { text.append(contentsOf: $0) }
        return .text(start: start, end: text.count)
    }

    private mutating func append(_ time: Timestamp?) -> ProjectionValue {
        guard let time else { return .null }
        let start = text.count
        time.appendDescription(to: &text)
        return .text(start: start, end: text.count)
    }

    private mutating func append(_ date: CivilDate?) -> ProjectionValue {
        guard let date else { return .null }
        let start = text.count
        date.appendDescription(to: &text)
        return .text(start: start, end: text.count)
    }
}

/// Whether two byte buffers hold the same bytes.
func sameBytes(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
    guard a.count == b.count else { return false }
    guard a.count > 0, let left = a.baseAddress, let right = b.baseAddress else { return true }
    return memcmp(left, right, a.count) == 0
}
