import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import RetrofitApp
import RetrofitCore
import RetrofitServer
import RetrofitStore
import RetrofitTestSupport
import Testing

/// A service over an in-memory database with a fixed clock: an admin, a manager, an auditor and two helpers, each
/// with a password, and one case opened by the helper.
struct ServerBench {
    static let now = "2025-06-02T10:00"
    static let password = "correct horse battery"
    static let people: [(String, Role, String?)] = [("张伟", .admin, nil), ("王芳", .manager, nil), ("周敏", .auditor, nil),
                                                   ("李娜", .helper, "德城区"), ("刘洋", .helper, "德城区")]
    let app: RetrofitApp
    let server: ServerDependencies
    let caseID: String

    init(configuration: ServerConfiguration = ServerConfiguration(), withPasswords: Bool = true) async throws {
        app = RetrofitApp(environment: RetrofitEnvironment(databasePath: ":memory:", clock: .fixed(Fixtures.time(Self.now))),
                          store: try CaseStore.inMemory())
        let admin = Actor(name: "张伟")
        for (name, role, district) in Self.people {
            _ = try await app.registerPerson(RegisterPersonRequest(name: name, role: role, district: district, at: Fixtures.time("2025-05-01")),
                                             by: admin)
        }
        if withPasswords {
            for (name, _, _) in Self.people { try await app.setPassword(Self.password, for: name, by: admin) }
        }
        let opened = try await app.openCase(OpenCaseRequest(workflowID: "elevator-retrofit", fields: Fixtures.intakeFields(),
                                                            helper: "李娜", at: Fixtures.time("2025-05-10")), by: Actor(name: "王芳"))
        caseID = opened.caseID
        var logger = Logger(label: "retrofit.test")
        logger.logLevel = .error
        server = ServerDependencies(app: app, configuration: configuration, logger: logger)
    }

    /// The service's router as an application, for `.router` and `.live` tests.
    func application() -> some ApplicationProtocol {
        Application(router: RetrofitServer.router(server).0)
    }

    /// The routes the service registers.
    var routes: [RouteTable.Entry] { RetrofitServer.router(server).1.entries }

    func version(_ caseID: String? = nil) async throws -> Int {
        try await app.showCase(ShowCaseRequest(caseID: caseID ?? self.caseID), by: Actor(name: "张伟")).summary.version
    }
}

/// A signed-in client's credentials.
struct Session {
    let cookie: String
    let csrfToken: String

    /// The headers of a request made with the cookie; with the CSRF token unless `csrf` is false.
    func headers(csrf: Bool = true, json: Bool = true) -> HTTPFields {
        var fields: HTTPFields = [.cookie: "retrofit_session=\(cookie)"]
        if csrf { fields[HTTPField.Name("X-CSRF-Token")!] = csrfToken }
        if json { fields[.contentType] = "application/json" }
        return fields
    }
}

extension TestClientProtocol {
    /// Signs in through the API and answers the session cookie's value and the CSRF token.
    func signIn(_ name: String, password: String = ServerBench.password) async throws -> Session {
        try await execute(uri: "/api/v1/session", method: .post, headers: [.contentType: "application/json"],
                          body: ByteBuffer(string: #"{"name": "\#(name)", "password": "\#(password)"}"#)) { response throws in
            #expect(response.status == .ok, "sign-in of \(name): \(String(buffer: response.body))")
            let setCookie = response.headers[.setCookie] ?? ""
            let value = setCookie.split(separator: ";").first?.split(separator: "=", maxSplits: 1).last.map(String.init) ?? ""
            let body = try JSONDecoder().decode([String: JSONAny].self, from: Data(buffer: response.body))
            return Session(cookie: value, csrfToken: body["csrfToken"]?.string ?? "")
        }
    }
}

/// Any JSON value, for reading answers whose shape a test only partly checks.
enum JSONAny: Decodable, Equatable {
    case string(String), number(Double), bool(Bool), null, array([JSONAny]), object([String: JSONAny])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Double.self) { self = .number(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([JSONAny].self) { self = .array(value) }
        else { self = .object(try container.decode([String: JSONAny].self)) }
    }

    var string: String? { if case .string(let value) = self { value } else { nil } }
    var number: Double? { if case .number(let value) = self { value } else { nil } }
    subscript(key: String) -> JSONAny? { if case .object(let value) = self { value[key] } else { nil } }

    /// Whether `text` is this value or any string inside it, exactly.
    func containsString(_ text: String) -> Bool {
        switch self {
        case .string(let value): value == text
        case .array(let values): values.contains { $0.containsString(text) }
        case .object(let values): values.values.contains { $0.containsString(text) }
        default: false
        }
    }
}

/// A response body as JSON.
func json(_ buffer: ByteBuffer) throws -> JSONAny {
    try JSONDecoder().decode(JSONAny.self, from: Data(buffer: buffer))
}

extension ByteBuffer {
    init(json text: String) { self.init(string: text) }
}
