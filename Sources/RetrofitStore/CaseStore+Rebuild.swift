import Foundation
import GRDB
import RetrofitCore

/// What a rebuild did and whether the projections it computed matched the live ones.
public struct RebuildReport: Sendable {
    public let events: Int
    public let cases: Int
    /// True when the recomputed projections equal what was there before.
    public let identical: Bool
    /// The first table whose rows differ, if any.
    public let firstDifference: String?
}

extension CaseStore {
    /// Recomputes every projection from the event log alone, streaming a batch of cases at a time, and
    /// compares it with the stored projections row by row.
    ///
    /// - Parameter keep: false to compare only (nothing is written, and no write lock is taken).
    ///   With true, the rows that differ are rewritten: the tables end as if emptied and refilled.
    public func rebuild(calendars: [String: WorkingCalendar], keep: Bool) throws(StoreError) -> RebuildReport {
        try rebuild(calendars: calendars, keep: keep, batchEvents: CaseStore.rebuildBatchEvents)
    }

    /// - Parameter batchEvents: events per batch (tests make it small to cross many batch boundaries).
    func rebuild(calendars: [String: WorkingCalendar], keep: Bool, batchEvents: Int) throws(StoreError) -> RebuildReport {
        do {
            return try writer.writeWithoutTransaction { db in
                var report: RebuildReport?
                try db.inTransaction(keep ? .immediate : .deferred) {
                    report = try CaseStore.rebuildProjections(db, calendars: calendars, writing: keep, batchEvents: batchEvents)
                    return keep ? .commit : .rollback
                }
                guard let report else { throw StoreError.corrupt("the rebuild ended without a report") }
                return report
            }
        } catch {
            throw CaseStore.translate(error, path: path)
        }
    }

    /// Events per batch: enough to keep both cores busy between the waits, small enough to stay in cache.
    static let rebuildBatchEvents = 16_384

    /// Replays the log into projection rows, batch by batch: while one batch is replayed on other
    /// threads, this one reads the next from the log and compares (and writes) the one before.
    static func rebuildProjections(_ db: Database, calendars: [String: WorkingCalendar], writing: Bool,
                                   batchEvents: Int) throws -> RebuildReport {
        var keys: [(id: String, version: Int)] = []
        var workflows: [WorkflowDefinition] = []
        // The rebuild trusts only the stored YAML: each compiled form is derived data, compared (and rewritten) like a projection.
        var staleCompiledForms = 0
        let sql = "SELECT id, version, source, compiled FROM workflow_definition ORDER BY id, version"
        for stored in try Row.fetchAll(db, sql: sql).compactMap(CaseStore.storedDefinition) {
            let workflow: WorkflowDefinition
            do {
                workflow = try WorkflowCatalog.loadStored(source: stored.source, id: stored.id, version: stored.version)
            } catch {
                throw StoreError.corrupt("stored workflow \(stored.id) v\(stored.version) cannot be read: \(error)")
            }
            workflows.append(workflow)
            keys.append((stored.id, stored.version))
            let compiled = CompiledWorkflow.encode(workflow)
            if stored.compiled != compiled {
                staleCompiledForms += 1
                if writing {
                    try db.execute(sql: "UPDATE workflow_definition SET compiled = ? WHERE id = ? AND version = ?",
                                   arguments: [compiled, stored.id, stored.version])
                }
            }
        }
        let reader = try RebuildLogReader(db, workflows: keys)
        let reconciler = RebuildReconciler(db, writing: writing)
        var cases = 0
        var lower: [UInt8]?
        var previous: (batch: LogBatch, replay: RebuildReplay)?
        var reconciled = false
        while true {
            let batch = try reader.next(events: batchEvents)
            let replay = batch.map { RebuildReplay($0, workflows: workflows, calendars: calendars) }
            if let previous {
                let rows = try previous.replay.rows()
                // The last batch also covers every stored id after its last case.
                let upper = batch == nil ? nil : previous.batch.lastCaseID
                try reconciler.reconcile(rows, after: lower, through: upper)
                lower = upper
                cases += rows.count
                reconciled = true
            }
            guard let batch, let replay else { break }
            previous = (batch, replay)
        }
        // A log without cases: every stored case row is one too many.
        if !reconciled { try reconciler.reconcile([], after: nil, through: nil) }
        try reconciler.reconcilePeople(reader.people)
        let difference = StoreSchema.projectionTables.first { reconciler.differing.contains($0) }
            ?? (staleCompiledForms > 0 ? "workflow_definition (compiled forms)" : nil)
        return RebuildReport(events: reader.eventCount, cases: cases, identical: difference == nil, firstDifference: difference)
    }
}
