import Foundation
import RetrofitApp
import RetrofitTestSupport
import Testing

@Suite("Admin use cases: check, rebuild, backup")
struct AdminUseCaseTests {
    @Test func aCleanDatabasePassesEveryCheck() async throws {
        let (database, demo) = try await AppTestDatabase.withDemo()
        defer { database.remove() }
        let result = try await database.app.checkDatabase(by: database.actor)
        #expect(result.integrityProblems.isEmpty)
        let head = try await database.app.auditHead(by: database.actor)
        #expect(result.chainIntact && result.chain == "ok: \(head.sequence) events, head \(head.hash)")
        #expect(result.rebuild.identical && result.rebuild.events == Int(head.sequence) && result.rebuild.cases == demo.cases)
        #expect(result.passed && result.findings == nil)
    }

    @Test func aBrokenChainFailsTheCheckAsFindings() async throws {
        let (database, _) = try await AppTestDatabase.withDemo(cases: 10)
        defer { database.remove() }
        try ChainForgery.edit(database.path, "UPDATE event SET actor = 'someone else' WHERE sequence = 3")
        let result = try await database.app.checkDatabase(by: database.actor)
        #expect(!result.chainIntact && result.chain.hasPrefix("broken at event 3"))
        #expect(result.findings == .findings("the database failed a check"))
    }

    @Test func aRebuildOfACleanDatabaseIsIdentical() async throws {
        let (database, demo) = try await AppTestDatabase.withDemo(cases: 10)
        defer { database.remove() }
        let checked = try await database.app.rebuildProjections(checkOnly: true, by: database.actor)
        #expect(checked.identical && checked.checkedOnly && checked.findings == nil)
        let rebuilt = try await database.app.rebuildProjections(checkOnly: false, by: database.actor)
        #expect(rebuilt.identical && !rebuilt.checkedOnly && rebuilt.events == checked.events && rebuilt.cases == demo.cases)
    }

    @Test func aBackupNeverOverwrites() async throws {
        let (database, _) = try await AppTestDatabase.withDemo(cases: 5)
        defer { database.remove() }
        let copy = database.folder.appendingPathComponent("copy.sqlite").path
        let result = try await database.app.backUpDatabase(BackupRequest(destination: copy), by: database.actor)
        #expect(result.destination == copy && FileManager.default.fileExists(atPath: copy))
        do {
            _ = try await database.app.backUpDatabase(BackupRequest(destination: copy), by: database.actor)
            Issue.record("a backup overwrote a file")
        } catch {
            #expect(error == .badInput("\(copy) already exists; choose a new file name"))
        }
    }
}
