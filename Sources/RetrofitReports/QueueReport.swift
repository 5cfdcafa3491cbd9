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
    /// What the case waits for, in words: every blocker of its next move, or the move to make.
    public let action: String
    /// True when the deadline was computed with a year whose State Council notice is not yet published.
    public var deadlineProvisional = false
    /// The next move, checked as `case advance` checks it (nil when the stage has no move out).
    @EncodeNil public var next: MoveAdvice?
    /// The first day the case counts as due soon (nil without a deadline).
    @EncodeNil public var dueSoonFrom: String?

    public init(id: String, stage: String, deadline: String?, daysLate: Int, dueSoon: Bool, priority: String,
                difficulty: String, helper: String?, district: String?, action: String,
                next: MoveAdvice? = nil, dueSoonFrom: String? = nil) {
        self.next = next
        self.dueSoonFrom = dueSoonFrom
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
    /// - Parameters:
    ///   - actor: who reads the queue; moves are checked for the person the queue is for
    ///     (`helper` when given, else `actor`) with their role in the people register, as
    ///     `case advance` would check them (no role check while nobody, or not that person, is registered).
    ///   - keepingMoves: keep each entry's checked move (`next`, for JSON); the table shows only its `action`,
    ///     and a city's whole queue holds tens of thousands of entries.
    public static func build(_ store: CaseStore, calendars: [String: WorkingCalendar], on date: CivilDate,
                             helper: String?, district: String? = nil, actor: String? = nil,
                             keepingMoves: Bool = true) throws -> [QueueEntry] {
        var workflows: [String: WorkflowDefinition] = [:]
        var entries: [QueueEntry] = []
        let person = helper ?? actor ?? ""
        let role = try store.people().first { $0.name == person }?.role
        for row in try store.cases(CaseFilter(status: .active, district: district, helper: helper)) {
            guard let (state, stored) = try store.loadCase(row.id) else { continue }
            let key = "\(state.workflowID)@\(state.workflowVersion)"
            if workflows[key] == nil { workflows[key] = try stored.load() }
            guard let workflow = workflows[key] else { continue }
            let calendar = calendars[workflow.calendar]
            let schedule = calendar.map { CaseSchedule.of(state, workflow: workflow, calendar: $0, asOf: date) }
            let next = calendar.flatMap {
                MoveAdvice.moves(of: state, workflow: workflow, calendar: $0, on: date, actor: person, role: role).first
            }
            var entry = QueueEntry(
                id: state.id, stage: state.stage, deadline: schedule?.deadline?.description,
                daysLate: schedule?.daysLate(on: date) ?? 0, dueSoon: schedule?.isDueSoon(on: date) ?? false,
                priority: state.priority.rawValue, difficulty: state.difficulty.rawValue, helper: state.helper,
                district: state.fields["district"],
                action: action(state, workflow: workflow, next: next, calendarID: calendar == nil ? workflow.calendar : nil),
                next: keepingMoves ? next : nil, dueSoonFrom: schedule?.dueSoonFrom?.description)
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
            let ease = entry.difficulty == CaseDifficulty.easy.rawValue ? 0 : (entry.difficulty == CaseDifficulty.hard.rawValue ? 2 : 1)
            return (band, -entry.daysLate, urgency, ease, entry.deadline ?? "9999-99-99", entry.id)
        }
        // Each entry ranked once, not at every comparison.
        let ranked = entries.indices.map { (rank: rank(entries[$0]), index: $0) }.sorted { $0.rank < $1.rank }
        return ranked.map { entries[$0.index] }
    }

    /// What the case waits for: every blocker of its next move, or the move to make.
    static func action(_ state: CaseState, workflow: WorkflowDefinition, next: MoveAdvice?, calendarID: String?) -> String {
        guard let stage = workflow.stage(state.stage) else { return "unknown stage" }
        if let calendarID { return "calendar \(calendarID) is missing" }
        guard let next else { return stage.transitions.isEmpty ? "none" : "unknown" }
        return next.action
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
