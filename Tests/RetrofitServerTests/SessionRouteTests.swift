import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import RetrofitApp
import RetrofitServer
import Testing

@Suite("Signing in and out")
struct SessionRouteTests {
    @Test("signing in sets an HttpOnly, SameSite=Strict session cookie and answers the person and the CSRF token")
    func signIn() async throws {
        let bench = try await ServerBench()
        try await bench.application().test(.router) { client in
            try await client.execute(uri: "/api/v1/session", method: .post, headers: [.contentType: "application/json"],
                                     body: ByteBuffer(string: #"{"name": "李娜", "password": "\#(ServerBench.password)"}"#)) { response throws in
                #expect(response.status == .ok)
                let cookie = response.headers[.setCookie] ?? ""
                #expect(cookie.hasPrefix("retrofit_session="))
                for attribute in ["HttpOnly", "SameSite=Strict", "Path=/", "Max-Age="] {
                    #expect(cookie.contains(attribute), "\(cookie)")
                }
                #expect(!cookie.contains("Secure"), "a plain-HTTP loopback service cannot set a Secure cookie")
                let body = try json(response.body)
                #expect(body["name"]?.string == "李娜")
                #expect(body["role"]?.string == "helper")
                #expect(body["districts"] == .array([.string("德城区")]))
                #expect((body["csrfToken"]?.string?.count ?? 0) >= 16)
                #expect(body["expiresAt"]?.string != nil)
                #expect(!String(buffer: response.body).contains(ServerBench.password))
            }
        }
    }

    @Test("behind a proxy the cookie is Secure")
    func secureBehindProxy() async throws {
        let bench = try await ServerBench(configuration: ServerConfiguration(behindProxy: true))
        try await bench.application().test(.router) { client in
            try await client.execute(uri: "/api/v1/session", method: .post, headers: [.contentType: "application/json"],
                                     body: ByteBuffer(string: #"{"name": "李娜", "password": "\#(ServerBench.password)"}"#)) { response throws in
                #expect(response.headers[.setCookie]?.contains("Secure") == true)
            }
        }
    }

    @Test("a wrong password and an unknown name answer the same 401")
    func wrongPassword() async throws {
        let bench = try await ServerBench()
        try await bench.application().test(.router) { client in
            var bodies: [String] = []
            for body in [#"{"name": "李娜", "password": "wrong password!"}"#, #"{"name": "无此人", "password": "wrong password!"}"#] {
                try await client.execute(uri: "/api/v1/session", method: .post, headers: [.contentType: "application/json"],
                                         body: ByteBuffer(string: body)) { response throws in
                    #expect(response.status == .unauthorized)
                    #expect(response.headers[.setCookie] == nil)
                    let problem = try json(response.body)
                    bodies.append(problem["detail"]?.string ?? "")
                }
            }
            #expect(bodies.count == 2 && bodies[0] == bodies[1].replacingOccurrences(of: "无此人", with: "李娜"))
            try await client.execute(uri: "/metrics", method: .get) { response throws in
                #expect(String(buffer: response.body).contains(#"retrofit_sign_in_failures_total{reason="refused"} 2"#))
            }
        }
    }

    @Test("after repeated failures the name is locked: 429 with Retry-After")
    func throttled() async throws {
        let bench = try await ServerBench()
        try await bench.application().test(.router) { client in
            var last: HTTPResponse.Status = .ok
            var retryAfter: String?
            for _ in 0..<7 {
                try await client.execute(uri: "/api/v1/session", method: .post, headers: [.contentType: "application/json"],
                                         body: ByteBuffer(string: #"{"name": "李娜", "password": "wrong password!"}"#)) { response throws in
                    last = response.status
                    retryAfter = response.headers[.retryAfter]
                }
            }
            #expect(last == .tooManyRequests)
            #expect(Int(retryAfter ?? "") ?? 0 > 0)
        }
    }

    @Test("who am I answers the session's person and CSRF token; signing out ends the session and clears the cookie")
    func whoAmIAndSignOut() async throws {
        let bench = try await ServerBench()
        try await bench.application().test(.router) { client in
            let session = try await client.signIn("王芳")
            try await client.execute(uri: "/api/v1/session", method: .get, headers: session.headers(csrf: false, json: false)) { response throws in
                #expect(response.status == .ok)
                let body = try json(response.body)
                #expect(body["name"]?.string == "王芳")
                #expect(body["csrfToken"]?.string == session.csrfToken)
            }
            try await client.execute(uri: "/api/v1/session", method: .delete, headers: session.headers(csrf: false, json: false)) { response throws in
                #expect(response.status == .forbidden, "signing out with a cookie needs the CSRF token too")
            }
            try await client.execute(uri: "/api/v1/session", method: .delete, headers: session.headers(json: false)) { response throws in
                #expect(response.status == .noContent)
                #expect(response.headers[.setCookie]?.contains("Max-Age=0") == true)
            }
            try await client.execute(uri: "/api/v1/session", method: .get, headers: session.headers(csrf: false, json: false)) { response throws in
                #expect(response.status == .unauthorized)
            }
        }
    }
}
