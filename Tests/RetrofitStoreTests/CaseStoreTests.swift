import Foundation
import GRDB
import RetrofitApp
import RetrofitCore
import RetrofitStore
import RetrofitTestSupport
import Testing

@Suite("The store appends atomically and keeps cases on their workflow version")
struct CaseStoreTests {
    @Test func anAppendDecidedOnAStaleVersionIsAConflictAndWritesNothing() async throws {
        let store = try TemporaryStore.inMemory()
        let service = Fixtures.service(store, now: "2025-03-10")
        let opened = try await service.open(workflowID: "elevator-retrofit", caseID: "ER-1", fields: Fixtures.intakeFields(), at: Fixtures.time("2025-03-03"))
        _ = try await service.execute(.note("先到"), caseID: "ER-1")
        let before = try store.head()
        // A second helper decided on version 1, but the case is now at version 2.
        await #expect(throws: AppError.self) {
            _ = try await service.execute(.note("后到"), caseID: "ER-1", expectVersion: opened.state.version)
        }
        do {
            _ = try await service.execute(.note("后到"), caseID: "ER-1", expectVersion: 1)
            Issue.record("a stale version was accepted")
        } catch {
            #expect(error.description == StoreError.conflict(caseID: "ER-1", expected: 1, actual: 2).description)
        }
        #expect(try store.head() == before)
        let stale = CaseAppend(caseID: "ER-1", expectedVersion: 1, events: [.noted(.init(text: "x"))], occurredAt: Fixtures.time("2025-03-10"),
                               recordedAt: Fixtures.time("2025-03-10"), actor: "x", workflow: opened.workflow)
        #expect(throws: StoreError.self) { try store.append(stale, state: opened.state, schedule: opened.schedule) }
        #expect(try store.head() == before)
    }

    @Test func aRefusedMoveWritesNothing() async throws {
        let store = try TemporaryStore.inMemory()
        let service = Fixtures.service(store, now: "2025-03-10")
        _ = try await service.open(workflowID: "elevator-retrofit", caseID: "ER-1", fields: Fixtures.intakeFields(), at: Fixtures.time("2025-03-03"))
        let before = try store.head()
        let rows = try store.cases()
        await #expect(throws: AppError.self) { _ = try await service.execute(.advance(to: "construction", fields: [:], note: nil), caseID: "ER-1") }
        await #expect(throws: AppError.self) { _ = try await service.execute(.setFields(["floors": "eight"], note: nil), caseID: "ER-1") }
        #expect(try store.head() == before)
        #expect(try store.cases() == rows)
    }

    @Test func aCaseKeepsTheWorkflowVersionItWasOpenedUnder() async throws {
        let store = try TemporaryStore.inMemory()
        let original = Fixtures.workflowFiles
        let service = Fixtures.service(store, now: "2025-03-10")
        _ = try await service.open(workflowID: "elevator-retrofit", caseID: "OLD", fields: Fixtures.intakeFields(), at: Fixtures.time("2025-03-03"))

        // The bureau edits the file: intake now takes 2 working days, version 2.
        let edited = original.map { file in
            file.stem != "elevator-retrofit" ? file : WorkflowCatalog.File(path: file.path, text: file.text
                .replacingOccurrences(of: "version: 1", with: "version: 2")
                .replacingOccurrences(of: "    deadline: { working_days: 5 }\n    transitions:\n      - { to: helper-assignment", with: "    deadline: { working_days: 2 }\n    transitions:\n      - { to: helper-assignment"))
        }
        let newService = CaseService(store: store, workflows: WorkflowCatalog(files: edited, knownCalendars: ["cn-mainland"]),
                                     calendars: Fixtures.calendars, now: Fixtures.time("2025-03-10"), actor: "tester")
        let new = try await newService.open(workflowID: "elevator-retrofit", caseID: "NEW", fields: Fixtures.intakeFields(), at: Fixtures.time("2025-03-03"))
        #expect(new.state.workflowVersion == 2)
        #expect(new.schedule.deadline == Fixtures.date("2025-03-05"))
        let (old, oldWorkflow) = try await newService.load("OLD")
        #expect(old.workflowVersion == 1)
        #expect(oldWorkflow.stage("intake")?.deadline == Period(unit: .workingDays, count: 5))
        let advanced = try await newService.execute(.note("仍按第1版"), caseID: "OLD")
        #expect(advanced.workflow.version == 1)
        #expect(try store.rebuild(calendars: Fixtures.calendars, keep: false).identical)

        // Changing the file again without bumping the version is refused.
        let sneaky = edited.map { file in
            file.stem != "elevator-retrofit" ? file : WorkflowCatalog.File(path: file.path, text: file.text.replacingOccurrences(of: "working_days: 2 }", with: "working_days: 3 }"))
        }
        let sneakyService = CaseService(store: store, workflows: WorkflowCatalog(files: sneaky, knownCalendars: ["cn-mainland"]),
                                        calendars: Fixtures.calendars, now: Fixtures.time("2025-03-10"), actor: "tester")
        do {
            _ = try await sneakyService.open(workflowID: "elevator-retrofit", caseID: "SNEAKY", fields: Fixtures.intakeFields(), at: Fixtures.time("2025-03-03"))
            Issue.record("a changed definition with the same version was accepted")
        } catch {
            #expect(error.description == StoreError.workflowChanged(id: "elevator-retrofit", version: 2).description)
        }
    }

    @Test func chineseTextRoundTripsThroughTheLog() async throws {
        let store = try TemporaryStore.inMemory()
        let service = Fixtures.service(store, now: "2025-03-10")
        _ = try await service.open(workflowID: "elevator-retrofit", caseID: "ER-1", fields: Fixtures.intakeFields(), at: Fixtures.time("2025-03-03"))
        let note = "一楼业主担心采光，已协调「补偿方案」——见附件 😊"
        _ = try await service.execute(.note(note), caseID: "ER-1")
        let events = try store.events(caseID: "ER-1")
        #expect(try CaseEvent.decode(type: events[1].type, payload: events[1].payload) == .noted(.init(text: note)))
        #expect(try store.loadCase("ER-1")?.state.fields["address"] == "德州市德城区新华路12号")
    }

    @Test func aFileThatIsNotSQLiteIsRefusedAndLeftAlone() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("notes.sqlite").path
        let text = Data("这不是数据库 — just some notes\n".utf8)
        _ = FileManager.default.createFile(atPath: path, contents: text)
        #expect(throws: StoreError.self) { _ = try CaseStore(path: path, access: .write) }
        #expect(FileManager.default.contents(atPath: path) == text)
    }

    @Test func aDatabaseOfAnotherProgramOrANewerRetrofitIsRefused() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let other = folder.appendingPathComponent("other.sqlite").path
        try DatabaseQueue(path: other).write { try $0.execute(sql: "CREATE TABLE t (x)") }
        do { _ = try CaseStore(path: other, access: .write); Issue.record("opened another program's database") }
        catch { #expect("\(error)".contains("another program")) }

        let newer = folder.appendingPathComponent("newer.sqlite").path
        _ = try CaseStore(path: newer, access: .write)
        try DatabaseQueue(path: newer).writeWithoutTransaction { try $0.execute(sql: "PRAGMA user_version = 99") }
        do { _ = try CaseStore(path: newer, access: .read); Issue.record("opened a newer database") }
        catch { #expect("\(error)".contains("newer retrofit (schema 99")) }
    }
}

extension CaseRow: CustomStringConvertible {
    public var description: String { "\(id)@\(version)" }
}
