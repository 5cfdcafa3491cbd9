import Crypto
import Foundation

/// Ed25519 keys for signing checkpoints of the log, in a text file a person can handle:
/// a header line naming what the file holds, then the 32 raw key bytes in base64 on one line.
///
/// The private key file holds the key's 32-byte seed (what RFC 8032 calls the private key, and what
/// Python's `Ed25519PrivateKey.from_private_bytes` takes); the public key file the 32-byte public key.
public enum AuditKeyText {
    public static let privateHeader = "retrofit audit private key (Ed25519 seed, base64); keep it secret, away from the database"
    public static let publicHeader = "retrofit audit public key (Ed25519, base64)"

    /// The 32 bytes after `header` in `text`, or why they cannot be read.
    static func bytes(_ text: String, header: String, what: String) throws(AuditKeyError) -> Data {
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard lines.count == 2, lines[0] == header else {
            throw .unreadable("expected two lines: '\(header)', then the key in base64")
        }
        guard let data = Data(base64Encoded: String(lines[1])), data.count == 32 else {
            throw .unreadable("the second line is not 32 bytes in base64 (an Ed25519 \(what))")
        }
        return data
    }
}

/// Why a key file cannot be used.
public enum AuditKeyError: Error, Sendable, CustomStringConvertible {
    case unreadable(String)

    public var description: String {
        switch self {
        case .unreadable(let why): why
        }
    }
}

/// The private key that signs checkpoints.
public struct AuditSigningKey {
    private let key: Curve25519.Signing.PrivateKey

    /// A new random key.
    public init() { key = Curve25519.Signing.PrivateKey() }

    /// From the text of a private key file.
    public init(text: String) throws(AuditKeyError) {
        let seed = try AuditKeyText.bytes(text, header: AuditKeyText.privateHeader, what: "private key seed")
        do { key = try Curve25519.Signing.PrivateKey(rawRepresentation: seed) } catch {
            throw .unreadable("the key bytes are not an Ed25519 private key")
        }
    }

    /// The private key file's text.
    public var text: String { "\(AuditKeyText.privateHeader)\n\(key.rawRepresentation.base64EncodedString())\n" }

    public var publicKey: AuditPublicKey { AuditPublicKey(bytes: key.publicKey.rawRepresentation) }

    /// The signature (base64) of the checkpoint's canonical bytes.
    public func sign(_ content: CheckpointContent) throws -> String {
        try key.signature(for: content.canonicalBytes).base64EncodedString()
    }
}

/// The public key that checks checkpoints' signatures.
public struct AuditPublicKey: Sendable, Hashable {
    /// The 32 bytes of the key.
    private let bytes: Data

    init(bytes: Data) { self.bytes = bytes }

    /// From the text of a public key file.
    public init(text: String) throws(AuditKeyError) {
        let bytes = try AuditKeyText.bytes(text, header: AuditKeyText.publicHeader, what: "public key")
        guard (try? Curve25519.Signing.PublicKey(rawRepresentation: bytes)) != nil else {
            throw .unreadable("the key bytes are not an Ed25519 public key")
        }
        self.bytes = bytes
    }

    /// The key's 32 bytes in base64, as stored beside each checkpoint.
    public var base64: String { bytes.base64EncodedString() }

    /// The public key file's text.
    public var text: String { "\(AuditKeyText.publicHeader)\n\(base64)\n" }

    /// Whether `signature` (base64) is this key's signature of the checkpoint's canonical bytes.
    public func isValidSignature(_ signature: String, of content: CheckpointContent) -> Bool {
        guard let signatureBytes = Data(base64Encoded: signature),
              let key = try? Curve25519.Signing.PublicKey(rawRepresentation: bytes) else { return false }
        return key.isValidSignature(signatureBytes, for: content.canonicalBytes)
    }
}

/// What a checkpoint signs: a head of the log and when it was signed.
public struct CheckpointContent: Sendable, Hashable {
    /// The head's event sequence number.
    public let sequence: Int64
    /// That event's hash (64 lowercase hex digits).
    public let hash: String
    /// `YYYY-MM-DDTHH:MM:SS+08:00`.
    public let signedAt: String

    public init(sequence: Int64, hash: String, signedAt: String) {
        self.sequence = sequence
        self.hash = hash
        self.signedAt = signedAt
    }

    /// The bytes signed, documented so that another tool can check a signature: four lines of ASCII, each ending
    /// in one line feed (0x0A): `retrofit audit checkpoint v1`, `sequence N` (decimal), `hash H`, `time T`.
    public var canonicalBytes: Data {
        Data("retrofit audit checkpoint v1\nsequence \(sequence)\nhash \(hash)\ntime \(signedAt)\n".utf8)
    }
}
