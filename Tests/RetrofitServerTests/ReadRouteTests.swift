import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import RetrofitApp
import RetrofitCore
import RetrofitServer
import Testing

@Suite("Every read of the API")
struct ReadRouteTests {
    static let admin = Actor(name: "张伟")

    @Test("each read answers 200 with the bytes of the application's result as the CLI encodes it")
    func readsEqualTheApplication() async throws {
        let bench = try await ServerBench()
        let app = bench.app
        let id = bench.caseID
        let actor = Actor(signedIn: SignedInPerson(name: "王芳", role: .manager, districts: []))
        _ = try await app.recordHome(RecordHomeRequest(caseID: id, home: try Home(number: "3-201", floor: 2, area: try Area(parsing: "89.53"),
                                                                               owner: "王伟")), by: actor)
        let expectations: [(String, Data)] = [
            ("/api/v1/cases/\(id)/explain", try RetrofitJSON.encoded(try await app.explainCase(ExplainCaseRequest(caseID: id), by: actor))),
            ("/api/v1/overdue", try RetrofitJSON.encoded(try await app.overdue(OverdueRequest(), by: actor).entries)),
            ("/api/v1/queue?helper=%E6%9D%8E%E5%A8%9C", try RetrofitJSON.encoded(try await app.queue(QueueRequest(helper: "李娜"), by: actor).entries)),
            ("/api/v1/reports/bottlenecks", try RetrofitJSON.encoded(try await app.bottleneckReport(BottleneckReportRequest(), by: actor))),
            ("/api/v1/reports/progress?year=2025", try RetrofitJSON.encoded(try await app.progressReport(ProgressReportRequest(year: 2025), by: actor))),
            ("/api/v1/audit/head", try RetrofitJSON.encoded(try await app.auditHead(by: actor))),
            ("/api/v1/audit/verify", try RetrofitJSON.encoded(try await app.verifyAudit(AuditVerifyRequest(), by: actor))),
            ("/api/v1/workflows", try RetrofitJSON.encoded(try await app.listWorkflows(by: actor).compactMap(\.summary))),
            ("/api/v1/calendars/2025", try RetrofitJSON.encoded(try await app.calendarYear(CalendarYearRequest(year: 2025), by: actor))),
            ("/api/v1/people", try RetrofitJSON.encoded(try await app.people(by: actor))),
            ("/api/v1/cases/\(id)/homes", try RetrofitJSON.encoded(try await app.homes(HomeListRequest(caseID: id), by: actor).homes)),
            ("/api/v1/cases/\(id)/tally", try RetrofitJSON.encoded(try await app.tally(TallyRequest(caseID: id), by: actor))),
            ("/api/v1/cases/\(id)/objections", try RetrofitJSON.encoded(try await app.objections(ObjectionListRequest(caseID: id), by: actor).objections)),
        ]
        try await bench.application().test(.router) { client in
            let session = try await client.signIn("王芳")
            for (uri, expected) in expectations {
                try await client.execute(uri: uri, method: .get, headers: session.headers(csrf: false)) { response throws in
                    #expect(response.status == .ok, "\(uri): \(String(buffer: response.body))")
                    #expect(Data(buffer: response.body) == expected, "\(uri)")
                }
            }
            for uri in ["/api/v1/workflows/elevator-retrofit", "/api/v1/workflows/elevator-retrofit/diagram",
                        "/api/v1/reports/commissioned?year=2025", "/api/v1/reports/commissioned?year=2025&format=csv"] {
                try await client.execute(uri: uri, method: .get, headers: session.headers(csrf: false)) { response throws in
                    #expect(response.status == .ok, "\(uri): \(String(buffer: response.body))")
                }
            }
            var csv = session.headers(csrf: false)
            csv[.accept] = "text/csv"
            try await client.execute(uri: "/api/v1/reports/commissioned?year=2025", method: .get, headers: csv) { response throws in
                #expect(response.headers[.contentType] == "text/csv; charset=utf-8")
                #expect(response.headers[.contentDisposition]?.contains("commissioned-2025.csv") == true)
            }
            try await client.execute(uri: "/api/v1/reports/commissioned", method: .get, headers: session.headers(csrf: false)) { response throws in
                #expect(response.status == .badRequest, "the year is required")
            }
        }
    }
}
