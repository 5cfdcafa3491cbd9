import RetrofitCore
import RetrofitReports

/// `case explain`: how a case's deadline was reached, why it is or is not due soon, and what blocks each move
/// out of its stage, in plain sentences (`explanation`) and as facts.
public struct CaseExplanation: Encodable, Sendable {
    public let id: String
    public let stage: String
    public let status: String
    @EncodeNil public var entered: String?
    @EncodeNil public var rule: String?
    @EncodeNil public var deadline: String?
    public let deadlineProvisional: Bool
    public let provisionalYears: [Int]
    public let holidaysSkipped: [NamedDayFact]
    public let makeUpWorkingDaysCounted: [NamedDayFact]
    public let suspendedDays: [SuspendedDayFact]
    public let overdue: Bool
    public let daysLate: Int
    public let dueSoon: Bool
    @EncodeNil public var dueSoonFrom: String?
    /// The warning window in working days; nil when the case has no due-soon window.
    @EncodeNil public var warnBefore: Int?
    /// Each move out of the stage, checked by the engine as `case advance` would check it for the actor.
    public let moves: [MoveAdvice]
    /// The explanation, one sentence a line.
    public let explanation: [String]

    public struct NamedDayFact: Encodable, Sendable, Hashable {
        public let date: String
        public let name: String
    }

    public struct SuspendedDayFact: Encodable, Sendable, Hashable {
        public let date: String
        public let reason: String
    }

    /// Explains `state` on `date` for `actor`, whose role is looked up in `people` (empty: nobody is registered).
    public init(state: CaseState, workflow: WorkflowDefinition, schedule: CaseSchedule, calendar: WorkingCalendar,
                on date: CivilDate, actor: String, people: [PersonRegistered]) {
        let reckoning = schedule.reckoning
        id = state.id
        stage = state.stage
        status = state.status.rawValue
        entered = reckoning?.entered.description
        rule = reckoning?.period.description
        deadline = schedule.deadline?.description
        deadlineProvisional = schedule.isProvisional
        provisionalYears = reckoning?.provisionalYears ?? []
        holidaysSkipped = (reckoning?.holidaysSkipped ?? []).map { NamedDayFact(date: $0.date.description, name: $0.name) }
        makeUpWorkingDaysCounted = (reckoning?.makeUpWorkingDaysCounted ?? []).map { NamedDayFact(date: $0.date.description, name: $0.name) }
        suspendedDays = (reckoning?.suspendedDays ?? []).map { SuspendedDayFact(date: $0.date.description, reason: $0.reason) }
        overdue = schedule.isOverdue(on: date)
        daysLate = schedule.daysLate(on: date)
        dueSoon = schedule.isDueSoon(on: date)
        dueSoonFrom = schedule.dueSoonFrom?.description
        warnBefore = schedule.dueSoonFrom == nil ? nil : (workflow.stage(state.stage)?.warnBefore ?? calendar.warnBefore)
        let role = people.first { $0.name == actor }?.role
        moves = MoveAdvice.moves(of: state, workflow: workflow, calendar: calendar, on: date, actor: actor, role: role)
        explanation = CaseExplanation.deadlineLines(state: state, workflow: workflow, schedule: schedule, on: date)
            + CaseExplanation.dueSoonLines(state: state, workflow: workflow, schedule: schedule, calendar: calendar, on: date)
            + CaseExplanation.moveLines(moves, state: state, on: date, actor: actor, role: role, anyoneRegistered: !people.isEmpty)
    }
}
