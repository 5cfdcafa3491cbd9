/// The last event's sequence number and hash: quote it, and any later change to the log before it shows.
public struct AuditHead: Sendable, Hashable, Encodable, CustomStringConvertible {
    public let sequence: Int64
    public let hash: String

    public init(sequence: Int64, hash: String) {
        self.sequence = sequence
        self.hash = hash
    }

    /// `event 123, hash 3f…`.
    public var description: String { "event \(sequence), hash \(hash)" }
}
