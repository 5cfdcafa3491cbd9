import Foundation
import RetrofitCore
import RetrofitStore
import RetrofitTestSupport
import Testing

/// Every implementation of ``CaseRepository`` the contract is checked against. A PostgreSQL store joins by
/// adding a case that hands the test a fresh, empty database.
enum RepositoryUnderTest: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case inMemory = "CaseStore in memory"
    case onFile = "CaseStore on a file"
    case offloaded = "CaseStore on a file, offloaded to a queue"

    var testDescription: String { rawValue }

    /// Runs `body` with a new, empty repository of this kind.
    func with(_ body: (any CaseRepository) async throws -> Void) async throws {
        switch self {
        case .inMemory: try await body(try TemporaryStore.inMemory())
        case .onFile: try await TemporaryStore.onFile { store, _ in try await body(store) }
        case .offloaded: try await TemporaryStore.onFile { store, _ in try await body(store.offloaded()) }
        }
    }
}

/// Appends decided by the engine, as the command path decides them, on elevator-retrofit cases.
struct DecidedAppends: Sendable {
    typealias Item = (append: CaseAppend, state: CaseState, schedule: CaseSchedule)

    let workflow: WorkflowDefinition
    let calendar: WorkingCalendar
    let at = Fixtures.time("2025-03-03T09:00")

    init() throws {
        workflow = try Fixtures.workflow("elevator-retrofit")
        calendar = try #require(Fixtures.calendar)
    }

    /// The append that opens case `caseID`.
    func opening(_ caseID: String) throws -> Item {
        try decide(.open(fields: Fixtures.intakeFields(), priority: .normal, difficulty: .normal, helper: nil), on: nil, caseID: caseID)
    }

    /// The append of a note, decided on `state`.
    func note(_ text: String, on state: CaseState) throws -> Item {
        try decide(.note(text), on: state, caseID: state.id)
    }

    /// A case opened and given `notes` notes, one append each; returns its state afterwards.
    func history(_ caseID: String, notes: Int, in repository: any CaseRepository) async throws -> CaseState {
        var item = try opening(caseID)
        _ = try await repository.append(item.append, state: item.state, schedule: item.schedule)
        for number in 0..<notes {
            item = try note("note \(number + 1)", on: item.state)
            _ = try await repository.append(item.append, state: item.state, schedule: item.schedule)
        }
        return item.state
    }

    private func decide(_ command: CaseCommand, on state: CaseState?, caseID: String) throws -> Item {
        let context = CommandContext(actor: "tester", role: nil, occurredAt: at, now: at, calendar: calendar)
        let events = try CaseDecider.decide(command, on: state, caseID: caseID, workflow: workflow, context: context).get()
        let after = try #require(CaseState.after(events, on: state, caseID: caseID, at: at, workflow: workflow))
        let schedule = CaseSchedule.atLastEvent(after, workflow: workflow, calendar: calendar)
        let append = CaseAppend(caseID: caseID, expectedVersion: state?.version ?? 0, events: events, occurredAt: at,
                                recordedAt: at, actor: "tester", workflow: workflow)
        return (append, after, schedule)
    }
}
