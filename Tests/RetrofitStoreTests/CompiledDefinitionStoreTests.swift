import Foundation
import GRDB
import RetrofitApp
import RetrofitCore
import RetrofitStore
import RetrofitTestSupport
import Testing

@Suite("Stored workflow definitions keep a compiled form")
struct CompiledDefinitionStoreTests {
    @Test func aDefinitionIsStoredWithItsCompiledFormTheFirstTimeACaseUsesIt() async throws {
        let store = try TemporaryStore.inMemory()
        let service = Fixtures.service(store, now: "2025-03-10")
        let opened = try await service.open(workflowID: "elevator-retrofit", caseID: "ER-1", fields: Fixtures.intakeFields(), at: Fixtures.time("2025-03-03"))
        let stored = try #require(try store.storedWorkflow(id: "elevator-retrofit", version: opened.workflow.version))
        let compiled = try #require(stored.compiled)
        #expect(CompiledWorkflow.decode(compiled, source: stored.source) == opened.workflow)
        #expect(try store.loadCase("ER-1")?.workflow.compiled == compiled)
    }

    @Test func aDatabaseFromBeforeCompiledFormsGetsThemWhenOpened() async throws {
        let (store, folder) = try Fixtures.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        let service = Fixtures.service(store, now: "2025-03-10")
        _ = try await service.open(workflowID: "elevator-retrofit", caseID: "ER-1", fields: Fixtures.intakeFields(), at: Fixtures.time("2025-03-03"))
        _ = try await service.open(workflowID: "elevator-renewal", caseID: "RN-1", fields: Fixtures.intakeFields().merging(["years_in_service": "18"]) { $1 },
                             at: Fixtures.time("2025-03-03"))
        // Turn the file back into a schema-3 database: no compiled column, no record of the migration.
        let queue = try DatabaseQueue(path: store.path)
        try await queue.writeWithoutTransaction { db in
            try db.execute(sql: "ALTER TABLE workflow_definition DROP COLUMN compiled")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v4: compiled workflow definitions'")
            try db.execute(sql: "PRAGMA user_version = 3")
        }
        try queue.close()

        // Even a reading command brings it up to date.
        let reopened = try CaseStore(path: store.path, access: .read)
        let definitions = try reopened.storedWorkflows()
        #expect(definitions.map(\.id) == ["elevator-renewal", "elevator-retrofit"])
        for stored in definitions {
            let compiled = try #require(stored.compiled, "\(stored.id) has no compiled form")
            let parsed = try WorkflowLoader.load(text: stored.source, file: stored.id).get()
            #expect(CompiledWorkflow.decode(compiled, source: stored.source) == parsed)
        }
        #expect(try reopened.loadCase("ER-1")?.state.stage == "intake")
    }
}

@Suite("A compiled form that does not match its YAML is found and repaired")
struct CompiledDefinitionRepairTests {
    @Test func aTamperedCompiledFormIsReportedByACheckAndRewrittenByARebuild() async throws {
        let (store, folder) = try Fixtures.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        let service = Fixtures.service(store, now: "2025-03-10")
        let opened = try await service.open(workflowID: "elevator-retrofit", caseID: "ER-1", fields: Fixtures.intakeFields(), at: Fixtures.time("2025-03-03"))
        let calendars = Fixtures.calendars
        #expect(try store.rebuild(calendars: calendars, keep: false).identical)

        // Someone with the file shortens the consultation deadline in the compiled form only.
        let stored = try #require(try store.storedWorkflow(id: "elevator-retrofit", version: opened.workflow.version))
        let original = try #require(stored.compiled)
        let tampered = original.replacingOccurrences(of: #"{"count":3,"unit":"months"}"#, with: #"{"count":1,"unit":"months"}"#)
        #expect(tampered != original)
        let queue = try DatabaseQueue(path: store.path)
        try await queue.write { db in
            try db.execute(sql: "UPDATE workflow_definition SET compiled = ?", arguments: [tampered])
        }
        try queue.close()

        let check = try store.rebuild(calendars: calendars, keep: false)
        #expect(!check.identical)
        #expect(check.firstDifference == "workflow_definition (compiled forms)")
        #expect(try store.storedWorkflow(id: "elevator-retrofit", version: opened.workflow.version)?.compiled == tampered)

        #expect(try !store.rebuild(calendars: calendars, keep: true).identical)
        #expect(try store.storedWorkflow(id: "elevator-retrofit", version: opened.workflow.version)?.compiled == original)
        #expect(try store.rebuild(calendars: calendars, keep: false).identical)
    }
}
