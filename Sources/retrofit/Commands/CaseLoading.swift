import RetrofitApp
import RetrofitCore
import RetrofitStore

/// Loading a case now, or as its log stood on a past day.
enum CaseLoading {
    /// The case's state: from the projection, or replayed from the events that occurred by the end of `asOf`
    /// (and, with `asKnown`, that were also recorded by then).
    static func state(_ caseID: String, service: CaseService, asOf: CivilDate?, asKnown: Bool) async throws -> (CaseState, WorkflowDefinition) {
        let (current, workflow) = try await service.load(caseID)
        guard let asOf else { return (current, workflow) }
        let end = Timestamp(startOf: asOf.adding(days: 1))
        let events = try await service.store.events(caseID: caseID, afterVersion: 0, limit: .max).filter { event in
            guard let occurred = event.occurredTime, occurred < end else { return false }
            if asKnown, let recorded = event.recordedTime, recorded >= end { return false }
            return true
        }
        let envelopes = try events.map { event in
            EventEnvelope(event: try event.decodedEvent(), occurredAt: event.occurredTime ?? end)
        }
        guard let state = CaseState.replay(id: caseID, workflow: workflow, events: envelopes) else {
            throw CommandFailure.badInput("case \(caseID) did not exist yet on \(asOf)")
        }
        return (state, workflow)
    }
}
