import Foundation
import RetrofitCore
import RetrofitStore
import RetrofitTestSupport
import Testing

/// What the command path relies on from any store, checked on each implementation.
@Suite("Every CaseRepository keeps the command path's contract")
struct CaseRepositoryContractTests {
    let decided: DecidedAppends

    init() throws { decided = try DecidedAppends() }

    /// Runs `body`, expecting it to throw exactly `expected`.
    func expectError(_ expected: StoreError, _ body: () async throws(StoreError) -> Void) async {
        do throws(StoreError) {
            try await body()
            Issue.record("no error; expected: \(expected)")
        } catch {
            #expect(error.description == expected.description)
        }
    }

    @Test(arguments: RepositoryUnderTest.allCases)
    func anAppendAtTheCasesVersionIsStoredAndLoadsBack(_ kind: RepositoryUnderTest) async throws {
        try await kind.with { repository in
            #expect(try await repository.loadCase("ER-1") == nil)
            let opening = try decided.opening("ER-1")
            let first = try await repository.append(opening.append, state: opening.state, schedule: opening.schedule)
            #expect(first.map(\.version) == [1])
            let note = try decided.note("先到", on: opening.state)
            let second = try await repository.append(note.append, state: note.state, schedule: note.schedule)
            #expect(second.map(\.version) == [2])
            #expect(second.map(\.type) == ["noted"])

            let loaded = try #require(try await repository.loadCase("ER-1"))
            #expect(loaded.state == note.state)
            #expect(loaded.workflow.id == "elevator-retrofit" && loaded.workflow.version == decided.workflow.version)
            #expect(loaded.workflow.source == decided.workflow.source)
            #expect(try await repository.events(caseID: "ER-1", afterVersion: 0, limit: 10) == first + second)
        }
    }

    @Test(arguments: RepositoryUnderTest.allCases)
    func aStaleExpectedVersionIsAConflictAndWritesNothing(_ kind: RepositoryUnderTest) async throws {
        try await kind.with { repository in
            let state = try await decided.history("ER-1", notes: 1, in: repository)
            let head = try await repository.head()
            let events = try await repository.events(caseID: "ER-1", afterVersion: 0, limit: 10)

            // Decided on version 1, but the case is at version 2.
            let stale = try decided.note("后到", on: try #require(try await repository.loadCase("ER-1")).state)
            let staleAppend = CaseAppend(caseID: "ER-1", expectedVersion: 1, events: stale.append.events, occurredAt: decided.at,
                                         recordedAt: decided.at, actor: "tester", workflow: decided.workflow)
            await expectError(.conflict(caseID: "ER-1", expected: 1, actual: 2)) { () async throws(StoreError) in
                _ = try await repository.append(staleAppend, state: stale.state, schedule: stale.schedule)
            }
            // Opening a case that exists is an append at version 0 to a case at version 2.
            let reopening = try decided.opening("ER-1")
            await expectError(.conflict(caseID: "ER-1", expected: 0, actual: 2)) { () async throws(StoreError) in
                _ = try await repository.append(reopening.append, state: reopening.state, schedule: reopening.schedule)
            }
            #expect(try await repository.head() == head)
            #expect(try await repository.events(caseID: "ER-1", afterVersion: 0, limit: 10) == events)
            #expect(try await repository.loadCase("ER-1")?.state == state)
        }
    }

    @Test(arguments: RepositoryUnderTest.allCases)
    func aBatchIsAllOrNothing(_ kind: RepositoryUnderTest) async throws {
        try await kind.with { repository in
            _ = try await decided.history("ER-3", notes: 0, in: repository)
            let head = try await repository.head()
            // The third item opens a case that exists: the first two must not land either.
            let refused = [try decided.opening("ER-1"), try decided.opening("ER-2"), try decided.opening("ER-3")]
            await expectError(.conflict(caseID: "ER-3", expected: 0, actual: 1)) { () async throws(StoreError) in
                try await repository.appendBatch(refused)
            }
            #expect(try await repository.head() == head)
            #expect(try await repository.loadCase("ER-1") == nil)
            #expect(try await repository.loadCase("ER-2") == nil)
            #expect(try await repository.events(caseID: "ER-1", afterVersion: 0, limit: 10).isEmpty)

            try await repository.appendBatch(Array(refused.prefix(2)))
            #expect(try await repository.loadCase("ER-1")?.state.version == 1)
            #expect(try await repository.loadCase("ER-2")?.state.version == 1)
            #expect(try await repository.head().sequence == head.sequence + 2)
        }
    }

    @Test(arguments: RepositoryUnderTest.allCases)
    func thePeopleRegisterRefusesARegistrationDecidedOnAnOlderCount(_ kind: RepositoryUnderTest) async throws {
        try await kind.with { repository in
            #expect(try await repository.people().isEmpty)
            let admin = PersonRegistered(name: "王管理", role: .admin, district: nil)
            let helper = PersonRegistered(name: "李娜", role: .helper, district: "德城区")
            try await repository.register(admin, expectedCount: 0, at: decided.at, recordedAt: decided.at, actor: "王管理")
            let head = try await repository.head()
            await expectError(.conflict(caseID: PersonRegistered.stream, expected: 0, actual: 1)) { () async throws(StoreError) in
                try await repository.register(helper, expectedCount: 0, at: decided.at, recordedAt: decided.at, actor: "王管理")
            }
            #expect(try await repository.head() == head)
            #expect(try await repository.people() == [admin])
            try await repository.register(helper, expectedCount: 1, at: decided.at, recordedAt: decided.at, actor: "王管理")
            #expect(try await repository.people() == [helper, admin].sorted { $0.name < $1.name })
            #expect(try await repository.head().sequence == head.sequence + 1)
        }
    }

    @Test(arguments: RepositoryUnderTest.allCases)
    func theNextCaseNumberFollowsTheHighestOfThatPrefixAndYear(_ kind: RepositoryUnderTest) async throws {
        try await kind.with { repository in
            #expect(try await repository.nextCaseNumber(prefix: "ER", year: 2025) == 1)
            for id in ["ER-2025-0007", "ER-2025-0012", "ER-2024-0099", "RN-2025-0500", "ER-2025-notes"] {
                _ = try await decided.history(id, notes: 0, in: repository)
            }
            #expect(try await repository.nextCaseNumber(prefix: "ER", year: 2025) == 13)
            #expect(try await repository.nextCaseNumber(prefix: "ER", year: 2024) == 100)
            #expect(try await repository.nextCaseNumber(prefix: "ER", year: 2026) == 1)
            #expect(try await repository.nextCaseNumber(prefix: "RN", year: 2025) == 501)
        }
    }

    @Test(arguments: RepositoryUnderTest.allCases)
    func theHeadIsTheLastAppendedEvent(_ kind: RepositoryUnderTest) async throws {
        try await kind.with { repository in
            let empty = try await repository.head()
            #expect(empty.sequence == 0 && empty.hash == String(repeating: "0", count: 64))
            var last: StoredEvent?
            var item = try decided.opening("ER-1")
            for number in 0..<4 {
                last = try await repository.append(item.append, state: item.state, schedule: item.schedule).last
                item = try decided.note("note \(number)", on: item.state)
            }
            let other = try decided.opening("ER-2")
            last = try await repository.append(other.append, state: other.state, schedule: other.schedule).last
            let head = try await repository.head()
            let stored = try #require(last)
            #expect(head.sequence == 5 && head.sequence == stored.sequence)
            #expect(head.hash == stored.hash && head.hash != empty.hash)
        }
    }

    @Test(arguments: RepositoryUnderTest.allCases)
    func eventsComeInPagesInVersionOrder(_ kind: RepositoryUnderTest) async throws {
        try await kind.with { repository in
            _ = try await decided.history("ER-1", notes: 9, in: repository)
            _ = try await decided.history("ER-2", notes: 2, in: repository)
            let all = try await repository.events(caseID: "ER-1", afterVersion: 0, limit: 100)
            #expect(all.map(\.version) == Array(1...10))
            #expect(all.allSatisfy { $0.caseID == "ER-1" })
            #expect(try await repository.events(caseID: "ER-1", afterVersion: 3, limit: 4).map(\.version) == [4, 5, 6, 7])
            #expect(try await repository.events(caseID: "ER-1", afterVersion: 10, limit: 4).isEmpty)
            #expect(try await repository.events(caseID: "ER-9", afterVersion: 0, limit: 4).isEmpty)
            var paged: [StoredEvent] = []
            while true {
                let page = try await repository.events(caseID: "ER-1", afterVersion: paged.last?.version ?? 0, limit: 3)
                if page.isEmpty { break }
                #expect(page.count <= 3)
                paged += page
            }
            #expect(paged == all)
        }
    }

    @Test(arguments: RepositoryUnderTest.allCases)
    func concurrentAppendsToOneCaseWinOncePerVersionWithoutGaps(_ kind: RepositoryUnderTest) async throws {
        let writers = 12
        try await kind.with { repository in
            _ = try await decided.history("ER-1", notes: 0, in: repository)
            // Each task reads the case, decides a note on what it read and appends; on a conflict it reads again.
            let attempts = try await withThrowingTaskGroup(of: [(version: Int, won: Bool)].self) { group in
                for writer in 0..<writers {
                    group.addTask { [decided] in
                        var attempts: [(version: Int, won: Bool)] = []
                        while attempts.count < 10 * writers {
                            let state = try #require(try await repository.loadCase("ER-1")).state
                            // Let the others read too, as a server does between reading and writing: a store that
                            // answers inline would otherwise run each task's read and append back to back.
                            await Task.yield()
                            let note = try decided.note("writer \(writer)", on: state)
                            do throws(StoreError) {
                                _ = try await repository.append(note.append, state: note.state, schedule: note.schedule)
                                attempts.append((state.version, true))
                                return attempts
                            } catch {
                                guard case .conflict(_, let expected, let actual) = error, expected == state.version, actual > expected else {
                                    throw error
                                }
                                attempts.append((state.version, false))
                            }
                        }
                        Issue.record("writer \(writer) never got its note in")
                        return attempts
                    }
                }
                var all: [(version: Int, won: Bool)] = []
                for try await attempts in group { all += attempts }
                return all
            }
            let wins = attempts.filter(\.won).map(\.version).sorted()
            #expect(wins == Array(1...writers), "each version is won exactly once")
            #expect(attempts.filter { !$0.won }.allSatisfy { wins.contains($0.version) }, "a conflict is a version someone else won")

            let events = try await repository.events(caseID: "ER-1", afterVersion: 0, limit: 1_000)
            #expect(events.map(\.version) == Array(1...(writers + 1)))
            let notes = try events.dropFirst().map { event -> String in
                guard case .noted(let noted) = try event.decodedEvent() else { return "not a note: \(event.type)" }
                return noted.text
            }
            #expect(notes.sorted() == (0..<writers).map { "writer \($0)" }.sorted())
            #expect(try await repository.loadCase("ER-1")?.state.version == writers + 1)
            #expect(try await repository.head().sequence == Int64(writers + 1))
        }
    }
}
