import RetrofitCore

/// What a consultation write left behind: the case as a write's JSON shows it and the size of its register.
public struct ConsultationWrite: Encodable, Sendable {
    public let caseID: String
    /// False when the case already was as asked: nothing was appended.
    public let changed: Bool
    /// The case after the write: what `--json` prints.
    public let summary: CaseSummary
    public let register: RegisterSize

    init(_ outcome: CaseService.Outcome) {
        caseID = outcome.caseID
        changed = outcome.changed
        summary = CaseSummary(outcome.state, schedule: outcome.schedule, workflow: outcome.workflow,
                              asOf: outcome.state.lastOccurredAt.date)
        register = RegisterSize(outcome.state.register)
    }
}
