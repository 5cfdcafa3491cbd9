import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import RetrofitApp

/// Every route of the API, registered on the router through here so that the table is known: for a wrong
/// method's `Allow`, for the test that compares the router with the published route table, and so that each
/// route's guard (signed in, CSRF, idempotency key) is applied by one piece of code, not by each route.
public final class RouteTable: @unchecked Sendable {
    /// Who may call a route.
    public enum Access: Sendable {
        /// Anyone (health, metrics, the API document, signing in).
        case anyone
        /// A signed-in person; with a cookie, state-changing methods also need the CSRF token.
        case signedIn
    }

    /// One route: method and path pattern as published (`/api/v1/cases/{id}`).
    public struct Entry: Hashable, Sendable, CustomStringConvertible {
        public let method: String
        public let path: String
        public let access: Access

        public var description: String { "\(method) \(path)" }
    }

    public typealias Handler = @Sendable (inout RouteCall) async throws -> Reply

    let router: Router<RetrofitRequestContext>
    let server: ServerDependencies
    // Written only while the router is built, before the server starts.
    public private(set) var entries: [Entry] = []

    init(router: Router<RetrofitRequestContext>, server: ServerDependencies) {
        self.router = router
        self.server = server
    }

    /// Adds a route; `handler` runs only once its guards hold.
    public func add(_ method: HTTPRequest.Method, _ path: String, access: Access = .signedIn, _ handler: @escaping Handler) {
        entries.append(Entry(method: method.rawValue, path: path, access: access))
        let server = self.server
        router.on(RouterPath(path), method: method, use: { request, context in
            var call = RouteCall(request: request, context: context, app: server.app, server: server, signedIn: nil)
            if access == .signedIn {
                let actor = try context.signedInActor()
                call = RouteCall(request: request, context: context, app: server.app, server: server, signedIn: actor)
                if RouteTable.changesState(method) { try await RouteTable.checkCSRF(&call) }
                if method == .post, let key = request.headers[HeaderName.idempotencyKey] {
                    return try await RouteTable.keyed(key, call: &call, path: path, handler: handler).response()
                }
            }
            return try await handler(&call).response()
        })
    }

    /// The methods a concrete path takes, for `405` and `Allow`; empty when no route matches it.
    func methods(matching path: String) -> [String] {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        return entries.filter { entry in
            let pattern = entry.path.split(separator: "/", omittingEmptySubsequences: true)
            guard pattern.count == segments.count else { return false }
            return zip(pattern, segments).allSatisfy { $0.hasPrefix("{") || $0 == $1 }
        }.map(\.method)
    }

    static func changesState(_ method: HTTPRequest.Method) -> Bool {
        [.post, .put, .patch, .delete].contains(method)
    }

    /// A cookie-authenticated state-changing request must repeat the session's CSRF token (header, or the
    /// `_csrf` field of a form), compared in constant time; a bearer request needs none.
    static func checkCSRF(_ call: inout RouteCall) async throws {
        guard case .cookie(let expected) = call.context.authentication else { return }
        var given = call.request.headers[HeaderName.csrfToken] ?? ""
        if given.isEmpty, (call.request.headers[.contentType] ?? "").lowercased().hasPrefix("application/x-www-form-urlencoded") {
            let form = try await BodyReading.bytes(of: &call.request, limit: call.server.configuration.maximumJSONBody, what: "form")
            given = formField("_csrf", in: String(decoding: form, as: UTF8.self)) ?? ""
        }
        guard constantTimeEqual(Array(given.utf8), Array(expected.utf8)) else {
            throw AppError(.forbidden, given.isEmpty
                ? "a request signed in with a cookie must carry the session's CSRF token (it came with the sign-in); nothing was changed"
                : "the CSRF token does not match this session's; nothing was changed")
        }
    }

    /// A field of an `application/x-www-form-urlencoded` body, decoded.
    static func formField(_ name: String, in form: String) -> String? {
        for pair in form.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, parts[0] == name else { continue }
            return String(parts[1]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
        }
        return nil
    }

    static func constantTimeEqual(_ left: [UInt8], _ right: [UInt8]) -> Bool {
        var difference = UInt8(left.count == right.count ? 0 : 1)
        for index in 0..<max(left.count, right.count) {
            let a = index < left.count ? left[index] : 0
            let b = index < right.count ? right[index] : 0
            difference |= a ^ b
        }
        return difference == 0
    }

    /// A POST with `Idempotency-Key`: answered before → the same answer; a write committed but not answered →
    /// the case as it is; the key used for another request → refused; new → carried out, its answer recorded.
    static func keyed(_ key: String, call: inout RouteCall, path: String, handler: Handler) async throws -> Reply {
        guard (1...200).contains(key.count) else {
            throw AppError(.badInput, "the Idempotency-Key is \(key.count) characters long; expected 1 to 200")
        }
        let actor = try call.actor()
        let body = try await BodyReading.bytes(of: &call.request, limit: call.server.configuration.maximumCSVBody, what: "body")
        let digest = SHA256.hash(data: body).map { String(format: "%02x", $0) }.joined()
        let requestKey = RequestKey(person: actor.name, key: key,
                                    fingerprint: "POST \(call.request.uri.path) \(digest)")
        let app = call.server.app
        switch try await app.standing(of: requestKey) {
        case .answered(let recorded):
            var reply = Reply(recorded: recorded)
            reply.headers.append((HeaderName.idempotentReplayed, "true"))
            return reply
        case .writtenUnanswered(let caseID):
            // The status the route gives on success: opening a case creates it.
            let view = try await app.showCase(ShowCaseRequest(caseID: caseID), by: actor)
            var reply = try Reply.json(view.summary, status: path == "/api/v1/cases" ? 201 : 200, version: view.summary.version)
            reply.headers.append((HeaderName.idempotentReplayed, "true"))
            return reply
        case .reusedForAnotherRequest:
            throw AppError(.refused, "the Idempotency-Key '\(key)' was already used for another request; send a new key with a new request")
        case .new:
            call.app = app.recording(requestKey)
            let reply = try await handler(&call)
            try await app.record(reply.recorded, for: requestKey)
            return reply
        }
    }
}

/// The headers of the service's own protocol, beside the standard ones.
enum HeaderName {
    static let idempotencyKey = HTTPField.Name("Idempotency-Key")!
    static let idempotentReplayed = HTTPField.Name("Idempotent-Replayed")!
    static let csrfToken = HTTPField.Name("X-CSRF-Token")!
    static let forwardedFor = HTTPField.Name("X-Forwarded-For")!
    static let contentTypeOptions = HTTPField.Name("X-Content-Type-Options")!
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
    static let frameOptions = HTTPField.Name("X-Frame-Options")!
}
