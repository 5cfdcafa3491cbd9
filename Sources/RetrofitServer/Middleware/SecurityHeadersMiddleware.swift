import HTTPTypes
import Hummingbird

/// Headers that keep a browser from framing, sniffing or leaking the service's pages, on every response.
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = RetrofitRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] = "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
        response.headers[HeaderName.contentTypeOptions] = "nosniff"
        response.headers[HeaderName.referrerPolicy] = "no-referrer"
        response.headers[HeaderName.frameOptions] = "DENY"
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        return response
    }
}
