import RetrofitCore

/// A case as `case show` presents it: its summary, the fields worth showing, and its latest events.
public struct CaseView: Encodable, Sendable {
    /// The day the view answers for: today, or the `asOf` day of the request.
    public let asOf: CivilDate
    public let summary: CaseSummary
    /// The workflow's fields that have a value or that the case's stage requires, in the workflow's order.
    public let fields: [FieldLine]
    /// The latest events (at most 20), oldest first.
    public let timeline: [EventSummary]
    /// True when `timeline` starts with the case's first event.
    public let timelineIsComplete: Bool
    /// The case, its schedule and workflow, for text views (not in the JSON: `summary` says it).
    public let state: CaseState
    public let schedule: CaseSchedule
    public let workflow: WorkflowDefinition

    /// One field of the case: a value, or missing although the stage requires it.
    public struct FieldLine: Encodable, Sendable, Hashable {
        public let name: String
        public let title: String
        /// Nil: missing, and required by the case's stage.
        public let value: String?
    }

    private enum CodingKeys: String, CodingKey { case asOf, summary, fields, timeline, timelineIsComplete }

    public init(state: CaseState, schedule: CaseSchedule, workflow: WorkflowDefinition, asOf date: CivilDate, timeline: [EventSummary]) {
        asOf = date
        summary = CaseSummary(state, schedule: schedule, workflow: workflow, asOf: date)
        let required = workflow.fieldsRequired(in: state.stage)
        fields = workflow.fields.compactMap { field in
            let value = state.fields[field.name]
            guard value != nil || required.contains(field) else { return nil }
            return FieldLine(name: field.name, title: field.title, value: value)
        }
        self.timeline = timeline
        timelineIsComplete = timeline.first?.version == 1
        self.state = state
        self.schedule = schedule
        self.workflow = workflow
    }
}
