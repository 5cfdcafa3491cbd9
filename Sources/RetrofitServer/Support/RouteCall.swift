import Foundation
import HTTPTypes
import Hummingbird
import RetrofitApp

/// One request as a route sees it: its parameters, its body, the signed-in actor, and the application to call.
public struct RouteCall: Sendable {
    public var request: Request
    public let context: RetrofitRequestContext
    /// The application; for a keyed request, one that records the key with the case write.
    public var app: RetrofitApp
    let server: ServerDependencies
    /// Nil only on the routes anyone may call.
    let signedIn: Actor?

    /// The signed-in actor (every route but the public ones has one).
    public func actor() throws(AppError) -> Actor {
        guard let signedIn else { return try context.signedInActor() }
        return signedIn
    }

    /// A path parameter such as `{id}`, percent-decoded.
    public func parameter(_ name: String) throws(AppError) -> String {
        guard let value = context.parameters.get(name) else { throw AppError(.badInput, "the path lacks its \(name)") }
        return value.removingPercentEncoding ?? value
    }

    /// A query parameter, nil when absent.
    public func query(_ name: String) -> String? {
        request.uri.queryParameters.get(name)
    }

    /// The JSON body decoded as `Body`, within the JSON limit.
    public mutating func json<Body: Decodable>(_ type: Body.Type) async throws -> Body {
        try await BodyReading.json(type, from: &request, limit: server.configuration.maximumJSONBody)
    }

    /// The CSV upload, within the CSV limit.
    public mutating func csv() async throws -> String {
        try await BodyReading.csv(from: &request, limit: server.configuration.maximumCSVBody)
    }

    /// The case version a write was decided on: `expectedVersion` in the body or `If-Match: "VERSION"`; both
    /// given, they must agree.
    public func expectedVersion(body: Int?) throws(AppError) -> Int? {
        guard let header = request.headers[.ifMatch] else { return body }
        let trimmed = header.trimmingCharacters(in: .whitespaces)
        let inner = trimmed.hasPrefix("W/") ? String(trimmed.dropFirst(2)) : trimmed
        guard inner.count >= 3, inner.hasPrefix("\""), inner.hasSuffix("\""), inner.count <= 14,
              let version = Int(inner.dropFirst().dropLast()), version >= 0 else {
            throw AppError(.badInput, "If-Match '\(header)' is not a case version; expected a quoted number such as \"7\", the ETag of the case read")
        }
        if let body, body != version {
            throw AppError(.badInput, "If-Match says version \(version) but expectedVersion says \(body); give one, or the same")
        }
        return version
    }
}
