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
        let roles = transition.roles.isEmpty ? stage.roles : transition.roles
        try requireRole(roles, context: context, action: transition.name)

        try checkMinimum(state, stage: stage, context: context)
        if stage.acceptsObjections, !state.openObjections.isEmpty {
            let open = state.openObjections.map { "#\($0.number) from \($0.from)" }.joined(separator: ", ")
            throw Rejection(.notAllowed, "cannot leave '\(stage.id)' while objections are open: \(open); resolve them with 'retrofit consult objection resolve'")
        }
        let given = try parseGivenFields(fields, workflow: workflow, requiredIn: transition.to)
        let values = state.fields.merging(given) { _, new in new }
        if let destination = workflow.stage(transition.to) {
            try requireFields(for: destination, values: values, workflow: workflow,
                              action: "\(transition.name) to '\(transition.to)'",
                              extra: transition.requiredFields.filter { workflow.field($0) != nil })
        }
        for name in transition.requiredFields where workflow.field(name) == nil && BuiltinCaseValue.types[name] != nil {
            if guardValues(state, fields: values, workflow: workflow)[name] == nil {
                throw Rejection(.notAllowed, "cannot \(transition.name): case \(state.id) has no \(name) yet")
            }
        }
        if let guardExpression = transition.guardExpression,
           case .failed(let why) = guardExpression.evaluate(guardValues(state, fields: values, workflow: workflow)) {
            throw Rejection(.notAllowed, "guard failed: \(why)")
        }
        if transition.requiresVote, let rule = stage.vote {
            let tally: Tally
            do { tally = try Tally.count(state.register) } catch {
                throw Rejection(.notAllowed, "cannot \(transition.name): \(error)")
            }
            let result = rule.evaluate(tally)
            if !result.passes {
                let failing = result.conditions.filter { !$0.passes }.map(\.sentence)
                throw Rejection(.notAllowed, "vote rule not met (\(rule.title)): " + failing.joined(separator: "; and "))
            }
        }
        return [.advanced(.init(transition: transition.name, from: stage.id, to: transition.to, fields: given, note: note))]
    }

    /// The transition `--to` names (by target stage or by transition name), or the only one there is.
    static func chooseTransition(from stage: StageDefinition, to target: String?, caseID: String) throws(Rejection) -> TransitionDefinition {
        let choices = stage.transitions
        let described = choices.map { "\($0.to) (\($0.name))" }.joined(separator: ", ")
        guard let target else {
            if choices.count == 1 { return choices[0] }
            if choices.isEmpty { throw Rejection(.notAllowed, "stage '\(stage.id)' has no moves out of it") }
            throw Rejection(.invalidInput, "case \(caseID) can move from '\(stage.id)' to more than one stage; choose one with --to: \(described)")
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

    /// A stage with a minimum duration (public notice) may not be left before it has run.
    static func checkMinimum(_ state: CaseState, stage: StageDefinition, context: CommandContext) throws(Rejection) {
        guard let minimum = stage.minimum, let visit = state.currentVisit else { return }
        let leaving = context.occurredAt.date
        let reckoning: DeadlineReckoning
        do {
            reckoning = try context.calendar.deadline(entered: visit.enteredAt.date, period: minimum,
                                                      suspensions: visit.suspendedSpans(asOf: leaving))
        } catch {
            throw Rejection(.notAllowed, "cannot check the minimum of '\(stage.id)': \(error)")
        }
        let earliest = reckoning.deadline.adding(days: 1)
        if leaving < earliest {
            throw Rejection(.notAllowed, "stage '\(stage.id)' must last at least \(minimum) from \(visit.enteredAt.date) (until \(reckoning.deadline)); case \(state.id) may leave it on or after \(earliest)")
        }
    }
}
