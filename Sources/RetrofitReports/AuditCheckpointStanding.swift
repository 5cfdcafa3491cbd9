import RetrofitStore

/// The latest signed checkpoint, and whether the log's stored hash of its event is still the one signed:
/// what the commissioned report ends with. (A full recomputation of the chain is `audit verify`'s job.)
public struct AuditCheckpointStanding: Sendable, Hashable, Encodable, CustomStringConvertible {
    public let number: Int64
    public let sequence: Int64
    public let hash: String
    public let signedAt: String
    /// The event's stored hash now, nil when the log no longer has the event.
    public let storedHash: String?

    public var matches: Bool { storedHash == hash }

    /// The latest checkpoint of `store`, or nil when none was signed.
    public static func latest(_ store: CaseStore) throws -> AuditCheckpointStanding? {
        guard let checkpoint = try store.latestCheckpoint() else { return nil }
        return AuditCheckpointStanding(number: checkpoint.number, sequence: checkpoint.content.sequence, hash: checkpoint.content.hash,
                                       signedAt: checkpoint.content.signedAt, storedHash: try store.storedHash(at: checkpoint.content.sequence))
    }

    /// `checkpoint 2: event 77, hash 7e35…, signed 2026-01-05T10:00:00+08:00; the log still matches it (…)`.
    public var description: String {
        let head = "checkpoint \(number): event \(sequence), hash \(hash), signed \(signedAt); "
        if matches {
            return head + "the log still matches it (event \(sequence)'s stored hash is the one signed; 'retrofit audit verify --public-key FILE' recomputes the whole chain and checks the signature)"
        }
        let now = storedHash.map { "event \(sequence)'s stored hash is now \($0)" } ?? "the log no longer has event \(sequence)"
        return head + "the log does NOT match it: \(now); the log was changed after it was signed — run 'retrofit audit verify --public-key FILE'"
    }

    /// The line for a report: the latest checkpoint, or that none was signed.
    public static func line(_ standing: AuditCheckpointStanding?) -> String {
        standing.map { "audit \($0)" } ?? "audit checkpoint: none signed yet (sign the head with 'retrofit audit checkpoint --key FILE')"
    }

    private enum CodingKeys: String, CodingKey { case number, sequence, hash, signedAt, matches, storedHash }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(number, forKey: .number)
        try container.encode(sequence, forKey: .sequence)
        try container.encode(hash, forKey: .hash)
        try container.encode(signedAt, forKey: .signedAt)
        try container.encode(matches, forKey: .matches)
        try container.encode(storedHash, forKey: .storedHash)
    }
}
