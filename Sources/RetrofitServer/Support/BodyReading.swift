import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import RetrofitApp
import RetrofitCore

/// Reading a request's body: within its route's limit, of the content type the route takes, decoded into the
/// route's body type, or refused with a problem naming what is wrong.
enum BodyReading {
    /// The body's bytes; over `limit` a 413 problem.
    static func bytes(of request: inout Request, limit: Int, what: String) async throws -> Data {
        do {
            let buffer = try await request.collectBody(upTo: limit)
            return Data(buffer.readableBytesView)
        } catch is NIOTooManyBytesError {
            throw Problem.tooLarge(limit: limit, what: what)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw Problem.tooLarge(limit: limit, what: what)
        }
    }

    /// A JSON body decoded as `Body`; an empty body reads as `{}` (every field of a write is optional or checked by the app).
    static func json<Body: Decodable>(_ type: Body.Type, from request: inout Request, limit: Int) async throws -> Body {
        let data = try await bytes(of: &request, limit: limit, what: "JSON body")
        let text = data.isEmpty ? Data("{}".utf8) : data
        if !data.isEmpty {
            let contentType = request.headers[.contentType] ?? ""
            guard contentType.lowercased().hasPrefix("application/json") else {
                throw AppError(.badInput, "the request body is \(contentType.isEmpty ? "of no declared type" : "'\(contentType)'"); expected application/json")
            }
        }
        do {
            return try JSONDecoder().decode(Body.self, from: text)
        } catch let error as DecodingError {
            throw AppError(.badInput, describe(error))
        } catch {
            throw AppError(.badInput, "the request body is not JSON: \(error)")
        }
    }

    /// A CSV upload: `text/csv` (or plain text), UTF-8, within the CSV limit.
    static func csv(from request: inout Request, limit: Int) async throws -> String {
        let contentType = (request.headers[.contentType] ?? "").lowercased()
        guard contentType.hasPrefix("text/csv") || contentType.hasPrefix("text/plain") else {
            throw AppError(.badInput, "the upload is \(contentType.isEmpty ? "of no declared type" : "'\(contentType)'"); expected text/csv")
        }
        let data = try await bytes(of: &request, limit: limit, what: "CSV upload")
        guard let text = String(data: data, encoding: .utf8) else {
            throw AppError(.badInput, "the CSV upload is not UTF-8 text; save the spreadsheet as CSV UTF-8")
        }
        return text
    }

    /// A decoding error in words: which field, what was wrong with it.
    static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            keys.isEmpty ? "the body" : "'" + keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".") + "'"
        }
        switch error {
        case .typeMismatch(let type, let context):
            return "the request body's field \(path(context.codingPath)) is not of the expected type \(jsonType(type))"
        case .valueNotFound(let type, let context):
            return "the request body's field \(path(context.codingPath)) is null; expected \(jsonType(type))"
        case .keyNotFound(let key, let context):
            return "the request body lacks the field '\(key.stringValue)'" + (context.codingPath.isEmpty ? "" : " in \(path(context.codingPath))")
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty { return "the request body is not valid JSON" }
            return "the request body's field \(path(context.codingPath)) is not valid: \(context.debugDescription)"
        @unknown default:
            return "the request body could not be read"
        }
    }

    private static func jsonType(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type: "a whole number"
        case is Bool.Type: "true or false"
        default: "\(type)"
        }
    }
}

/// Text fields of a request, checked into the application's types, each refusal naming the field.
enum FieldReading {
    static func time(_ text: String?, field: String) throws(AppError) -> Timestamp? {
        guard let text else { return nil }
        guard let time = Timestamp(iso: text) else {
            throw AppError(.badInput, "'\(field)' '\(text)' is not a date; expected YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS] (China Standard Time)")
        }
        return time
    }

    static func date(_ text: String?, field: String) throws(AppError) -> CivilDate? {
        guard let text else { return nil }
        guard let date = CivilDate(iso: text) else { throw AppError(.badInput, "'\(field)' '\(text)' is not a date; expected YYYY-MM-DD") }
        return date
    }

    static func integer(_ text: String?, field: String) throws(AppError) -> Int? {
        guard let text else { return nil }
        guard text.count <= 12, let value = Int(text) else { throw AppError(.badInput, "'\(field)' '\(text)' is not a whole number") }
        return value
    }

    static func choice<Value: RawRepresentable & CaseIterable>(_ text: String?, field: String) throws(AppError) -> Value?
    where Value.RawValue == String {
        guard let text else { return nil }
        guard let value = Value(rawValue: text) else {
            throw AppError(.badInput, "'\(field)' '\(text)' is not one of \(Value.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return value
    }
}
