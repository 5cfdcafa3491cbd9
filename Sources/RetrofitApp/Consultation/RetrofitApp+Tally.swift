import RetrofitCore

/// Tally a case's vote.
public struct TallyRequest: Sendable {
    public var caseID: String

    public init(caseID: String) { self.caseID = caseID }
}

extension RetrofitApp {
    /// Counts a case's vote by owners and area and checks it against the vote rule of the case's current stage, else
    /// of the first stage of its workflow that has one.
    ///
    /// - Throws: ``AppError`` refused when the register has no homes to count.
    public func tally(_ request: TallyRequest, by actor: Actor) async throws(AppError) -> TallyReport {
        let (state, workflow) = try await caseService(by: actor, access: .read).load(request.caseID)
        let tally: Tally
        do {
            tally = try Tally.count(state.register)
        } catch {
            throw .refused("case \(request.caseID) cannot be tallied: \(error)")
        }
        let stage = workflow.stage(state.stage).flatMap { $0.vote == nil ? nil : $0 }
            ?? workflow.stages.first { $0.vote != nil }
        return TallyReport(caseID: request.caseID, register: state.register, tally: tally, workflow: workflow, stage: stage)
    }
}
