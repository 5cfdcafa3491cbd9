import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import RetrofitApp
import RetrofitCore
import RetrofitServer
import RetrofitTestSupport
import Testing

@Suite("Every write of the API")
struct WriteRouteTests {
    @Test("each case command answers the case with its new version as ETag, one version further each time")
    func caseCommands() async throws {
        let bench = try await ServerBench()
        let commands: [(String, String)] = [
            ("set", #"{"fields": {"planning_permit_no": "德规许2025-031"}, "note": "许可证"}"#),
            ("clear", #"{"fields": ["planning_permit_no"]}"#),
            ("classify", #"{"priority": "urgent", "difficulty": "easy"}"#),
            ("assign", #"{"helper": "刘洋"}"#),
            ("suspend", #"{"reason": "mediation", "note": "调解"}"#),
            ("resume", #"{"note": "调解成功"}"#),
            ("withdraw", #"{"reason": "业主放弃加装"}"#),
        ]
        try await bench.application().test(.router) { client in
            let session = try await client.signIn("王芳")
            var version = try await bench.version()
            for (command, body) in commands {
                try await client.execute(uri: "/api/v1/cases/\(bench.caseID)/\(command)", method: .post, headers: session.headers(),
                                         body: ByteBuffer(string: body)) { response throws in
                    #expect(response.status == .ok, "\(command): \(String(buffer: response.body))")
                    #expect(response.headers[.eTag] == "\"\(version + 1)\"", "\(command)")
                    #expect(try json(response.body)["version"]?.number == Double(version + 1), "\(command)")
                }
                version += 1
            }
        }
    }

    @Test("opening a case answers 201 with its location and ETag; advancing it moves it on")
    func openAndAdvance() async throws {
        let bench = try await ServerBench()
        let fields = String(decoding: try JSONEncoder().encode(Fixtures.intakeFields()), as: UTF8.self)
        try await bench.application().test(.router) { client in
            let session = try await client.signIn("王芳")
            let location = try await client.execute(uri: "/api/v1/cases", method: .post, headers: session.headers(),
                                                    body: ByteBuffer(string: #"{"workflow": "elevator-retrofit", "fields": \#(fields)}"#)) { response throws in
                #expect(response.status == .created, "\(String(buffer: response.body))")
                #expect(response.headers[.eTag] == "\"1\"")
                return response.headers[.location] ?? ""
            }
            #expect(location.hasPrefix("/api/v1/cases/ER-"))
            try await client.execute(uri: location, method: .get, headers: session.headers(csrf: false)) { response throws in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/api/v1/cases", method: .post, headers: session.headers(),
                                     body: ByteBuffer(string: #"{"fields": {}}"#)) { response throws in
                #expect(response.status == .badRequest)
                #expect(try json(response.body)["detail"]?.string?.contains("'workflow'") == true)
            }
            try await client.execute(uri: "\(location)/advance", method: .post, headers: session.headers(),
                                     body: ByteBuffer(string: #"{"expectedVersion": 1}"#)) { response throws in
                #expect(response.status == .ok, "\(String(buffer: response.body))")
                #expect(response.headers[.eTag] == "\"2\"")
                #expect(try json(response.body)["stage"]?.string != "intake")
            }
        }
    }

    @Test("the admin manages people and their credentials over the API")
    func people() async throws {
        let bench = try await ServerBench()
        try await bench.application().test(.router) { client in
            let admin = try await client.signIn("张伟")
            try await client.execute(uri: "/api/v1/people", method: .post, headers: admin.headers(),
                                     body: ByteBuffer(string: #"{"name": "赵敏", "role": "helper", "district": "德城区"}"#)) { response throws in
                #expect(response.status == .created, "\(String(buffer: response.body))")
            }
            let name = "%E8%B5%B5%E6%95%8F"
            try await client.execute(uri: "/api/v1/people/\(name)/password", method: .post, headers: admin.headers(),
                                     body: ByteBuffer(string: #"{"password": "another good password"}"#)) { response throws in
                #expect(response.status == .noContent, "\(String(buffer: response.body))")
            }
            let token = try await client.execute(uri: "/api/v1/people/\(name)/tokens", method: .post, headers: admin.headers(),
                                                 body: ByteBuffer(string: #"{"label": "phone"}"#)) { response throws in
                #expect(response.status == .created, "\(String(buffer: response.body))")
                return try json(response.body)["token"]?.string ?? ""
            }
            try await client.execute(uri: "/api/v1/session", method: .get, headers: [.authorization: "Bearer \(token)"]) { response throws in
                #expect(try json(response.body)["name"]?.string == "赵敏")
            }
            try await client.execute(uri: "/api/v1/people/\(name)/tokens", method: .get, headers: admin.headers(csrf: false)) { response throws in
                #expect(!String(buffer: response.body).contains(token), "a token listing shows the secret")
            }
            try await client.execute(uri: "/api/v1/people/\(name)/tokens/phone", method: .delete, headers: admin.headers(json: false)) { response throws in
                #expect(response.status == .noContent)
            }
            try await client.execute(uri: "/api/v1/session", method: .get, headers: [.authorization: "Bearer \(token)"]) { response throws in
                #expect(response.status == .unauthorized, "a revoked token still works")
            }
            for action in ["disable", "enable"] {
                try await client.execute(uri: "/api/v1/people/\(name)/\(action)", method: .post, headers: admin.headers()) { response throws in
                    #expect(response.status == .noContent, "\(action): \(String(buffer: response.body))")
                }
            }
        }
    }

    @Test("a CSV upload over its limit is a 413 problem; one of the wrong type a 400")
    func uploads() async throws {
        let bench = try await ServerBench(configuration: ServerConfiguration(maximumCSVBody: 64))
        try await bench.application().test(.router) { client in
            let session = try await client.signIn("王芳")
            var csv = session.headers()
            csv[.contentType] = "text/csv"
            let rows = "home,floor,area,owner\n" + String(repeating: "1-101,1,80.00,王伟\n", count: 10)
            try await client.execute(uri: "/api/v1/cases/\(bench.caseID)/homes/import", method: .post, headers: csv,
                                     body: ByteBuffer(string: rows)) { response throws in
                #expect(response.status == .contentTooLarge)
            }
            try await client.execute(uri: "/api/v1/cases/\(bench.caseID)/homes/import", method: .post, headers: session.headers(),
                                     body: ByteBuffer(string: "home,floor\n")) { response throws in
                #expect(response.status == .badRequest)
            }
        }
        #expect(try await bench.version() == 1)
    }
}
