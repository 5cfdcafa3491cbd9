extension CaseDecider {
    static func advance(
        _ state: CaseState, to target: String?, fields: [String: String], note: String?,
        workflow: WorkflowDefinition, context: CommandContext
    ) throws(Rejection) -> [CaseEvent] {
        guard let stage = workflow.stage(state.stage) else {
            throw Rejection(.notAllowed, "case \(state.id) is in stage '\(state.stage)', which workflow \(workflow.id) v\(workflow.version) does not have")
        }
        if let suspension = state.activeSuspension {
            throw Rejection(.notAllowed, "case \(state.id) is suspended (\(suspension.reason.rawValue) since \(suspension.from.date)); resume it first")
        }
        let transition = try chooseTransition(from: stage, to: target, caseID: state.id)
        // Refused for the first blocker, in the order `moves(of:)` lists them; the fields given are
        // checked for validity only after the blockers no field can lift.
        if let blocker = blockersBeforeFields(transition, from: stage, on: state, context: context).first {
            throw rejection(blocker, transition: transition, state: state, workflow: workflow)
        }
        let given = try parseGivenFields(fields, workflow: workflow, requiredIn: transition.to)
        let values = state.fields.merging(given) { _, new in new }
        if let blocker = blockersOfValues(transition, from: stage, on: state, values: values, workflow: workflow).first {
            throw rejection(blocker, transition: transition, state: state, workflow: workflow)
        }
        return [.advanced(.init(transition: transition.name, from: stage.id, to: transition.to, fields: given, note: note))]
    }

    /// The transition `target` names (by target stage or by transition name), or the only one there is.
    static func chooseTransition(from stage: StageDefinition, to target: String?, caseID: String) throws(Rejection) -> TransitionDefinition {
        let choices = stage.transitions
        let described = choices.map { "\($0.to) (\($0.name))" }.joined(separator: ", ")
        guard let target else {
            if choices.count == 1 { return choices[0] }
            if choices.isEmpty { throw Rejection(.notAllowed, "stage '\(stage.id)' has no moves out of it") }
            throw Rejection(.invalidInput, "case \(caseID) can move from '\(stage.id)' to more than one stage",
                            hints: [.chooseOne(.moveTarget, choices: choices.map { InputChoice($0.to, detail: $0.name) })])
        }
        let byName = choices.filter { $0.name == target }
        if byName.count == 1 { return byName[0] }
        let byStage = choices.filter { $0.to == target }
        if byStage.count == 1 { return byStage[0] }
        if byStage.count > 1 {
            throw Rejection(.invalidInput, "more than one move leads from '\(stage.id)' to '\(target)'; name one: \(byStage.map(\.name).joined(separator: ", "))")
        }
        throw Rejection(.notAllowed, "case \(caseID) cannot move from '\(stage.id)' to '\(target)'; allowed: \(described.isEmpty ? "none" : described)")
    }
}
