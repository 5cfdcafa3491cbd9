import RetrofitCore
import RetrofitStore

/// Case states recomputed from the log as it stood on a day: for "as of" questions about the past.
public enum LogReplay {
    /// Calls `body` with each case that existed by the end of `date`, as its events up to then made it.
    ///
    /// - Parameter asKnown: also leave out events recorded after `date` (what was known then).
    public static func states(_ store: CaseStore, asOf date: CivilDate, asKnown: Bool,
                              _ body: (CaseState, WorkflowDefinition) throws -> Void) throws {
        let end = Timestamp(startOf: date.adding(days: 1))
        let endText = end.description
        var workflows: [String: WorkflowDefinition] = [:]
        for stored in try store.storedWorkflows() {
            workflows["\(stored.id)@\(stored.version)"] = try stored.load()
        }
        try store.forEachCaseHistory { caseID, events in
            // Timestamps are fixed-width text in one offset, so text order is time order.
            let kept = events.filter { $0.occurredAt < endText && (!asKnown || $0.recordedAt < endText) }
            guard let first = kept.first, let workflow = workflows["\(first.workflowID)@\(first.workflowVersion)"] else { return }
            let envelopes = try kept.map { event in
                EventEnvelope(event: try event.decodedEvent(), occurredAt: event.occurredTime ?? end)
            }
            if let state = CaseState.replay(id: caseID, workflow: workflow, events: envelopes) { try body(state, workflow) }
        }
    }
}
