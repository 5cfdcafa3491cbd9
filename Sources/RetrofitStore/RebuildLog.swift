import GRDB
import RetrofitCore

/// Whole cases of the log, read in case order for a rebuild: the bytes of their events, copied once
/// out of SQLite into one buffer so the replay (on other threads) reads them without making strings.
struct LogBatch: Sendable {
    struct Event: Sendable {
        let sequence: Int64
        let type: Range<Int>
        let occurredAt: Range<Int>
        let payload: Range<Int>
    }

    struct Case: Sendable {
        let id: Range<Int>
        /// Index into the rebuild's workflows, nil when the case's workflow version is not stored.
        let workflow: Int?
        let workflowName: Range<Int>
        let workflowVersion: Int64
        var events: Range<Int>
    }

    var text: [UInt8] = []
    var events: [Event] = []
    var cases: [Case] = []

    /// The text as GRDB reads a column into a `String` (`String(cString:)`): up to the first NUL byte,
    /// invalid UTF-8 repaired. The log was always read that way, so a replay reads the same values.
    func string(_ range: Range<Int>) -> String {
        let bytes = text[range]
        return String(decoding: bytes[..<(bytes.firstIndex(of: 0) ?? bytes.endIndex)], as: UTF8.self)
    }

    func withBytes<R>(_ range: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try text.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    /// The last case's id, the upper bound of the key range this batch covers.
    var lastCaseID: [UInt8]? {
        cases.last.map { Array(text[$0.id]) }
    }
}

/// Reads the event log in case order (`ORDER BY case_id, version`) a batch of whole cases at a time.
/// The people register's stream is set aside in `people`.
final class RebuildLogReader {
    private let statement: RawStatement
    private let workflows: [(id: [UInt8], version: Int64)]
    /// The statement stands on the first row of the next batch.
    private var holdsRow = false
    private var done = false
    private(set) var eventCount = 0
    private(set) var people: [(sequence: Int64, type: String, payload: String)] = []

    private static let peopleStream = Array(PersonRegistered.stream.utf8)

    init(_ db: Database, workflows: [(id: String, version: Int)]) throws {
        statement = try RawStatement(db, """
            SELECT sequence, case_id, type, occurred_at, payload, workflow_id, workflow_version
            FROM event ORDER BY case_id, version
            """)
        self.workflows = workflows.map { (Array($0.id.utf8), Int64($0.version)) }
    }

    /// The next cases, at least `events` events of them unless the log ends first; nil after the last.
    func next(events target: Int) throws -> LogBatch? {
        guard !done else { return nil }
        var batch = LogBatch()
        batch.text.reserveCapacity(target * 160)
        batch.events.reserveCapacity(target + 64)
        if holdsRow {
            holdsRow = false
            append(to: &batch)
        }
        while try statement.step() {
            eventCount += 1
            let caseID = statement.text(1)
            if RebuildLogReader.peopleStream.withUnsafeBufferPointer({ sameBytes($0, caseID) }) {
                people.append((statement.int64(0), String(decoding: statement.text(2), as: UTF8.self), String(decoding: statement.text(4), as: UTF8.self)))
                continue
            }
            if batch.events.count >= target, let last = batch.cases.last,
               !batch.withBytes(last.id, { sameBytes($0, caseID) }) {
                holdsRow = true
                return batch
            }
            append(to: &batch)
        }
        done = true
        return batch.cases.isEmpty ? nil : batch
    }

    /// Adds the statement's current row, starting a case when its id differs from the last one's.
    private func append(to batch: inout LogBatch) {
        let caseID = statement.text(1)
        if batch.cases.isEmpty || !batch.withBytes(batch.cases[batch.cases.count - 1].id, { sameBytes($0, caseID) }) {
            let workflowName = statement.text(5)
            let workflowVersion = statement.int64(6)
            let workflow = workflows.firstIndex { $0.version == workflowVersion && $0.id.withUnsafeBufferPointer { sameBytes($0, workflowName) } }
            let id = add(caseID, to: &batch)
            let name = add(workflowName, to: &batch)
            batch.cases.append(LogBatch.Case(id: id, workflow: workflow, workflowName: name, workflowVersion: workflowVersion,
                                             events: batch.events.count..<batch.events.count))
        }
        let type = add(statement.text(2), to: &batch)
        let occurredAt = add(statement.text(3), to: &batch)
        let payload = add(statement.text(4), to: &batch)
        batch.events.append(LogBatch.Event(sequence: statement.int64(0), type: type, occurredAt: occurredAt, payload: payload))
        batch.cases[batch.cases.count - 1].events = batch.cases[batch.cases.count - 1].events.lowerBound..<batch.events.count
    }

    private func add(_ bytes: UnsafeBufferPointer<UInt8>, to batch: inout LogBatch) -> Range<Int> {
        let start = batch.text.count
        batch.text.append(contentsOf: bytes)
        return start..<batch.text.count
    }
}
