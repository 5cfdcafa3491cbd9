import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import RetrofitApp
import RetrofitCore
import RetrofitServer
import Testing

@Suite("Cases over HTTP")
struct CaseRouteTests {
    static let admin = Actor(name: "张伟")

    @Test("reads answer the bytes the CLI's --json prints, with the case's ETag")
    func readsEqualTheCLI() async throws {
        let bench = try await ServerBench()
        let app = bench.app
        try await bench.application().test(.router) { client in
            let session = try await client.signIn("张伟")
            let view = try await app.showCase(ShowCaseRequest(caseID: bench.caseID), by: Self.admin)
            try await client.execute(uri: "/api/v1/cases/\(bench.caseID)", method: .get, headers: session.headers(csrf: false)) { response throws in
                #expect(response.status == .ok)
                #expect(response.headers[.eTag] == "\"\(view.summary.version)\"")
                #expect(Data(buffer: response.body) == (try RetrofitJSON.encoded(view.summary)))
            }
            let list = try await app.listCases(CaseSelection(district: "德城区"), by: Self.admin).cases
            try await client.execute(uri: "/api/v1/cases?district=%E5%BE%B7%E5%9F%8E%E5%8C%BA", method: .get,
                                     headers: session.headers(csrf: false)) { response throws in
                #expect(Data(buffer: response.body) == (try RetrofitJSON.encoded(list)))
            }
            let history = try await app.caseHistory(CaseHistoryRequest(caseID: bench.caseID), by: Self.admin).events
            try await client.execute(uri: "/api/v1/cases/\(bench.caseID)/history", method: .get, headers: session.headers(csrf: false)) { response throws in
                #expect(Data(buffer: response.body) == (try RetrofitJSON.encoded(history)))
            }
        }
    }

    @Test("a cookie write without the CSRF token, or with another, is a 403 problem and writes nothing",
          arguments: [nil, "not-the-token"])
    func csrfRequired(token: String?) async throws {
        let bench = try await ServerBench()
        try await bench.application().test(.router) { client in
            let session = try await client.signIn("李娜")
            var headers = session.headers(csrf: false)
            if let token { headers[HTTPField.Name("X-CSRF-Token")!] = token }
            try await client.execute(uri: "/api/v1/cases/\(bench.caseID)/note", method: .post, headers: headers,
                                     body: ByteBuffer(string: #"{"text": "不应写入"}"#)) { response throws in
                #expect(response.status == .forbidden)
                #expect(try json(response.body)["category"]?.string == "forbidden")
            }
        }
        #expect(try await bench.version() == 1)
    }

    @Test("a note holding markup, quotes, SQL and control characters is stored and returned exactly")
    func hostileTextRoundTrips() async throws {
        let bench = try await ServerBench()
        let text = "<script>alert('x')</script> \"quoted\" '; DROP TABLE events; -- \u{1}\u{7}\ttab 业主\n第二行"
        let body = String(decoding: try JSONEncoder().encode(["text": text]), as: UTF8.self)
        try await bench.application().test(.router) { client in
            let session = try await client.signIn("李娜")
            try await client.execute(uri: "/api/v1/cases/\(bench.caseID)/note", method: .post, headers: session.headers(),
                                     body: ByteBuffer(string: body)) { response throws in
                #expect(response.status == .ok, "\(String(buffer: response.body))")
                #expect(response.headers[.eTag] == "\"2\"")
            }
            try await client.execute(uri: "/api/v1/cases/\(bench.caseID)/history?after=1", method: .get,
                                     headers: session.headers(csrf: false)) { response throws in
                let events = try json(response.body)
                #expect(events.containsString(text), "the note did not come back exactly: \(String(buffer: response.body))")
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
            }
        }
    }

    @Test("a write decided on an old version is a 412 problem with the current version, by If-Match or expectedVersion")
    func staleWrites() async throws {
        let bench = try await ServerBench()
        try await bench.application().test(.router) { client in
            let session = try await client.signIn("李娜")
            try await client.execute(uri: "/api/v1/cases/\(bench.caseID)/note", method: .post, headers: session.headers(),
                                     body: ByteBuffer(string: #"{"text": "first", "expectedVersion": 1}"#)) { response throws in
                #expect(response.status == .ok)
                #expect(response.headers[.eTag] == "\"2\"")
            }
            var stale = session.headers()
            stale[.ifMatch] = "\"1\""
            try await client.execute(uri: "/api/v1/cases/\(bench.caseID)/note", method: .post, headers: stale,
                                     body: ByteBuffer(string: #"{"text": "second"}"#)) { response throws in
                #expect(response.status == .preconditionFailed)
                let problem = try json(response.body)
                #expect(problem["category"]?.string == "conflict")
                #expect(problem["currentVersion"]?.number == 2)
            }
            try await client.execute(uri: "/api/v1/cases/\(bench.caseID)/note", method: .post, headers: session.headers(),
                                     body: ByteBuffer(string: #"{"text": "second", "expectedVersion": 1}"#)) { response throws in
                #expect(response.status == .preconditionFailed)
            }
        }
        #expect(try await bench.version() == 2)
    }

    @Test("each refusal has its status: unknown case 404, bad field 400, workflow refusal 409, role 403")
    func refusals() async throws {
        let bench = try await ServerBench()
        try await bench.application().test(.router) { client in
            let helper = try await client.signIn("李娜")
            try await client.execute(uri: "/api/v1/cases/ER-1999-0001", method: .get, headers: helper.headers(csrf: false)) { response throws in
                #expect(response.status == .notFound, "\(String(buffer: response.body))")
            }
            try await client.execute(uri: "/api/v1/cases/\(bench.caseID)/note", method: .post, headers: helper.headers(),
                                     body: ByteBuffer(string: #"{"text": "x", "at": "yesterday"}"#)) { response throws in
                #expect(response.status == .badRequest)
                #expect(try json(response.body)["detail"]?.string?.contains("'at' 'yesterday'") == true)
            }
            try await client.execute(uri: "/api/v1/cases/\(bench.caseID)/resume", method: .post, headers: helper.headers(),
                                     body: ByteBuffer(string: "{}")) { response throws in
                #expect(response.status == .conflict, "\(String(buffer: response.body))")
                #expect(try json(response.body)["category"]?.string == "refused")
            }
            try await client.execute(uri: "/api/v1/people", method: .post, headers: helper.headers(),
                                     body: ByteBuffer(string: #"{"name": "新人", "role": "admin"}"#)) { response throws in
                #expect(response.status == .forbidden)
            }
        }
        #expect(try await bench.version() == 1)
    }

    @Test("a retried POST with the same Idempotency-Key answers the first answer and writes once; another body is refused")
    func idempotency() async throws {
        let bench = try await ServerBench()
        try await bench.application().test(.router) { client in
            let session = try await client.signIn("李娜")
            var headers = session.headers()
            headers[HTTPField.Name("Idempotency-Key")!] = "note-1"
            var first = ByteBuffer()
            for attempt in 0..<2 {
                try await client.execute(uri: "/api/v1/cases/\(bench.caseID)/note", method: .post, headers: headers,
                                         body: ByteBuffer(string: #"{"text": "once"}"#)) { response throws in
                    #expect(response.status == .ok)
                    if attempt == 0 { first = response.body } else { #expect(response.body == first) }
                }
            }
            try await client.execute(uri: "/api/v1/cases/\(bench.caseID)/note", method: .post, headers: headers,
                                     body: ByteBuffer(string: #"{"text": "another"}"#)) { response throws in
                #expect(response.status == .conflict)
            }
        }
        #expect(try await bench.version() == 2)
    }

    @Test("an API token signs requests in without a cookie or a CSRF token")
    func bearerToken() async throws {
        let bench = try await ServerBench()
        let token = try await bench.app.issueToken(for: "王芳", label: "script", expiresOn: nil, by: Self.admin)
        try await bench.application().test(.router) { client in
            try await client.execute(uri: "/api/v1/cases/\(bench.caseID)/note", method: .post,
                                     headers: [.authorization: "Bearer \(token.token)", .contentType: "application/json"],
                                     body: ByteBuffer(string: #"{"text": "by token"}"#)) { response throws in
                #expect(response.status == .ok, "\(String(buffer: response.body))")
            }
        }
        let events = try await bench.app.caseHistory(CaseHistoryRequest(caseID: bench.caseID), by: Self.admin).events
        #expect(events.last?.actor == "王芳", "the actor is the token's person")
    }
}
