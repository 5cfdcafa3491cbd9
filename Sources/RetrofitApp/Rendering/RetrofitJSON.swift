import Foundation

/// The one JSON encoding of every result, whatever the front end: pretty, keys sorted, slashes and Chinese text
/// left as they are. The CLI's `--json` and the server's bodies are the same bytes.
public enum RetrofitJSON {
    /// `value` encoded, followed by a newline (what the CLI prints).
    public static func encoded(_ value: some Encodable) throws(AppError) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            var data = try encoder.encode(value)
            data.append(0x0A)
            return data
        } catch {
            throw .unavailable("the result could not be written as JSON: \(error)")
        }
    }
}
