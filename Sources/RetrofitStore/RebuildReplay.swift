import Dispatch
import Foundation
import RetrofitCore
import Synchronization

/// The replay of one log batch, running on other threads while the rebuild compares and writes the
/// batch before it: each case's events decoded and applied, its deadline computed, its rows packed.
final class RebuildReplay: Sendable {
    private let group = DispatchGroup()
    private let parts: Int
    private let results = Mutex<[Int: Result<[ProjectionRows], StoreError>]>([:])

    /// Starts replaying `batch`, split into parts that run in parallel.
    init(_ batch: LogBatch, workflows: [WorkflowDefinition], calendars: [String: WorkingCalendar]) {
        parts = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8, batch.cases.count / 16))
        for part in 0..<parts {
            let range = (batch.cases.count * part / parts)..<(batch.cases.count * (part + 1) / parts)
            DispatchQueue.global().async(group: group) { [self] in
                let replayed = Result { () throws(StoreError) -> [ProjectionRows] in
                    try range.map { index throws(StoreError) in
                        try RebuildReplay.replay(batch, case: batch.cases[index], workflows: workflows, calendars: calendars)
                    }
                }
                results.withLock { $0[part] = replayed }
            }
        }
    }

    /// Waits for every part; the rows of each case in batch order, or the error of the first case that failed.
    func rows() throws(StoreError) -> [ProjectionRows] {
        group.wait()
        var rows: [ProjectionRows] = []
        for part in 0..<parts {
            guard let result = results.withLock({ $0[part] }) else { throw StoreError.corrupt("a part of the rebuild did not finish") }
            rows.append(contentsOf: try result.get())
        }
        return rows
    }

    /// One case's projection rows, computed from its events alone.
    static func replay(_ batch: LogBatch, case stream: LogBatch.Case, workflows: [WorkflowDefinition],
                       calendars: [String: WorkingCalendar]) throws(StoreError) -> ProjectionRows {
        guard let index = stream.workflow, workflows.indices.contains(index) else {
            throw StoreError.corrupt("case \(batch.string(stream.id)) runs under workflow \(batch.string(stream.workflowName)) v\(stream.workflowVersion), which is not stored")
        }
        let workflow = workflows[index]
        var envelopes: [EventEnvelope] = []
        envelopes.reserveCapacity(stream.events.count)
        try batch.text.withUnsafeBufferPointer { text throws(StoreError) in
            for event in batch.events[stream.events] {
                let occurredAt = UnsafeBufferPointer(rebasing: text[event.occurredAt])
                guard let at = Timestamp(canonicalUTF8: occurredAt) ?? Timestamp(stored: batch.string(event.occurredAt)) else {
                    throw StoreError.corrupt("event \(event.sequence) has occurred_at '\(batch.string(event.occurredAt))'")
                }
                guard let kind = CaseEvent.Kind(utf8: UnsafeBufferPointer(rebasing: text[event.type])) else {
                    let type = batch.string(event.type)
                    throw StoreError.corrupt("event \(event.sequence) (\(type)) cannot be read: unknown event type '\(type)'")
                }
                do {
                    envelopes.append(EventEnvelope(event: try decode(kind, batch, event.payload, text), occurredAt: at))
                } catch {
                    throw StoreError.corrupt("event \(event.sequence) (\(kind.rawValue)) cannot be read: \(error)")
                }
            }
        }
        let id = batch.string(stream.id)
        guard let state = CaseState.replay(id: id, workflow: workflow, events: envelopes) else {
            throw StoreError.corrupt("case \(id) does not start with an opening event")
        }
        let schedule: CaseSchedule
        if let calendar = calendars[workflow.calendar] {
            schedule = CaseSchedule.atLastEvent(state, workflow: workflow, calendar: calendar)
        } else {
            schedule = CaseSchedule(reckoning: nil, problem: "calendar '\(workflow.calendar)' is missing", dueSoonFrom: nil, isSuspended: false)
        }
        return ProjectionRows(state, schedule: schedule, snapshot: state.jsonBytes())
    }

    /// The payload's event, read from its bytes; bytes that are not plain UTF-8 are read as GRDB's
    /// `String` of them (cut at a NUL, repaired), as the log always was.
    private static func decode(_ kind: CaseEvent.Kind, _ batch: LogBatch, _ range: Range<Int>,
                               _ text: UnsafeBufferPointer<UInt8>) throws -> CaseEvent {
        do {
            return try CaseEvent.decode(kind, payload: UnsafeBufferPointer(rebasing: text[range]))
        } catch {
            let stored = batch.string(range)
            guard !stored.utf8.elementsEqual(text[range]) else { throw error }
            return try CaseEvent.decode(type: kind.rawValue, payload: stored)
        }
    }
}
