import RetrofitCore
import RetrofitReports
import RetrofitStore

/// Writes the cases of a checked ledger file to the store, a batch per transaction.
///
/// Each batch lands whole or not at all. Cases whose id is already in the database are skipped,
/// never duplicated, so an import that was interrupted (Ctrl-C, a kill, a full disk) is finished
/// by running it again.
public struct LedgerImporter: Sendable {
    public let store: CaseStore
    public let calendars: [String: WorkingCalendar]
    public let actor: String
    /// When the import is recorded.
    public let now: Timestamp
    /// Rows per transaction.
    public let batchSize: Int

    public init(store: CaseStore, calendars: [String: WorkingCalendar], actor: String, now: Timestamp, batchSize: Int) {
        self.store = store
        self.calendars = calendars
        self.actor = actor
        self.now = now
        self.batchSize = max(1, batchSize)
    }

    /// How far an import has come, reported after every batch.
    public struct Progress: Sendable {
        public let rowsDone: Int
        public let rowsTotal: Int
        public let batch: Int
        public let batches: Int
        public let imported: Int
        public let skipped: Int
    }

    /// A row whose case id is already taken by a case that this file did not bring in.
    public struct Clash: Sendable, Hashable {
        public let row: Int
        public let caseID: String
        /// Where the existing case came from, e.g. `opened in retrofit` or `imported from other.csv row 7`.
        public let existing: String
    }

    /// What an import did.
    public struct Summary: Sendable {
        public var imported = 0
        /// Rows this same file (same SHA-256) had already brought in.
        public var alreadyImported = 0
        public var clashes: [Clash] = []
    }

    /// Imports `cases` in order; `progress` is called after each batch.
    ///
    /// - Throws: `StoreError` when a batch cannot be written; batches before it stay, and running the
    ///   import again skips them.
    public func run(_ cases: [LedgerCase], progress: (Progress) -> Void) throws(StoreError) -> Summary {
        var summary = Summary()
        let batches = (cases.count + batchSize - 1) / batchSize
        var start = 0
        var batch = 0
        while start < cases.count {
            let slice = Array(cases[start..<min(cases.count, start + batchSize)])
            try importBatch(slice, into: &summary)
            start += slice.count
            batch += 1
            progress(Progress(rowsDone: start, rowsTotal: cases.count, batch: batch, batches: batches,
                              imported: summary.imported, skipped: summary.alreadyImported + summary.clashes.count))
        }
        return summary
    }

    /// One transaction. A concurrent writer that takes one of the ids first makes `appendBatch`
    /// refuse the whole batch; it is then sorted again and retried.
    private func importBatch(_ slice: [LedgerCase], into summary: inout Summary) throws(StoreError) {
        var attempt = 0
        while true {
            attempt += 1
            let existing = try store.firstEvents(ofCases: slice.map(\.caseID))
            let items = slice.filter { existing[$0.caseID] == nil }.compactMap(item)
            do {
                if !items.isEmpty { try store.appendBatch(items) }
            } catch {
                if case .conflict = error, attempt < 10 { continue }
                throw error
            }
            summary.imported += items.count
            for ledgerCase in slice {
                guard let event = existing[ledgerCase.caseID] else { continue }
                if let clash = clash(ledgerCase, existing: event) {
                    summary.clashes.append(clash)
                } else {
                    summary.alreadyImported += 1
                }
            }
            return
        }
    }

    /// The append, state and schedule of one new case, computed as a rebuild would compute them.
    func item(_ ledgerCase: LedgerCase) -> (append: CaseAppend, state: CaseState, schedule: CaseSchedule)? {
        let workflow = ledgerCase.workflow
        let event = CaseEvent.imported(ledgerCase.event)
        guard let state = CaseState.start(id: ledgerCase.caseID, workflow: workflow,
                                          with: EventEnvelope(event: event, occurredAt: ledgerCase.occurredAt)) else { return nil }
        let schedule: CaseSchedule
        if let calendar = calendars[workflow.calendar] {
            schedule = CaseSchedule.atLastEvent(state, workflow: workflow, calendar: calendar)
        } else {
            schedule = CaseSchedule(reckoning: nil, problem: "calendar '\(workflow.calendar)' is missing", dueSoonFrom: nil, isSuspended: false)
        }
        let append = CaseAppend(caseID: ledgerCase.caseID, expectedVersion: 0, events: [event], occurredAt: ledgerCase.occurredAt,
                                recordedAt: now, actor: actor, workflow: workflow)
        return (append, state, schedule)
    }

    /// Nil when `existing` is this very row of this very file; otherwise what the case id clashes with.
    func clash(_ ledgerCase: LedgerCase, existing: StoredEvent) -> Clash? {
        guard existing.kind == .imported, case .imported(let earlier)? = try? existing.decodedEvent() else {
            return Clash(row: ledgerCase.row, caseID: ledgerCase.caseID, existing: "opened in retrofit (\(existing.type) on \(existing.occurredAt.prefix(10)))")
        }
        if earlier.sha256 == ledgerCase.event.sha256 { return nil }
        return Clash(row: ledgerCase.row, caseID: ledgerCase.caseID,
                     existing: "imported from \(earlier.source) row \(earlier.row) (a different file, sha256 \(earlier.sha256.prefix(12))…)")
    }
}
