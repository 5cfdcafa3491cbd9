import Foundation
import HTTPTypes
import Hummingbird
import RetrofitApp
import RetrofitCore

/// Signing in and out with a session cookie, and "who am I".
enum SessionRoutes {
    struct SignInBody: Decodable {
        let name: String
        let password: String
    }

    /// The session as the API shows it: the person, the CSRF token to send with writes, when it ends.
    struct SessionBody: Encodable {
        let name: String
        let role: Role
        let districts: [String]
        let csrfToken: String
        let expiresAt: Timestamp?
    }

    static func add(to routes: RouteTable) {
        routes.add(.post, "/api/v1/session", access: .anyone) { call in
            let body = try await call.json(SignInBody.self)
            let grant: SessionGrant
            do {
                grant = try await call.server.app.signIn(name: body.name, password: body.password, address: call.context.clientAddress)
            } catch let error as AppError {
                if error.category == .unauthenticated || error.category == .throttled {
                    call.server.metrics.signInFailure(throttled: error.category == .throttled)
                    call.context.logger.notice("sign-in refused", metadata: ["reason": .string(error.category.rawValue),
                                                                            "address": .string(call.context.clientAddress)])
                }
                throw error
            }
            let person = grant.person
            var reply = try Reply.json(SessionBody(name: person.name, role: person.role, districts: person.districts,
                                                   csrfToken: grant.csrfToken, expiresAt: grant.absoluteExpiresAt))
            let lifetime = grant.absoluteExpiresAt.secondsSinceEpoch - call.app.now.secondsSinceEpoch
            reply.headers.append((.setCookie, cookie(grant.sessionToken, maxAge: Int(max(0, lifetime)), server: call.server).description))
            return reply
        }
        routes.add(.get, "/api/v1/session") { call in
            let actor = try call.actor()
            guard let person = actor.signedIn else { throw AppError(.unauthenticated, "sign in first") }
            let csrf: String
            if case .cookie(let token) = call.context.authentication { csrf = token } else { csrf = "" }
            return try Reply.json(SessionBody(name: person.name, role: person.role, districts: person.districts,
                                              csrfToken: csrf, expiresAt: nil))
        }
        routes.add(.delete, "/api/v1/session") { call in
            if let token = call.request.cookies[AuthenticationMiddleware.cookieName]?.value {
                try await call.app.signOut(sessionToken: token)
            }
            var reply = Reply.noContent
            reply.headers.append((.setCookie, cookie("", maxAge: 0, server: call.server).description))
            return reply
        }
    }

    /// The session cookie: script cannot read it, no other site sends it, HTTPS only when the service is reached so.
    static func cookie(_ value: String, maxAge: Int, server: ServerDependencies) -> Cookie {
        Cookie(name: AuthenticationMiddleware.cookieName, value: value, maxAge: maxAge, path: "/",
               secure: server.configuration.secureCookies, httpOnly: true, sameSite: .strict)
    }
}
