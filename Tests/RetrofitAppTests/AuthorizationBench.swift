import Foundation
import RetrofitApp
import RetrofitCore
import RetrofitTestSupport
import Testing

/// Two districts on an in-memory database: a helper of each, a manager, an auditor, an admin, all signed in, and
/// three cases: ER-2025-0001 in 德城区 (unassigned), ER-2025-0002 in 禹城市 assigned to 陈刚, ER-2025-0003 in 禹城市
/// assigned to 李娜 by the manager. The clock is long past every deadline.
struct AuthorizationBench {
    static let li = Actor(signedIn: SignedInPerson(name: "李娜", role: .helper, districts: ["德城区"]))
    static let chen = Actor(signedIn: SignedInPerson(name: "陈刚", role: .helper, districts: ["禹城市"]))
    static let wang = Actor(signedIn: SignedInPerson(name: "王芳", role: .manager, districts: []))
    static let liu = Actor(signedIn: SignedInPerson(name: "刘洋", role: .auditor, districts: []))
    static let zhang = Actor(signedIn: SignedInPerson(name: "张伟", role: .admin, districts: []))

    static let own = "ER-2025-0001", other = "ER-2025-0002", assigned = "ER-2025-0003", missing = "ER-2025-9999"

    let bench: AppCaseBench
    var app: RetrofitApp { bench.app }

    init() async throws {
        bench = try AppCaseBench(now: "2025-06-30T17:00")
        try bench.register([("张伟", .admin, nil), ("王芳", .manager, nil), ("刘洋", .auditor, nil),
                            ("李娜", .helper, "德城区"), ("陈刚", .helper, "禹城市")], at: "2025-03-01")
        let advance = CaseCommand.advance(to: nil, fields: [:], note: nil)
        try await bench.open(fields: Fixtures.intakeFields(district: "德城区"), at: "2025-03-03", by: Self.li)
        try await bench.open(fields: Fixtures.intakeFields(district: "禹城市"), at: "2025-03-03", by: Self.chen)
        try await bench.open(fields: Fixtures.intakeFields(district: "禹城市"), at: "2025-03-03", by: Self.wang)
        try await bench.change(Self.other, advance, at: "2025-03-04", by: Self.wang)
        try await bench.change(Self.other, .assign(helper: "陈刚"), at: "2025-03-04", by: Self.wang)
        try await bench.change(Self.assigned, advance, at: "2025-03-04", by: Self.wang)
        try await bench.change(Self.assigned, .assign(helper: "李娜", anyDistrict: true), at: "2025-03-04", by: Self.wang)
    }

    @discardableResult
    func open(_ caseID: String? = nil, fields: [String: String] = Fixtures.intakeFields(), at: String, by actor: Actor) async throws -> CaseWriteResult {
        try await bench.open(caseID, fields: fields, at: at, by: actor)
    }

    @discardableResult
    func change(_ caseID: String, _ command: CaseCommand, at: String, by actor: Actor) async throws -> CaseWriteResult {
        try await bench.change(caseID, command, at: at, by: actor)
    }

    /// The error `body` throws, or a recorded issue when it throws none.
    static func error(sourceLocation: SourceLocation = #_sourceLocation, _ body: () async throws -> Void) async -> AppError? {
        do {
            try await body()
            Issue.record("expected an AppError, got none", sourceLocation: sourceLocation)
        } catch let error as AppError {
            return error
        } catch {
            Issue.record("expected an AppError, got \(error)", sourceLocation: sourceLocation)
        }
        return nil
    }

    /// The versions of every case, as the manager sees them: what a refused write must leave unchanged.
    func versions() async throws -> [String: Int] {
        Dictionary(uniqueKeysWithValues: try await app.listCases(CaseSelection(), by: Self.wang).cases.map { ($0.id, $0.version) })
    }
}
