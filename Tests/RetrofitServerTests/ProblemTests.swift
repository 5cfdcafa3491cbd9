import Foundation
import HTTPTypes
import Hummingbird
import RetrofitApp
import RetrofitServer
import Testing

@Suite("Application errors as HTTP problems")
struct ProblemTests {
    @Test("each error category has its one status", arguments: [
        (AppError.Category.badInput, 400), (.unauthenticated, 401), (.forbidden, 403), (.notFound, 404), (.refused, 409),
        (.conflict, 412), (.throttled, 429), (.unavailable, 503),
    ])
    func statusOfCategory(category: AppError.Category, status: Int) throws {
        let problem = Problem(AppError(category, "the message", hints: [], detail: " and its detail", retryAfterSeconds: 30))
        #expect(problem.status == status)
        #expect(problem.category == category.rawValue)
        #expect(problem.detail == "the message and its detail")
        let response = problem.response()
        #expect(response.status.code == status)
        #expect(response.headers[.contentType] == "application/problem+json")
        #expect(response.headers[.retryAfter] == "30")
    }

    @Test("a conflict's problem carries the case's current version")
    func conflictVersion() throws {
        let problem = Problem(AppError.conflict("ER-2025-0001 is at version 9, not 7"), currentVersion: 9)
        let body = try JSONDecoder().decode([String: JSONAny].self, from: RetrofitJSON.encoded(problem))
        #expect(body["currentVersion"]?.number == 9)
        #expect(body["status"]?.number == 412)
        #expect(body["title"]?.string == "The case moved on")
    }

    @Test("listen addresses are HOST:PORT; anything else is refused", arguments: [
        ("127.0.0.1:8080", "127.0.0.1", 8080), ("0.0.0.0:80", "0.0.0.0", 80), ("[::1]:8443", "::1", 8443),
        ("localhost:0", "localhost", 0),
    ])
    func listenAddresses(text: String, host: String, port: Int) {
        let parsed = ServerConfiguration.listenAddress(text)
        #expect(parsed?.host == host)
        #expect(parsed?.port == port)
    }

    @Test("malformed listen addresses are refused", arguments: ["8080", "127.0.0.1", ":8080", "127.0.0.1:99999", "host:http", "[::1]8080"])
    func badListenAddresses(text: String) {
        #expect(ServerConfiguration.listenAddress(text) == nil)
    }
}
