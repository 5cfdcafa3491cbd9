import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import RetrofitApp
import RetrofitServer
import Testing

@Suite("Health, readiness, metrics and the API document")
struct HealthRouteTests {
    @Test("healthz and readyz answer without a session")
    func health() async throws {
        let bench = try await ServerBench(withPasswords: false)
        try await bench.application().test(.router) { client in
            try await client.execute(uri: "/healthz", method: .get) { response throws in
                #expect(response.status == .ok)
                #expect(try json(response.body) == .object(["status": .string("ok")]))
            }
            try await client.execute(uri: "/readyz", method: .get) { response throws in
                #expect(response.status == .ok)
                #expect(try json(response.body) == .object(["status": .string("ready")]))
            }
        }
    }

    @Test("metrics count requests by route pattern and status, in Prometheus text")
    func metrics() async throws {
        let bench = try await ServerBench(withPasswords: false)
        try await bench.application().test(.router) { client in
            try await client.execute(uri: "/api/v1/cases/\(bench.caseID)", method: .get) { #expect($0.status == .unauthorized) }
            try await client.execute(uri: "/metrics", method: .get) { response throws in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("text/plain") == true)
                let text = String(buffer: response.body)
                #expect(text.contains(#"retrofit_http_requests_total{route="/api/v1/cases/{id}",method="GET",status="401"} 1"#), "\(text)")
                #expect(text.contains("retrofit_http_request_duration_seconds_bucket"))
                #expect(!text.contains(bench.caseID), "a concrete path reached the metrics")
            }
        }
    }

    @Test("the API document is served as committed, valid JSON")
    func apiDocument() async throws {
        let bench = try await ServerBench(withPasswords: false)
        let committed = try Data(contentsOf: OpenAPIDocumentTests.documentURL)
        try await bench.application().test(.router) { client in
            try await client.execute(uri: "/api/v1/openapi.json", method: .get) { response throws in
                #expect(response.status == .ok)
                #expect(Data(buffer: response.body) == committed)
                #expect(try json(response.body)["openapi"]?.string?.hasPrefix("3.1") == true)
            }
        }
    }
}
