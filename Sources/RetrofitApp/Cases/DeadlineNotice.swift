import RetrofitCore

/// What a write says about the deadline of the stage the case is now in: the facts for the line it prints,
/// and the warnings a helper must see (no deadline could be computed, or it is provisional).
public struct DeadlineNotice: Encodable, Sendable, Hashable {
    /// The deadline of the case's stage, when the stage has one and it could be computed.
    public let deadline: CivilDate?
    /// The stage's rule, e.g. `3 months` or `15 working days`; nil when the stage has none.
    public let rule: String?
    /// Warning sentences, in the order they are shown.
    public let warnings: [String]

    public init(caseID: String, state: CaseState, schedule: CaseSchedule, workflow: WorkflowDefinition) {
        let rule = workflow.stage(state.stage)?.deadline
        deadline = rule == nil ? nil : schedule.deadline
        self.rule = schedule.deadline == nil ? nil : rule?.description
        var warnings: [String] = []
        if let problem = schedule.problem { warnings.append("no deadline for \(caseID): \(problem)") }
        if let reckoning = schedule.reckoning, reckoning.isProvisional {
            let years = DeadlineNotice.yearsText(reckoning.provisionalYears)
            let files = reckoning.provisionalYears.map { "\(workflow.calendar)-\($0).yaml" }.joined(separator: ", ")
            warnings.append("the deadline \(reckoning.deadline) of \(caseID) is provisional: \(years) has no State Council "
                + "holiday notice yet, so it is counted from 《全国年节及纪念日放假办法》 without make-up working days; "
                + "it is recomputed when \(files) is added to the calendars folder")
        }
        self.warnings = warnings
    }

    /// `2027` or `2027, 2028`.
    public static func yearsText(_ years: [Int]) -> String { years.map { "\($0)" }.joined(separator: ", ") }
}
