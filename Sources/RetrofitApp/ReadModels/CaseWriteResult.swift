import RetrofitCore

/// What a write on a case answers: the case as it now stands, whether the command changed it and, if not, why,
/// and what to say about its deadline.
public struct CaseWriteResult: Encodable, Sendable {
    public let caseID: String
    /// The case after the command (as of the day of its last event), as `case show --json` shows it.
    public let summary: CaseSummary
    /// False when the command's outcome was the case as it stood: no event was appended.
    public let changed: Bool
    /// When nothing changed: the whole sentence (`CASE: nothing changed: REASON`); nil otherwise.
    public let noChange: String?
    /// The deadline of the stage the case is now in, and the warnings about it.
    public let deadline: DeadlineNotice

    /// The result of `command` as `outcome` reports it.
    public init(_ outcome: CaseService.Outcome, command: CaseCommand) {
        self.init(outcome, noChangeReason: NoChangeReason.reason(command, state: outcome.state))
    }

    /// The result of a command whose no-change reason the caller words (a file import, say); "" says only that
    /// the case is already so.
    public init(_ outcome: CaseService.Outcome, noChangeReason: @autoclosure () -> String) {
        caseID = outcome.caseID
        summary = CaseSummary(outcome.state, schedule: outcome.schedule, workflow: outcome.workflow,
                              asOf: outcome.state.lastOccurredAt.date)
        changed = outcome.changed
        noChange = outcome.changed ? nil : NoChangeReason.sentence(caseID: outcome.caseID, reason: noChangeReason())
        deadline = DeadlineNotice(caseID: outcome.caseID, state: outcome.state, schedule: outcome.schedule, workflow: outcome.workflow)
    }
}
