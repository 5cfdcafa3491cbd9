import Foundation
import HTTPTypes
import HummingbirdTesting
import RetrofitServer
import Testing

@Suite("The router and the published route table")
struct RouteTableTests {
    /// The route table of API.md, as published: what the router must hold, no more and no less.
    static let published: Set<String> = [
        "GET /healthz", "GET /readyz", "GET /metrics", "GET /api/v1/openapi.json",
        "POST /api/v1/session", "GET /api/v1/session", "DELETE /api/v1/session",
        "GET /api/v1/cases", "POST /api/v1/cases", "GET /api/v1/cases/{id}", "GET /api/v1/cases/{id}/history",
        "GET /api/v1/cases/{id}/explain", "POST /api/v1/cases/{id}/advance", "POST /api/v1/cases/{id}/set",
        "POST /api/v1/cases/{id}/clear", "POST /api/v1/cases/{id}/assign", "POST /api/v1/cases/{id}/classify",
        "POST /api/v1/cases/{id}/suspend", "POST /api/v1/cases/{id}/resume", "POST /api/v1/cases/{id}/withdraw",
        "POST /api/v1/cases/{id}/note",
        "GET /api/v1/cases/{id}/homes", "POST /api/v1/cases/{id}/homes", "POST /api/v1/cases/{id}/homes/import",
        "POST /api/v1/cases/{id}/ballots", "POST /api/v1/cases/{id}/ballots/import", "GET /api/v1/cases/{id}/tally",
        "GET /api/v1/cases/{id}/objections", "POST /api/v1/cases/{id}/objections",
        "POST /api/v1/cases/{id}/objections/{number}/resolve",
        "GET /api/v1/overdue", "GET /api/v1/queue",
        "GET /api/v1/reports/bottlenecks", "GET /api/v1/reports/progress", "GET /api/v1/reports/commissioned",
        "GET /api/v1/audit/head", "GET /api/v1/audit/verify",
        "GET /api/v1/workflows", "GET /api/v1/workflows/{id}", "GET /api/v1/workflows/{id}/diagram",
        "GET /api/v1/calendars/{year}",
        "GET /api/v1/people", "POST /api/v1/people", "POST /api/v1/people/{name}/password",
        "GET /api/v1/people/{name}/tokens", "POST /api/v1/people/{name}/tokens",
        "DELETE /api/v1/people/{name}/tokens/{label}",
        "POST /api/v1/people/{name}/disable", "POST /api/v1/people/{name}/enable",
    ]
    static let anyone: Set<String> = ["GET /healthz", "GET /readyz", "GET /metrics", "GET /api/v1/openapi.json", "POST /api/v1/session"]

    @Test("every route in the router is in the published table, and every published route is in the router")
    func routerMatchesTheTable() async throws {
        let routes = try await ServerBench(withPasswords: false).routes
        let registered = routes.map(\.description)
        #expect(Set(registered).count == registered.count, "a route is registered twice")
        #expect(Set(registered).subtracting(Self.published).sorted() == [], "routes missing from the published table")
        #expect(Self.published.subtracting(registered).sorted() == [], "published routes the router lacks")
    }

    @Test("only health, readiness, metrics, the API document and signing in are open to anyone")
    func openRoutes() async throws {
        let routes = try await ServerBench(withPasswords: false).routes
        #expect(Set(routes.filter { $0.access == .anyone }.map(\.description)) == Self.anyone)
    }
}

extension RouteTable.Entry {
    /// The path with each parameter filled in.
    func concretePath(caseID: String) -> String {
        path.replacingOccurrences(of: "{id}", with: caseID.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? caseID)
            .replacingOccurrences(of: "{number}", with: "1")
            .replacingOccurrences(of: "{name}", with: "%E6%9D%8E%E5%A8%9C")
            .replacingOccurrences(of: "{label}", with: "laptop")
            .replacingOccurrences(of: "{year}", with: "2025")
    }
}
