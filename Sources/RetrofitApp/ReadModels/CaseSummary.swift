import RetrofitCore
import RetrofitReports
import RetrofitStore

/// The JSON form of `case show` and of every write's `--json` output.
public struct CaseSummary: Encodable, Sendable {
    public let id: String
    public let workflow: String
    public let workflowVersion: Int
    public let stage: String
    public let stageTitle: String
    public let stageEnteredAt: String
    public let status: String
    public let version: Int
    @EncodeNil public var helper: String?
    public let priority: String
    public let difficulty: String
    @EncodeNil public var deadline: String?
    @EncodeNil public var deadlineRule: String?
    @EncodeNil public var deadlineProblem: String?
    /// True when the deadline was computed with a year whose State Council notice is not yet published.
    public let deadlineProvisional: Bool
    public let overdue: Bool
    public let daysLate: Int
    public let dueSoon: Bool
    @EncodeNil public var suspendedSince: String?
    @EncodeNil public var suspensionReason: String?
    public let fields: [String: String]
    public let milestones: [String: String]
    public let openObjections: [ObjectionSummary]
    public let homesRegistered: Int
    public let visits: [VisitSummary]

    /// One stay in a stage, with the days its clock stood still and why.
    public struct VisitSummary: Encodable, Sendable {
        public let stage: String
        public let entered: String
        @EncodeNil public var left: String?
        public let suspendedDays: Int
        public let suspensions: [SuspensionSummary]
    }

    public struct SuspensionSummary: Encodable, Sendable {
        public let reason: String
        public let from: String
        @EncodeNil public var until: String?
        @EncodeNil public var note: String?
    }

    public struct ObjectionSummary: Encodable, Sendable {
        public let number: Int
        public let from: String
        public let text: String
        public let raisedAt: String
    }

    public init(_ state: CaseState, schedule: CaseSchedule, workflow: WorkflowDefinition, asOf date: CivilDate) {
        let stage = workflow.stage(state.stage)
        id = state.id
        self.workflow = state.workflowID
        workflowVersion = state.workflowVersion
        self.stage = state.stage
        stageTitle = stage?.title ?? state.stage
        stageEnteredAt = state.stageEnteredAt.description
        status = state.status.rawValue
        version = state.version
        helper = state.helper
        priority = state.priority.rawValue
        difficulty = state.difficulty.rawValue
        deadline = schedule.deadline?.description
        deadlineRule = (state.status == .active || state.status == .suspended) ? stage?.deadline?.description : nil
        deadlineProblem = schedule.problem
        deadlineProvisional = schedule.isProvisional
        overdue = schedule.isOverdue(on: date)
        daysLate = schedule.daysLate(on: date)
        dueSoon = schedule.isDueSoon(on: date)
        suspendedSince = state.activeSuspension?.from.description
        suspensionReason = state.activeSuspension?.reason.rawValue
        fields = state.fields
        milestones = state.milestones.mapValues(\.description)
        openObjections = state.openObjections.map {
            ObjectionSummary(number: $0.number, from: $0.from, text: $0.text, raisedAt: $0.raisedAt.description)
        }
        homesRegistered = state.register.homes.count
        visits = state.visits.map { visit in
            VisitSummary(stage: visit.stage, entered: visit.enteredAt.description, left: visit.leftAt?.description,
                         suspendedDays: visit.suspendedDays(asOf: visit.leftAt?.date ?? date),
                         suspensions: visit.suspensions.map {
                             SuspensionSummary(reason: $0.reason.rawValue, from: $0.from.description, until: $0.until?.description, note: $0.note)
                         })
        }
    }
}
