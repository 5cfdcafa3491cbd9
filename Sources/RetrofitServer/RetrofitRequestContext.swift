import Hummingbird
import NIOCore
import RetrofitApp

/// How the person of a request proved who they are.
public enum Authentication: Sendable, Equatable {
    /// No credential came with the request.
    case none
    /// A session cookie; state-changing requests must repeat the session's CSRF token.
    case cookie(csrfToken: String)
    /// An API token (`Authorization: Bearer`); no CSRF token needed, a browser never sends one by itself.
    case bearer
}

/// What the server knows of one request beyond the request itself: who sent it, from where.
public struct RetrofitRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The signed-in person, set by ``AuthenticationMiddleware``; nil when no credential came or it did not hold.
    public var person: SignedInPerson?
    public var authentication: Authentication = .none
    /// Why the credential that came was refused (a forged or expired cookie, a revoked token).
    public var credentialRefusal: AppError?
    /// The peer's address as the socket saw it; nil in router tests.
    public let peerAddress: String?
    /// The client's address: the peer's, or with `--behind-proxy` the one the proxy forwarded.
    public var clientAddress: String
    /// The route pattern a request matched, for logs and metrics; set by ``RouteTable`` handlers.
    public var routePattern: String?

    public init(source: ApplicationRequestContextSource) {
        coreContext = CoreRequestContextStorage(source: source)
        peerAddress = source.channel.remoteAddress?.ipAddress
        clientAddress = peerAddress ?? "unknown"
    }

    /// Bodies are collected explicitly, each route with its own limit (JSON or CSV); this is the larger.
    public var maxUploadSize: Int { 20 << 20 }

    /// The actor of a request that needs one: the signed-in person, never a name the request gives.
    public func signedInActor() throws(AppError) -> Actor {
        guard let person else {
            throw credentialRefusal ?? AppError(.unauthenticated, "sign in first: this needs a session or an API token")
        }
        return Actor(signedIn: person)
    }
}
