import Foundation
import RetrofitCore
import RetrofitStore

/// One event of a case, as `case history --json` lists it and the timeline of `case show` shows it.
public struct EventSummary: Encodable, Sendable {
    public let sequence: Int64
    public let version: Int
    public let type: String
    public let occurredAt: String
    public let recordedAt: String
    public let actor: String
    public let payload: JSONFragment
    public let workflow: String
    public let workflowVersion: Int
    public let hash: String
    /// One line saying what the event did, for text views (not in the JSON, which carries the payload).
    public let details: String

    private enum CodingKeys: String, CodingKey {
        case sequence, version, type, occurredAt, recordedAt, actor, payload, workflow, workflowVersion, hash
    }

    public init(_ event: StoredEvent) {
        sequence = event.sequence
        version = event.version
        type = event.type
        occurredAt = event.occurredAt
        recordedAt = event.recordedAt
        actor = event.actor
        payload = JSONFragment(text: event.payload)
        workflow = event.workflowID
        workflowVersion = event.workflowVersion
        hash = event.hash
        details = EventDetails.text(event)
    }
}

/// Already-encoded JSON, embedded as a value.
public struct JSONFragment: Encodable, Sendable {
    public let text: String

    public func encode(to encoder: any Encoder) throws {
        let value = (try? JSONDecoder().decode(AnyJSON.self, from: Data(text.utf8))) ?? .string(text)
        try value.encode(to: encoder)
    }
}

/// Any JSON value, for re-encoding stored payloads.
enum AnyJSON: Codable {
    case string(String), number(Int), boolean(Bool), null, array([AnyJSON]), object([String: AnyJSON])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .boolean(value) }
        else if let value = try? container.decode(Int.self) { self = .number(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([AnyJSON].self) { self = .array(value) }
        else if let value = try? container.decode([String: AnyJSON].self) { self = .object(value) }
        else { self = .object(try container.decode([String: AnyJSON].self)) }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .boolean(let value): try container.encode(value)
        case .null: try container.encodeNil()
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}
