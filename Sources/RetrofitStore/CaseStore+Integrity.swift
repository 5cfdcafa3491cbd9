import Foundation
import GRDB

/// The outcome of walking the hash chain.
public struct ChainVerification: Sendable, CustomStringConvertible {
    public let events: Int
    public let head: String
    /// The first event whose content or link does not match, with what is wrong.
    public let firstBroken: (sequence: Int64, problem: String)?
    /// The case and event type of the first broken event, as stored.
    public let brokenEvent: (caseID: String, type: String)?
    /// The hash the chain computes at each sequence asked for that lies before the first broken event.
    public let computedHashes: [Int64: String]

    public var isIntact: Bool { firstBroken == nil }

    public var description: String {
        if let broken = firstBroken { return "broken at event \(broken.sequence): \(broken.problem)" }
        return "ok: \(events) events, head \(head)"
    }
}

extension CaseStore {
    /// SQLite's own integrity check: an empty list when the file is sound.
    public func integrityCheck() throws(StoreError) -> [String] {
        try read { db in
            try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
        }
    }

    /// Recomputes every event's hash from its content and the previous hash, streaming the log.
    ///
    /// - Parameter sequences: events whose computed hash to keep (``ChainVerification/computedHashes``),
    ///   to compare with heads kept elsewhere.
    public func verifyChain(keepingHashesAt sequences: Set<Int64> = []) throws(StoreError) -> ChainVerification {
        var previous = EventHash.genesis
        var expectedSequence: Int64 = 1
        var count = 0
        var broken: (Int64, String)?
        var brokenEvent: (String, String)?
        var computed: [Int64: String] = sequences.contains(0) ? [0: EventHash.genesis] : [:]
        try forEachEvent { event in
            guard broken == nil else { return }
            count += 1
            if event.sequence != expectedSequence {
                broken = (event.sequence, "expected event \(expectedSequence) next; events are missing or reordered")
                brokenEvent = (event.caseID, event.type)
                return
            }
            let hash = EventHash.compute(previous: previous, sequence: event.sequence, caseID: event.caseID, version: event.version,
                                         type: event.type, occurredAt: event.occurredAt, recordedAt: event.recordedAt,
                                         actor: event.actor, payload: event.payload, workflowID: event.workflowID,
                                         workflowVersion: event.workflowVersion)
            if hash != event.hash {
                broken = (event.sequence, "its content or its link to the previous event was changed (stored hash \(event.hash.prefix(12))…, computed \(hash.prefix(12))…)")
                brokenEvent = (event.caseID, event.type)
                return
            }
            if sequences.contains(event.sequence) { computed[event.sequence] = hash }
            previous = hash
            expectedSequence += 1
        }
        return ChainVerification(events: count, head: previous, firstBroken: broken, brokenEvent: brokenEvent, computedHashes: computed)
    }

    /// A consistent copy of the whole database, taken while others may be writing.
    public func backup(to destination: String) throws(StoreError) {
        do {
            let copy = try DatabaseQueue(path: destination)
            try writer.backup(to: copy)
        } catch {
            throw CaseStore.translate(error, path: destination)
        }
    }
}
