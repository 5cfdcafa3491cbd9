import Dispatch
import RetrofitCore

extension CaseStore {
    /// This store answering the command path off the caller's executor: what a server hands its request
    /// handlers, so that no event loop waits on SQLite.
    ///
    /// - Parameter queue: where the store's work runs. One serial queue suits a store over a file or in memory,
    ///   whose connection serialises every access anyway; the default is a new one.
    public func offloaded(on queue: DispatchQueue = DispatchQueue(label: "retrofit.store")) -> OffloadedCaseStore {
        OffloadedCaseStore(store: self, queue: queue)
    }
}

/// A ``CaseRepository`` that runs a ``CaseStore``'s synchronous methods on a dispatch queue and resumes the
/// caller when they finish: the same code, so the same results and the same errors as the store inline.
///
/// A task cancelled while waiting still gets its answer: an append that has started is never half-reported.
public struct OffloadedCaseStore: CaseRepository {
    public let store: CaseStore
    let queue: DispatchQueue

    public func loadCase(_ id: String) async throws(StoreError) -> (state: CaseState, workflow: StoredDefinition)? {
        try await run { () throws(StoreError) in try store.loadCase(id) }
    }

    public func events(caseID: String, afterVersion: Int, limit: Int) async throws(StoreError) -> [StoredEvent] {
        try await run { () throws(StoreError) in try store.events(caseID: caseID, afterVersion: afterVersion, limit: limit) }
    }

    public func append(_ append: CaseAppend, state: CaseState, schedule: CaseSchedule) async throws(StoreError) -> [StoredEvent] {
        try await run { () throws(StoreError) in try store.append(append, state: state, schedule: schedule) }
    }

    public func appendBatch(_ items: [(append: CaseAppend, state: CaseState, schedule: CaseSchedule)]) async throws(StoreError) {
        try await run { () throws(StoreError) in try store.appendBatch(items) }
    }

    public func people() async throws(StoreError) -> [PersonRegistered] {
        try await run { () throws(StoreError) in try store.people() }
    }

    public func register(_ person: PersonRegistered, expectedCount: Int, at: Timestamp, recordedAt: Timestamp, actor: String) async throws(StoreError) {
        try await run { () throws(StoreError) in
            try store.register(person, expectedCount: expectedCount, at: at, recordedAt: recordedAt, actor: actor)
        }
    }

    public func nextCaseNumber(prefix: String, year: Int) async throws(StoreError) -> Int {
        try await run { () throws(StoreError) in try store.nextCaseNumber(prefix: prefix, year: year) }
    }

    public func head() async throws(StoreError) -> (sequence: Int64, hash: String) {
        try await run { () throws(StoreError) in try store.head() }
    }

    private func run<T: Sendable>(_ work: @escaping @Sendable () throws(StoreError) -> T) async throws(StoreError) -> T {
        let result: Result<T, StoreError> = await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: Result(catching: work)) }
        }
        return try result.get()
    }
}
