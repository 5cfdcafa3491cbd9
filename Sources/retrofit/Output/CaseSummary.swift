import RetrofitCore
import RetrofitReports

/// The JSON form of `case show` and of every write's `--json` output.
struct CaseSummary: Encodable {
    let id: String
    let workflow: String
    let workflowVersion: Int
    let stage: String
    let stageTitle: String
    let stageEnteredAt: String
    let status: String
    let version: Int
    @EncodeNil var helper: String?
    let priority: String
    let difficulty: String
    @EncodeNil var deadline: String?
    @EncodeNil var deadlineRule: String?
    @EncodeNil var deadlineProblem: String?
    /// True when the deadline was computed with a year whose State Council notice is not yet published.
    let deadlineProvisional: Bool
    let overdue: Bool
    let daysLate: Int
    let dueSoon: Bool
    @EncodeNil var suspendedSince: String?
    @EncodeNil var suspensionReason: String?
    let fields: [String: String]
    let milestones: [String: String]
    let openObjections: [ObjectionSummary]
    let homesRegistered: Int
    let visits: [VisitSummary]

    /// One stay in a stage, with the days its clock stood still and why.
    struct VisitSummary: Encodable {
        let stage: String
        let entered: String
        @EncodeNil var left: String?
        let suspendedDays: Int
        let suspensions: [SuspensionSummary]
    }

    struct SuspensionSummary: Encodable {
        let reason: String
        let from: String
        @EncodeNil var until: String?
        @EncodeNil var note: String?
    }

    struct ObjectionSummary: Encodable {
        let number: Int
        let from: String
        let text: String
        let raisedAt: String
    }

    init(_ state: CaseState, schedule: CaseSchedule, workflow: WorkflowDefinition, asOf date: CivilDate) {
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
