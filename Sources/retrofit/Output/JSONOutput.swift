import Foundation
import RetrofitApp

/// Prints a value as pretty JSON with sorted keys; Chinese text stays readable (not escaped).
/// The encoding is the application's (``RetrofitJSON``), the one the server answers with.
func printJSON(_ value: some Encodable) throws {
    // Through print, as every other line, so that lines written before it come first.
    print(String(decoding: try RetrofitJSON.encoded(value).dropLast(), as: UTF8.self))
}

/// A JSON value for outputs whose shape is easier to build than to declare.
enum JSONValue: Encodable {
    case string(String)
    case integer(Int)
    case boolean(Bool)
    case null
    case array([JSONValue])
    case object([String: JSONValue])
    /// A value that encodes itself, such as a report's rows.
    case encoded(any Encodable)

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .boolean(let value): try container.encode(value)
        case .null: try container.encodeNil()
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        case .encoded(let value): try container.encode(value)
        }
    }

    static func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }
}
