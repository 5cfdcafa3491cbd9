import Foundation
import RetrofitApp
import RetrofitCore
import RetrofitStore
import RetrofitTestSupport
import Testing

/// `CaseService.executeAll`: several commands on one case, all or nothing.
@Suite("Case service: batches of commands on one case")
struct CaseServiceBatchTests {
    /// A service over a new database in a temporary folder, with the shipped retrofit workflow.
    final class Fixture {
        let folder: URL
        let service: CaseService
        let store: CaseStore

        init(now: String = "2025-07-01") async throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("retrofit-batch-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            var root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            while !FileManager.default.fileExists(atPath: root.appendingPathComponent("Package.swift").path), root.path != "/" {
                root = root.deletingLastPathComponent()
            }
            let path = root.appendingPathComponent("workflows/elevator-retrofit.yaml").path
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let calendars = Fixtures.calendars
            let store = try CaseStore(path: folder.appendingPathComponent("db.sqlite").path, access: .write)
            let clock = try #require(Timestamp(iso: now))
            service = CaseService(store: store, workflows: WorkflowCatalog(files: [.init(path: path, text: text)]),
                                  calendars: calendars, now: clock, actor: "李娜")
            let fields = ["address": "新华路12号", "district": "德城区", "community": "新华小区", "building": "3",
                          "unit": "1", "homes": "3", "floors": "6"]
            _ = try await service.open(workflowID: "elevator-retrofit", caseID: "C1", fields: fields, at: Timestamp(iso: "2025-05-06"))
            self.store = store
        }

        deinit { try? FileManager.default.removeItem(at: folder) }
    }

    static func home(_ number: String, _ owner: String) throws -> Home {
        try Home(number: number, floor: 1, area: Area(parsing: "80"), owner: owner)
    }

    @Test("one command and a batch of that one command record the same events and leave the same case")
    func oneCommandIsABatchOfOne() async throws {
        let single = try await Fixture(), batch = try await Fixture()
        let home = try await Self.home("1-101", "赵敏")
        let at = try #require(Timestamp(iso: "2025-05-07T10:00:00+08:00"))
        let one = try await single.service.execute(.recordHome(home), caseID: "C1", at: at)
        let all = try await batch.service.executeAll([.recordHome(home)], caseID: "C1", at: at)
        #expect(one.state == all.state && one.schedule == all.schedule)
        #expect(one.events.map(\.payload) == all.events.map(\.payload) && one.events.map(\.version) == [2])
        let stored = try #require(one.events.first)
        #expect(stored.occurredTime == at && stored.recordedTime == single.service.now)
        #expect(stored.kind == .homeRecorded)
        #expect(try stored.decodedEvent() == .homeRecorded(.init(home: home)))
        // Nothing changes: no event, the case as it stood, by both paths.
        let again = try await single.service.execute(.recordHome(home), caseID: "C1", at: at)
        let batchAgain = try await batch.service.executeAll([.recordHome(home)], caseID: "C1", at: at)
        #expect(again.events.isEmpty && batchAgain.events.isEmpty && again.state == one.state && batchAgain.state == all.state)
    }

    @Test func allCommandsLandTogetherAtOneTime() async throws {
        let fixture = try await Fixture()
        let homes = try [Self.home("1-101", "赵敏"), Self.home("1-102", "钱坤"), Self.home("1-103", "孙丽")]
        let outcome = try await fixture.service.executeAll(homes.map { CaseCommand.recordHome($0) }, caseID: "C1",
                                                     at: Timestamp(iso: "2025-05-07"))
        #expect(outcome.state.register.homes.map(\.number) == ["1-101", "1-102", "1-103"])
        #expect(outcome.events.map(\.version) == [2, 3, 4])
        #expect(outcome.events.allSatisfy { $0.occurredAt.hasPrefix("2025-05-07") })
        #expect(try fixture.store.verifyChain().isIntact)
    }

    @Test func stepsKeepTheirOwnTimes() async throws {
        let fixture = try await Fixture()
        let homes = try [Self.home("1-101", "赵敏"), Self.home("1-102", "钱坤")]
        _ = try await fixture.service.executeAll(homes.map { CaseCommand.recordHome($0) }, caseID: "C1", at: Timestamp(iso: "2025-05-07"))
        let steps = [
            CaseService.Step(.castBallot(home: "1-101", vote: .agree), at: Timestamp(iso: "2025-05-08")),
            CaseService.Step(.castBallot(home: "1-102", vote: .object), at: Timestamp(iso: "2025-05-08")),
            CaseService.Step(.castBallot(home: "1-102", vote: .agree), at: Timestamp(iso: "2025-05-09")),
        ]
        let outcome = try await fixture.service.executeAll(steps, caseID: "C1")
        #expect(outcome.events.map { String($0.occurredAt.prefix(10)) } == ["2025-05-08", "2025-05-08", "2025-05-09"])
        #expect(outcome.state.register.ballot("1-102") == .agree)
        #expect(outcome.state.version == 6)
        let (stored, _) = try await fixture.service.load("C1")
        #expect(stored == outcome.state, "the projection is the state after the last step")
        #expect(try fixture.store.verifyChain().isIntact)
    }

    @Test func aRefusedStepWritesNothingAndIsNamedByItsLabel() async throws {
        let fixture = try await Fixture()
        let steps = [
            CaseService.Step(.recordHome(try Self.home("1-101", "赵敏")), label: "homes.csv:2"),
            CaseService.Step(.castBallot(home: "9-999", vote: .agree), label: "ballots.csv:3"),
        ]
        await #expect {
            try await fixture.service.executeAll(steps, caseID: "C1")
        } throws: { error in
            guard let error = error as? AppError, error.category == .badInput else { return false }
            return error.message.hasPrefix("ballots.csv:3: there is no home 9-999")
        }
        let (state, _) = try await fixture.service.load("C1")
        #expect(state.version == 1)
        #expect(state.register.homes.isEmpty)
    }

    @Test func anEmptyBatchOrAStaleVersionIsRefused() async throws {
        let fixture = try await Fixture()
        await #expect(throws: AppError.self) { try await fixture.service.executeAll([CaseCommand](), caseID: "C1") }
        await #expect {
            try await fixture.service.executeAll([.recordHome(try Self.home("1-101", "赵敏"))], caseID: "C1", expectVersion: 7)
        } throws: { error in
            (error as? AppError) == AppError(StoreError.conflict(caseID: "C1", expected: 7, actual: 1))
        }
    }
}
