import Foundation

/// The JSON every report prints: pretty, sorted keys, Chinese text unescaped.
public enum ReportJSON {
    static let formatting: JSONEncoder.OutputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]

    /// `value` as JSON text (no trailing newline).
    public static func text(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = formatting
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
