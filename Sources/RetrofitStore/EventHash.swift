import Crypto
import Foundation

/// The tamper-evident chain: each event's hash covers its own content and the previous event's hash,
/// so changing, removing or reordering any past event breaks every hash after it.
public enum EventHash {
    /// The hash before the first event.
    public static let genesis = String(repeating: "0", count: 64)

    /// SHA-256 (hex) of the event's canonical content chained to `previous`.
    public static func compute(previous: String, sequence: Int64, caseID: String, version: Int, type: String,
                               occurredAt: String, recordedAt: String, actor: String, payload: String,
                               workflowID: String, workflowVersion: Int) -> String {
        // Unit separators cannot appear in any field that matters, so the joined text is unambiguous.
        // The fields are fed to the hash one by one: the same bytes as hashing them joined, without building the text.
        var hasher = SHA256()
        var separator: UInt8 = 0x1F
        var first = true
        for field in [previous, String(sequence), caseID, String(version), type, occurredAt, recordedAt,
                      actor, workflowID, String(workflowVersion), payload] {
            if !first { withUnsafeBytes(of: &separator) { hasher.update(bufferPointer: $0) } }
            first = false
            var field = field
            field.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        }
        return hex(hasher.finalize())
    }

    /// SHA-256 (hex) of a text, used to fingerprint workflow definitions and imported files.
    public static func digest(_ data: Data) -> String {
        hex(SHA256.hash(data: data))
    }

    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
