import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import RetrofitApp
import RetrofitServer
import Testing

@Suite("Requests the service refuses, and how")
struct RefusalTests {
    @Test("a request without a session or token is refused with a 401 problem on every protected route")
    func everyProtectedRouteNeedsSignIn() async throws {
        let bench = try await ServerBench(withPasswords: false)
        let protected = bench.routes.filter { $0.access == .signedIn }
        #expect(protected.count > 40)
        try await bench.application().test(.router) { client in
            for route in protected {
                try await client.execute(uri: route.concretePath(caseID: bench.caseID), method: .init(route.method)!,
                                         headers: [.contentType: "application/json"], body: ByteBuffer(string: "{}")) { response throws in
                    #expect(response.status == .unauthorized, "\(route): \(response.status)")
                    #expect(response.headers[.contentType] == "application/problem+json", "\(route)")
                    let body = try json(response.body)
                    #expect(body["category"]?.string == "unauthenticated", "\(route)")
                    #expect(body["status"]?.number == 401, "\(route)")
                    #expect(body["type"]?.string == "https://retrofit.invalid/problems/unauthenticated", "\(route)")
                }
            }
        }
        #expect(try await bench.version() == 1, "a refused request wrote")
    }

    @Test("a forged cookie, an unknown bearer token or a malformed Authorization header is refused with 401",
          arguments: [
            ("Cookie", "retrofit_session=forged-session-value"),
            ("Authorization", "Bearer not-a-token"),
            ("Authorization", "Basic 5byg5LyfOnBhc3N3b3Jk"),
          ])
    func forgedCredentials(header: String, value: String) async throws {
        let bench = try await ServerBench(withPasswords: false)
        try await bench.application().test(.router) { client in
            try await client.execute(uri: "/api/v1/cases", method: .get, headers: [HTTPField.Name(header)!: value]) { response throws in
                #expect(response.status == .unauthorized)
                #expect(try json(response.body)["category"]?.string == "unauthenticated")
            }
            try await client.execute(uri: "/api/v1/cases/\(bench.caseID)/note", method: .post,
                                     headers: [HTTPField.Name(header)!: value, .contentType: "application/json"],
                                     body: ByteBuffer(string: #"{"text": "forged"}"#)) { response throws in
                #expect(response.status == .unauthorized)
            }
        }
        #expect(try await bench.version() == 1)
    }

    @Test("an unknown route answers a 404 problem; a known path with the wrong method a 405 problem with Allow")
    func unknownRouteAndWrongMethod() async throws {
        let bench = try await ServerBench(withPasswords: false)
        try await bench.application().test(.router) { client in
            try await client.execute(uri: "/api/v1/nothing-here", method: .get) { response throws in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType] == "application/problem+json")
                #expect(try json(response.body)["category"]?.string == "route-not-found")
            }
            try await client.execute(uri: "/api/v1/cases/\(bench.caseID)", method: .delete) { response throws in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] == "GET")
                #expect(try json(response.body)["category"]?.string == "method-not-allowed")
            }
            try await client.execute(uri: "/api/v1/session", method: .put) { response throws in
                #expect(response.status == .methodNotAllowed)
                #expect(Set((response.headers[.allow] ?? "").components(separatedBy: ", ")) == ["GET", "POST", "DELETE"])
            }
        }
    }

    @Test("a malformed JSON body, a wrong content type or a wrong field type is a 400 problem naming what is wrong",
          arguments: [
            ("application/json", "{\"name\": ", "not valid JSON"),
            ("text/plain", "{\"name\": \"张伟\", \"password\": \"x\"}", "expected application/json"),
            ("application/json", "{\"name\": 7, \"password\": \"x\"}", "'name'"),
            ("application/json", "{\"password\": \"x\"}", "'name'"),
          ])
    func badBodies(contentType: String, body: String, words: String) async throws {
        let bench = try await ServerBench(withPasswords: false)
        try await bench.application().test(.router) { client in
            try await client.execute(uri: "/api/v1/session", method: .post, headers: [.contentType: contentType],
                                     body: ByteBuffer(string: body)) { response throws in
                #expect(response.status == .badRequest)
                let problem = try json(response.body)
                #expect(problem["category"]?.string == "bad-input")
                #expect(problem["detail"]?.string?.contains(words) == true, "\(problem)")
            }
        }
    }

    @Test("a body over the route's limit is a 413 problem")
    func bodyTooLarge() async throws {
        let bench = try await ServerBench(configuration: ServerConfiguration(maximumJSONBody: 1024), withPasswords: false)
        try await bench.application().test(.router) { client in
            let large = "{\"name\": \"" + String(repeating: "x", count: 4096) + "\", \"password\": \"y\"}"
            try await client.execute(uri: "/api/v1/session", method: .post, headers: [.contentType: "application/json"],
                                     body: ByteBuffer(string: large)) { response throws in
                #expect(response.status == .contentTooLarge)
                #expect(try json(response.body)["category"]?.string == "too-large")
            }
        }
    }

    @Test("every response carries the security headers, refusals too")
    func securityHeaders() async throws {
        let bench = try await ServerBench(withPasswords: false)
        try await bench.application().test(.router) { client in
            for uri in ["/healthz", "/api/v1/cases", "/nowhere"] {
                try await client.execute(uri: uri, method: .get) { response throws in
                    #expect(response.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true, "\(uri)")
                    #expect(response.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff", "\(uri)")
                    #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer", "\(uri)")
                    #expect(response.headers[HTTPField.Name("X-Frame-Options")!] == "DENY", "\(uri)")
                }
            }
        }
    }
}
