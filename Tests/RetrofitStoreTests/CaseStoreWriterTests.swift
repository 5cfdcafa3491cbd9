import Foundation
import GRDB
import RetrofitCore
import RetrofitStore
import RetrofitTestSupport
import Testing

@Suite("A store opens over any GRDB database writer")
struct CaseStoreWriterTests {
    @Test func aStoreInMemoryIsNamedSoAndIsItsOwn() async throws {
        let first = try CaseStore.inMemory()
        let second = try CaseStore.inMemory()
        #expect(first.path == ":memory:")
        _ = try await Fixtures.service(first, now: "2025-03-10").open(workflowID: "elevator-retrofit", caseID: "ER-1", fields: Fixtures.intakeFields(),
                                                                 at: Fixtures.time("2025-03-03"))
        #expect(try first.head().sequence == 1)
        #expect(try second.head().sequence == 0)
        #expect(try second.loadCase("ER-1") == nil)
    }

    @Test func aWriterHoldingAnotherProgramsTablesIsRefusedAndLeftAlone() throws {
        let queue = try DatabaseQueue()
        try queue.write { try $0.execute(sql: "CREATE TABLE notes (text)") }
        do {
            _ = try CaseStore(writer: queue)
            Issue.record("opened another program's database")
        } catch {
            #expect(error.description == StoreError.notRetrofit(path: ":memory:").description)
        }
        #expect(try queue.read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master") } == ["notes"])
    }

    @Test func aWriterFromANewerRetrofitIsRefused() throws {
        let queue = try DatabaseQueue()
        _ = try CaseStore(writer: queue)
        try queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA user_version = 99") }
        do {
            _ = try CaseStore(writer: queue)
            Issue.record("opened a newer database")
        } catch {
            #expect(error.description.contains("newer retrofit (schema 99"))
        }
    }

    @Test func aStoreOverADatabasePoolWritesAFileThatOpensByPath() async throws {
        try await TemporaryStore.onFile { _, folder in
            let path = folder.appendingPathComponent("pool.sqlite").path
            let store = try CaseStore(writer: try DatabasePool(path: path))
            #expect(store.path == path)
            _ = try await Fixtures.service(store, now: "2025-03-10").open(workflowID: "elevator-retrofit", caseID: "ER-1", fields: Fixtures.intakeFields(),
                                                                     at: Fixtures.time("2025-03-03"))
            let reopened = try CaseStore(path: path, access: .read)
            #expect(try reopened.loadCase("ER-1")?.state.version == 1)
            #expect(try reopened.verifyChain().isIntact)
        }
    }

    @Test func theOffloadedStoreAnswersAsTheStoreItselfDoes() async throws {
        let store = try TemporaryStore.inMemory()
        let offloaded = store.offloaded()
        _ = try await Fixtures.service(store, now: "2025-03-10").open(workflowID: "elevator-retrofit", caseID: "ER-1", fields: Fixtures.intakeFields(),
                                                                 at: Fixtures.time("2025-03-03"))
        #expect(try await offloaded.head() == store.head())
        #expect(try await offloaded.loadCase("ER-1")?.state == store.loadCase("ER-1")?.state)
        #expect(try await offloaded.events(caseID: "ER-1", afterVersion: 0, limit: 5) == store.events(caseID: "ER-1"))
        #expect(try await offloaded.people() == store.people())
        #expect(try await offloaded.nextCaseNumber(prefix: "ER", year: 2025) == store.nextCaseNumber(prefix: "ER", year: 2025))
    }
}
