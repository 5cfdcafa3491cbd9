import RetrofitCore

/// What the command path needs from a store: read a case, append its events with the version they were
/// decided on, the people register, case numbers and the chain head. Async, so that a server never blocks
/// its event loops on the database, and free of SQLite types, so that a second backend can implement it.
///
/// Reports keep their own fast synchronous scans (``CaseStore``'s report reads); they are not part of this.
public protocol CaseRepository: Sendable {
    /// The case's current state and the stored workflow definition it runs under; nil if there is no such case.
    func loadCase(_ id: String) async throws(StoreError) -> (state: CaseState, workflow: StoredDefinition)?
    /// A page of a case's events in version order, starting after `afterVersion`.
    func events(caseID: String, afterVersion: Int, limit: Int) async throws(StoreError) -> [StoredEvent]
    /// Appends a case's new events and its projections in one transaction.
    ///
    /// - Throws: `StoreError.conflict` when the case is no longer at `append.expectedVersion` (nothing is written).
    func append(_ append: CaseAppend, state: CaseState, schedule: CaseSchedule) async throws(StoreError) -> [StoredEvent]
    /// Appends several cases' events in one transaction: all or nothing.
    func appendBatch(_ items: [(append: CaseAppend, state: CaseState, schedule: CaseSchedule)]) async throws(StoreError)
    /// The people register, by name.
    func people() async throws(StoreError) -> [PersonRegistered]
    /// Registers a person, refused with a conflict unless the register still holds `expectedCount` people.
    func register(_ person: PersonRegistered, expectedCount: Int, at: Timestamp, recordedAt: Timestamp, actor: String) async throws(StoreError)
    /// The next free number for generated ids `PREFIX-YEAR-NNNN`.
    func nextCaseNumber(prefix: String, year: Int) async throws(StoreError) -> Int
    /// The last event's sequence and hash.
    func head() async throws(StoreError) -> (sequence: Int64, hash: String)
}

/// The SQLite store answers the command path inline: its synchronous methods witness the async requirements,
/// which suits one process running one command (the CLI, the benchmarks).
extension CaseStore: CaseRepository {}
