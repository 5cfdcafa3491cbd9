import Foundation

/// A change to how a registered person signs in, kept in the people stream of the log: that a password was set
/// or a token issued, and by whom (the event's actor) — never the secret, which lives in its own table.
public struct AccessChanged: Codable, Sendable, Hashable {
    public enum Change: String, Codable, Sendable, Hashable, CaseIterable {
        case passwordSet = "password-set"
        case tokenIssued = "token-issued"
        case tokenRevoked = "token-revoked"
        /// The person can no longer sign in; their sessions and tokens stop working. Their past events stay theirs.
        case disabled
        case enabled
    }

    public var name: String
    public var change: Change
    /// The token's label, for token changes.
    public var label: String?

    public init(name: String, change: Change, label: String? = nil) {
        self.name = name
        self.change = change
        self.label = label
    }

    public static let type = "access-changed"

    /// The payload with sorted keys, as the other events are written.
    public func payloadJSON() -> String {
        var out = JSONOutput(capacity: 64)
        out.raw("{\"change\":")
        out.string(change.rawValue)
        if let label {
            out.raw(",\"label\":")
            out.string(label)
        }
        out.raw(",\"name\":")
        out.string(name)
        out.raw("}")
        return out.text
    }

    /// "password set for 李娜": the change in words, for history and logs.
    public var sentence: String {
        switch change {
        case .passwordSet: "password set for \(name)"
        case .tokenIssued: "API token \(label ?? "") issued for \(name)"
        case .tokenRevoked: "API token \(label ?? "") of \(name) revoked"
        case .disabled: "\(name) disabled"
        case .enabled: "\(name) enabled"
        }
    }
}
