import Foundation
import RetrofitApp
import RetrofitCore
import RetrofitTestSupport
import Testing

/// Reports, the audit log, the people register and whole-database work through RetrofitApp, for signed-in people.
@Suite("Reports, audit and administration answer signed-in people by role")
struct AuthorizationOperationTests {
    typealias Bench = AuthorizationBench

    /// Use cases that involve no single case, each run by an actor.
    enum Operation: String, CaseIterable, Sendable {
        case bottlenecks, progress, html, auditHead, verifyAudit, signCheckpoint, rebuild, checkOnly, checkDatabase, backup,
             exportLedger, registerPerson, readPeople, listWorkflows

        /// The roles allowed it.
        var allowed: Set<Role> {
            switch self {
            case .bottlenecks, .progress, .html, .auditHead, .verifyAudit: [.manager, .auditor, .admin]
            case .signCheckpoint: [.auditor, .admin]
            case .rebuild, .checkOnly, .checkDatabase, .backup, .exportLedger, .registerPerson: [.admin]
            case .readPeople, .listWorkflows: [.helper, .manager, .auditor, .admin]
            }
        }

        func run(_ app: RetrofitApp, by actor: Actor, folder: URL) async throws {
            switch self {
            case .bottlenecks: _ = try await app.bottleneckReport(BottleneckReportRequest(), by: actor)
            case .progress: _ = try await app.progressReport(ProgressReportRequest(), by: actor)
            case .html: _ = try await app.htmlReport(HTMLReportRequest(), by: actor)
            case .auditHead: _ = try await app.auditHead(by: actor)
            case .verifyAudit: _ = try await app.verifyAudit(AuditVerifyRequest(), by: actor)
            case .signCheckpoint:
                let key = RetrofitApp.newAuditKeyPair()
                _ = try await app.signAuditCheckpoint(AuditCheckpointRequest(privateKeyText: key.privateKeyText, keyName: "audit.key"), by: actor)
            case .rebuild: _ = try await app.rebuildProjections(checkOnly: false, by: actor)
            case .checkOnly: _ = try await app.rebuildProjections(checkOnly: true, by: actor)
            case .checkDatabase: _ = try await app.checkDatabase(by: actor)
            case .backup:
                _ = try await app.backUpDatabase(BackupRequest(destination: folder.appendingPathComponent("\(UUID()).sqlite").path), by: actor)
            case .exportLedger: _ = try await app.exportLedger(LedgerExportRequest(), by: actor)
            case .registerPerson: _ = try await app.registerPerson(RegisterPersonRequest(name: "赵强", role: .helper, district: "德城区"), by: actor)
            case .readPeople: _ = try await app.people(by: actor)
            case .listWorkflows: _ = try await app.listWorkflows(by: actor)
            }
        }
    }

    @Test("each operation is carried out for the roles allowed it and refused, naming the rule, for the others",
          arguments: Operation.allCases)
    func operationByRole(operation: Operation) async throws {
        let bench = try await Bench()
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        for actor in [Bench.li, Bench.wang, Bench.liu, Bench.zhang] {
            guard let person = actor.signedIn else { continue }
            if operation.allowed.contains(person.role) {
                do { try await operation.run(bench.app, by: actor, folder: folder) } catch let error as AppError {
                    Issue.record("\(person.role) was refused \(operation): \(error.message)")
                }
            } else {
                let refused = await Bench.error { try await operation.run(bench.app, by: actor, folder: folder) }
                #expect(refused?.category == .forbidden, "\(person.role) \(operation): \(String(describing: refused))")
                #expect(refused?.message.hasPrefix("\(person.name) is \(person.role.withArticle);") == true, "\(String(describing: refused))")
            }
        }
    }

    @Test func refusalsNameTheRule() async throws {
        let bench = try await Bench()
        let report = await Bench.error { _ = try await bench.app.bottleneckReport(BottleneckReportRequest(), by: Bench.li) }
        #expect(report == .forbidden("李娜 is a helper; reports add up the cases of every district, so they are for managers, auditors and admins"))
        let sign = await Bench.error {
            let key = RetrofitApp.newAuditKeyPair()
            _ = try await bench.app.signAuditCheckpoint(AuditCheckpointRequest(privateKeyText: key.privateKeyText, keyName: "k"), by: Bench.wang)
        }
        #expect(sign == .forbidden("王芳 is a manager; signing an audit checkpoint needs an auditor or an admin"))
        let rebuild = await Bench.error { _ = try await bench.app.rebuildProjections(checkOnly: false, by: Bench.wang) }
        #expect(rebuild == .forbidden("王芳 is a manager; rebuilding the projections needs an admin"))
        let people = await Bench.error {
            _ = try await bench.app.registerPerson(RegisterPersonRequest(name: "赵强", role: .helper, district: "德城区"), by: Bench.wang)
        }
        #expect(people == .forbidden("王芳 is a manager; registering people needs an admin"))
    }

    @Test func aLocalOperatorStillRunsWhatTheRegisterAllows() async throws {
        let bench = try await Bench()
        let local = Actor(name: "李娜")
        _ = try await bench.app.bottleneckReport(BottleneckReportRequest(), by: local)
        _ = try await bench.app.auditHead(by: local)
        _ = try await bench.app.rebuildProjections(checkOnly: true, by: local)
    }
}
