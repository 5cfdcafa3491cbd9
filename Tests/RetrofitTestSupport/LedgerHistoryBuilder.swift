import Foundation
import RetrofitApp
import RetrofitCore
import RetrofitStore

/// Builds long case histories in-process, in big transactions, through the engine and the public append.
public enum LedgerHistoryBuilder {
    /// Opens a retrofit case `caseID` and appends `notes` notes to it, `batch` events per transaction.
    ///
    /// - Returns: the case's version afterwards (`notes + 1`).
    @discardableResult
    public static func caseWithNotes(path: String, caseID: String, notes: Int, batch: Int = 10_000,
                                     now: String = LedgerFixtures.now) async throws -> Int {
        let store = try CaseStore(path: path, access: .write)
        let service = LedgerFixtures.service(store, now: now)
        let opened = try await service.open(workflowID: "elevator-retrofit", caseID: caseID, fields: LedgerFixtures.intakeFields(),
                                      at: LedgerFixtures.time("2025-03-03T09:00"))
        var state = opened.state
        let workflow = opened.workflow
        let calendar = try service.calendar(for: workflow)
        let at = LedgerFixtures.time("2025-03-04T09:00")
        let context = CommandContext(actor: "tester", role: nil, occurredAt: at, now: service.now, calendar: calendar)
        var written = 0
        while written < notes {
            let count = min(batch, notes - written)
            var events: [CaseEvent] = []
            events.reserveCapacity(count)
            let before = state.version
            for index in 0..<count {
                guard case .success(let decided) = CaseDecider.decide(.note("bulk note \(written + index + 1)"), on: state, caseID: caseID,
                                                                      workflow: workflow, context: context) else {
                    throw StoreError.corrupt("the engine refused a note")
                }
                for event in decided { state.apply(EventEnvelope(event: event, occurredAt: at), workflow: workflow) }
                events += decided
            }
            let schedule = CaseSchedule.atLastEvent(state, workflow: workflow, calendar: calendar)
            try store.append(CaseAppend(caseID: caseID, expectedVersion: before, events: events, occurredAt: at,
                                        recordedAt: service.now, actor: "tester", workflow: workflow),
                             state: state, schedule: schedule)
            written += count
        }
        return state.version
    }
}
