import RetrofitCore
import RetrofitStore

/// One line of a helper's queue.
public struct QueueEntry: Encodable, Sendable, Hashable {
    public let id: String
    public let stage: String
    @EncodeNil public var deadline: String?
    public let daysLate: Int
    public let dueSoon: Bool
    public let priority: String
    public let difficulty: String
    @EncodeNil public var helper: String?
    @EncodeNil public var district: String?
    /// What the case waits for, in words: the fields to set or the move to make.
    public let action: String
    /// True when the deadline was computed with a year whose State Council notice is not yet published.
    public var deadlineProvisional = false

    public init(id: String, stage: String, deadline: String?, daysLate: Int, dueSoon: Bool, priority: String,
                difficulty: String, helper: String?, district: String?, action: String) {
        self.id = id
        self.stage = stage
        self.deadline = deadline
        self.daysLate = daysLate
        self.dueSoon = dueSoon
        self.priority = priority
        self.difficulty = difficulty
        self.helper = helper
        self.district = district
        self.action = action
    }
}

/// The helper's work list in the order the city's principle asks: 先急后缓、先易后难 —
/// overdue first (most late first), then due soon, then urgent before normal, then easy before hard,
/// then the oldest deadline.
public enum QueueReport {
    public static func build(_ store: CaseStore, calendars: [String: WorkingCalendar], on date: CivilDate,
                             helper: String?, district: String? = nil) throws -> [QueueEntry] {
        var workflows: [String: WorkflowDefinition] = [:]
        var entries: [QueueEntry] = []
        for row in try store.cases(CaseFilter(status: .active, district: district, helper: helper)) {
            guard let (state, stored) = try store.loadCase(row.id) else { continue }
            let key = "\(state.workflowID)@\(state.workflowVersion)"
            if workflows[key] == nil { workflows[key] = try stored.load() }
            guard let workflow = workflows[key] else { continue }
            let schedule = calendars[workflow.calendar].map { CaseSchedule.of(state, workflow: workflow, calendar: $0, asOf: date) }
            var entry = QueueEntry(
                id: state.id, stage: state.stage, deadline: schedule?.deadline?.description,
                daysLate: schedule?.daysLate(on: date) ?? 0, dueSoon: schedule?.isDueSoon(on: date) ?? false,
                priority: state.priority.rawValue, difficulty: state.difficulty.rawValue, helper: state.helper,
                district: state.fields["district"], action: nextAction(state, workflow: workflow, on: date, calendar: calendars[workflow.calendar]))
            entry.deadlineProvisional = schedule?.isProvisional ?? false
            entries.append(entry)
        }
        return order(entries)
    }

    /// Sorts by the city's principle. Exposed for tests.
    public static func order(_ entries: [QueueEntry]) -> [QueueEntry] {
        func rank(_ entry: QueueEntry) -> (Int, Int, Int, Int, String, String) {
            let band = entry.daysLate > 0 ? 0 : (entry.dueSoon ? 1 : 2)
            let urgency = entry.priority == CasePriority.urgent.rawValue ? 0 : 1
            let ease = [CaseDifficulty.easy.rawValue: 0, CaseDifficulty.normal.rawValue: 1, CaseDifficulty.hard.rawValue: 2][entry.difficulty] ?? 1
            return (band, -entry.daysLate, urgency, ease, entry.deadline ?? "9999-99-99", entry.id)
        }
        return entries.sorted { rank($0) < rank($1) }
    }

    /// What the case waits for: fields to fill, a minimum period to run, open objections, or the move to make.
    public static func nextAction(_ state: CaseState, workflow: WorkflowDefinition, on date: CivilDate, calendar: WorkingCalendar?) -> String {
        guard let stage = workflow.stage(state.stage) else { return "unknown stage" }
        if !state.openObjections.isEmpty { return "resolve \(state.openObjections.count) open objection(s)" }
        if stage.vote != nil, state.register.homes.isEmpty { return "record the household register and ballots" }
        if let minimum = stage.minimum, let calendar, let visit = state.currentVisit,
           let reckoning = try? calendar.deadline(entered: visit.enteredAt.date, period: minimum, suspensions: visit.suspendedSpans(asOf: date)),
           date <= reckoning.deadline {
            return "wait: \(stage.id) runs until \(reckoning.deadline)"
        }
        guard let transition = stage.transitions.first else { return "none" }
        let missing = workflow.fieldsRequired(in: transition.to).map(\.name).filter { state.fields[$0] == nil }
            + transition.requiredFields.filter { $0 != "helper" && state.fields[$0] == nil && workflow.field($0) != nil }
        if transition.requiredFields.contains("helper"), state.helper == nil { return "assign a helper" }
        if !missing.isEmpty { return "set " + missing.joined(separator: ", ") }
        return "\(transition.name) → \(transition.to)"
    }

    public static func table(_ entries: [QueueEntry]) -> String {
        var table = TextTable(["case", "stage", "deadline", "when", "priority", "difficulty", "helper", "next action"])
        for entry in entries {
            let when = entry.daysLate > 0 ? "\(entry.daysLate) d late" : (entry.dueSoon ? "due soon" : "")
            let deadline = (entry.deadline ?? "") + (entry.deadlineProvisional ? " (provisional)" : "")
            table.add([entry.id, entry.stage, deadline, when, entry.priority, entry.difficulty, entry.helper ?? "", entry.action])
        }
        return table.render() + "\n\(entries.count) active case\(entries.count == 1 ? "" : "s")"
    }
}
