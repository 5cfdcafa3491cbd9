import Foundation

/// The JSON every report prints: pretty, sorted keys, Chinese text unescaped.
public enum ReportJSON {
    /// `value` as JSON text (no trailing newline).
    public static func text(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
