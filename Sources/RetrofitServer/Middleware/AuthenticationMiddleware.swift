import HTTPTypes
import Hummingbird
import RetrofitApp

/// Turns a session cookie or a bearer token into the signed-in person of the request's context; the client's
/// address from the proxy when, and only when, the service is behind one. A credential that does not hold
/// leaves no person (the route then answers 401 with why); a request without one is anonymous.
struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = RetrofitRequestContext
    static let cookieName = "retrofit_session"
    let server: ServerDependencies

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if server.configuration.behindProxy, let forwarded = request.headers[HeaderName.forwardedFor] {
            // The proxy appends the address it saw: the last entry is the one it vouches for.
            let last = forwarded.split(separator: ",").last.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            if !last.isEmpty { context.clientAddress = last }
        }
        if let authorization = request.headers[.authorization] {
            let parts = authorization.split(separator: " ", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "bearer" {
                do {
                    context.person = try await server.app.person(bearerToken: String(parts[1]).trimmingCharacters(in: .whitespaces))
                    context.authentication = .bearer
                } catch {
                    context.credentialRefusal = error
                }
            } else {
                context.credentialRefusal = AppError(.unauthenticated, "the Authorization header is not 'Bearer TOKEN'")
            }
        } else if let cookie = request.cookies[Self.cookieName] {
            do {
                let identity = try await server.app.session(token: cookie.value)
                context.person = identity.person
                context.authentication = .cookie(csrfToken: identity.csrfToken)
            } catch {
                context.credentialRefusal = error
            }
        }
        return try await next(request, context)
    }
}
