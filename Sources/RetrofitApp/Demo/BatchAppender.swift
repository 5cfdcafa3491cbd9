import Dispatch
import RetrofitStore
import Synchronization

/// Writes prepared batches on a background thread, one at a time and in order, so the caller can
/// simulate the next batch meanwhile (the machine has at least two cores).
final class BatchAppender: Sendable {
    private let store: CaseStore
    private let queue = DispatchQueue(label: "retrofit.demo.append")
    /// One batch in flight at most: memory stays at two batches.
    private let slot = DispatchSemaphore(value: 1)
    private let failure = Mutex<StoreError?>(nil)

    init(store: CaseStore) {
        self.store = store
    }

    /// Waits for the previous batch, then starts writing this one; throws the previous batch's error.
    func submit(_ batch: [PreparedCaseHistory]) throws(StoreError) {
        slot.wait()
        if let error = failure.withLock({ $0 }) {
            slot.signal()
            throw error
        }
        queue.async { [self] in
            defer { slot.signal() }
            do throws(StoreError) {
                try store.appendPrepared(batch)
            } catch {
                failure.withLock { $0 = error }
            }
        }
    }

    /// Waits until every submitted batch is written; throws the first error.
    func finish() throws(StoreError) {
        slot.wait()
        defer { slot.signal() }
        if let error = failure.withLock({ $0 }) { throw error }
    }
}
