import RetrofitCore
import RetrofitStore

/// Case states recomputed from the log as it stood on a day: for "as of" questions about the past. One path
/// for both questions: every case (`overdue --as-of`) and one case (`case show --as-of`, `case explain --as-of`).
public enum LogReplay {
    /// Which events count: those that occurred by the end of a day and, with `asKnown`, were also recorded by then.
    public struct Cutoff: Sendable {
        public let date: CivilDate
        public let asKnown: Bool
        let end: Timestamp
        let endText: String

        public init(asOf date: CivilDate, asKnown: Bool) {
            self.date = date
            self.asKnown = asKnown
            end = Timestamp(startOf: date.adding(days: 1))
            endText = end.description
        }

        /// Timestamps are fixed-width text in one offset, so text order is time order.
        func keeps(_ event: StoredEvent) -> Bool {
            event.occurredAt < endText && (!asKnown || event.recordedAt < endText)
        }
    }

    /// A case's state as those of its `events` (in version order) that `cutoff` keeps made it; nil when none are
    /// kept (the case did not exist yet) or `workflow` does not know the first kept event's workflow version.
    public static func state(_ caseID: String, events: [StoredEvent], cutoff: Cutoff,
                             workflow: (StoredEvent) throws -> WorkflowDefinition?) throws -> (CaseState, WorkflowDefinition)? {
        let kept = events.filter(cutoff.keeps)
        guard let first = kept.first, let definition = try workflow(first) else { return nil }
        let envelopes = try kept.map { event in
            EventEnvelope(event: try event.decodedEvent(), occurredAt: event.occurredTime ?? cutoff.end)
        }
        guard let state = CaseState.replay(id: caseID, workflow: definition, events: envelopes) else { return nil }
        return (state, definition)
    }

    /// Calls `body` with each case that existed by the end of `date`, as its events up to then made it.
    ///
    /// - Parameter asKnown: also leave out events recorded after `date` (what was known then).
    public static func states(_ store: CaseStore, asOf date: CivilDate, asKnown: Bool,
                              _ body: (CaseState, WorkflowDefinition) throws -> Void) throws {
        let cutoff = Cutoff(asOf: date, asKnown: asKnown)
        var workflows: [String: WorkflowDefinition] = [:]
        for stored in try store.storedWorkflows() {
            workflows["\(stored.id)@\(stored.version)"] = try stored.load()
        }
        try store.forEachCaseHistory { caseID, events in
            let replayed = try state(caseID, events: events, cutoff: cutoff) { first in
                workflows["\(first.workflowID)@\(first.workflowVersion)"]
            }
            if let (state, workflow) = replayed { try body(state, workflow) }
        }
    }
}
