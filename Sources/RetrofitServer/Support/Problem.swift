import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import RetrofitApp
import RetrofitCore

/// An `application/problem+json` answer (RFC 9457): the one shape every refusal of the service takes.
public struct Problem: Error, Sendable, Encodable {
    public let type: String
    public let title: String
    public let status: Int
    public let detail: String
    /// An ``AppError/Category`` raw value, or the server's own (`route-not-found`, `method-not-allowed`, `too-large`).
    public let category: String
    public let hints: [InputHint]
    /// On a conflict: the case's version now, to decide again on.
    public let currentVersion: Int?
    /// Seconds, for `Retry-After` (not in the body).
    let retryAfterSeconds: Int?
    /// For a wrong method: the methods the path takes (`Allow`).
    let allowedMethods: [String]

    enum CodingKeys: String, CodingKey { case type, title, status, detail, category, hints, currentVersion }

    init(status: Int, category: String, title: String, detail: String, hints: [InputHint] = [], currentVersion: Int? = nil,
         retryAfterSeconds: Int? = nil, allowedMethods: [String] = []) {
        type = "https://retrofit.invalid/problems/\(category)"
        self.title = title
        self.status = status
        self.detail = detail
        self.category = category
        self.hints = hints
        self.currentVersion = currentVersion
        self.retryAfterSeconds = retryAfterSeconds
        self.allowedMethods = allowedMethods
    }

    /// The one place an application category becomes an HTTP status.
    public init(_ error: AppError, currentVersion: Int? = nil) {
        let (status, title): (Int, String) = switch error.category {
        case .badInput: (400, "Bad input")
        case .unauthenticated: (401, "Not signed in")
        case .forbidden: (403, "Forbidden")
        case .notFound: (404, "Not found")
        case .refused: (409, "Refused by the workflow")
        case .conflict: (412, "The case moved on")
        case .throttled: (429, "Too many attempts")
        case .unavailable: (503, "Unavailable")
        // A check that found problems reports them in its result; as an error it is the check's own refusal.
        case .findings: (422, "Problems found")
        }
        let retry = error.retryAfterSeconds ?? (error.category == .unavailable ? 5 : nil)
        self.init(status: status, category: error.category.rawValue, title: title, detail: error.message + error.detail,
                  hints: error.hints, currentVersion: currentVersion, retryAfterSeconds: retry)
    }

    static func routeNotFound(_ path: String) -> Problem {
        Problem(status: 404, category: "route-not-found", title: "No such route",
                detail: "no route \(path) in this API; the routes are listed at /api/v1/openapi.json")
    }

    static func methodNotAllowed(_ method: String, _ path: String, allowed: [String]) -> Problem {
        Problem(status: 405, category: "method-not-allowed", title: "Method not allowed",
                detail: "\(path) does not take \(method); it takes \(allowed.joined(separator: ", "))", allowedMethods: allowed)
    }

    static func tooLarge(limit: Int, what: String) -> Problem {
        Problem(status: 413, category: "too-large", title: "Body too large",
                detail: "the \(what) is larger than the \(limit / (1 << 20)) MB this route accepts")
    }

    /// The response: the body, its content type, `Retry-After` and `Allow` where they apply.
    public func response() -> Response {
        var headers: HTTPFields = [.contentType: "application/problem+json"]
        if let retryAfterSeconds { headers[.retryAfter] = String(retryAfterSeconds) }
        if !allowedMethods.isEmpty { headers[.allow] = allowedMethods.joined(separator: ", ") }
        let body = (try? RetrofitJSON.encoded(self)) ?? Data("{\"status\": \(status)}\n".utf8)
        return Response(status: HTTPResponse.Status(code: status), headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }
}
