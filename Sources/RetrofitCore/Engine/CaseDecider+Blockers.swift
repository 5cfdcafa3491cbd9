extension CaseDecider {
    /// Every move out of the case's stage, each checked the way `advance` checks it with no
    /// fields given, on the day of `context.occurredAt` and for `context`'s actor and role.
    ///
    /// Empty when the case is not active (suspended, withdrawn, finished) or its stage is unknown:
    /// then no move can be made at all, and `advance` says why.
    public static func moves(of state: CaseState, workflow: WorkflowDefinition, context: CommandContext) -> [MoveCheck] {
        guard state.status == .active, let stage = workflow.stage(state.stage) else { return [] }
        return stage.transitions.map { transition in
            MoveCheck(transition: transition,
                      blockers: blockersBeforeFields(transition, from: stage, on: state, context: context)
                          + blockersOfValues(transition, from: stage, on: state, values: state.fields, workflow: workflow))
        }
    }

    /// The move a helper is expected to make next: the stage's first transition (the workflow
    /// lists the forward move first), checked as ``moves(of:workflow:context:)`` does.
    public static func nextMove(of state: CaseState, workflow: WorkflowDefinition, context: CommandContext) -> MoveCheck? {
        moves(of: state, workflow: workflow, context: context).first
    }

    /// What blocks a move whatever fields are given with it: the role, the minimum duration, open objections.
    static func blockersBeforeFields(_ transition: TransitionDefinition, from stage: StageDefinition, on state: CaseState,
                                     context: CommandContext) -> [MoveBlocker] {
        var blockers: [MoveBlocker] = []
        let roles = transition.roles.isEmpty ? stage.roles : transition.roles
        if let role = context.role, !roles.isEmpty, !roles.contains(role) {
            blockers.append(.role(actor: context.actor, role: role, needed: roles))
        }
        if let minimum = minimumBlocker(state, stage: stage, context: context) { blockers.append(minimum) }
        if stage.acceptsObjections, !state.openObjections.isEmpty {
            blockers.append(.openObjections(state.openObjections))
        }
        return blockers
    }

    /// What blocks a move given the field values it would be made with: required fields and
    /// values, the guard, the vote rule.
    static func blockersOfValues(_ transition: TransitionDefinition, from stage: StageDefinition, on state: CaseState,
                                 values: [String: String], workflow: WorkflowDefinition) -> [MoveBlocker] {
        var blockers: [MoveBlocker] = []
        var missing: [String] = []
        if let destination = workflow.stage(transition.to) {
            let required = workflow.fieldsRequired(in: destination.id).map(\.name)
                + transition.requiredFields.filter { workflow.field($0) != nil }
            missing = required.filter { values[$0] == nil }
            if !missing.isEmpty { blockers.append(.missingFields(stage: destination.id, fields: missing)) }
        }
        let guardInput = guardValues(state, fields: values, workflow: workflow)
        for name in transition.requiredFields where workflow.field(name) == nil && BuiltinCaseValue.types[name] != nil {
            if guardInput[name] == nil { blockers.append(.missingValue(name)) }
        }
        // A guard that reads a field still to be set cannot be judged before it is: the missing
        // field is the blocker, and the guard is checked with the values given then. Likewise a guard
        // on open objections, where open objections already block the move.
        var pending = Set(missing)
        if stage.acceptsObjections, !state.openObjections.isEmpty { pending.insert("open_objections") }
        if let guardExpression = transition.guardExpression, guardExpression.referencedNames.isDisjoint(with: pending),
           case .failed(let why) = guardExpression.evaluate(guardInput) {
            blockers.append(.guardFails(expression: guardExpression.source, why: why))
        }
        if transition.requiresVote, let rule = stage.vote {
            do {
                let result = rule.evaluate(try Tally.count(state.register))
                if !result.passes {
                    blockers.append(.voteFails(rule: rule.title, failing: result.conditions.filter { !$0.passes },
                                               homesRegistered: state.register.homes.count))
                }
            } catch {
                blockers.append(.tallyProblem("\(error)"))
            }
        }
        return blockers
    }

    /// A stage with a minimum duration (public notice) may not be left before it has run.
    static func minimumBlocker(_ state: CaseState, stage: StageDefinition, context: CommandContext) -> MoveBlocker? {
        guard let minimum = stage.minimum, let visit = state.currentVisit else { return nil }
        let leaving = context.occurredAt.date
        let reckoning: DeadlineReckoning
        do {
            reckoning = try context.calendar.deadline(entered: visit.enteredAt.date, period: minimum,
                                                      suspensions: visit.suspendedSpans(asOf: leaving))
        } catch {
            return .minimumUnknown(stage: stage.id, problem: "\(error)")
        }
        let earliest = reckoning.deadline.adding(days: 1)
        guard leaving < earliest else { return nil }
        return .minimumDuration(MinimumWait(stage: stage.id, minimum: minimum, entered: visit.enteredAt.date,
                                            runsUntil: reckoning.deadline, firstAllowed: earliest))
    }

    /// The refusal `advance` gives for `blocker`.
    static func rejection(_ blocker: MoveBlocker, transition: TransitionDefinition, state: CaseState,
                          workflow: WorkflowDefinition) -> Rejection {
        switch blocker {
        case .role(let actor, let role, let needed):
            let roles = needed.map(\.withArticle).joined(separator: " or ")
            return Rejection(.forbidden, "\(actor) is \(role.withArticle); \"\(transition.name)\" needs \(roles)")
        case .minimumDuration(let wait):
            return Rejection(.notAllowed, "stage '\(wait.stage)' must last at least \(wait.minimum) from \(wait.entered) (until \(wait.runsUntil)); case \(state.id) may leave it on or after \(wait.firstAllowed)",
                             hints: [.firstAllowedDate(wait.firstAllowed)])
        case .minimumUnknown(let stage, let problem):
            return Rejection(.notAllowed, "cannot check the minimum of '\(stage)': \(problem)")
        case .openObjections(let objections):
            let open = objections.map { "#\($0.number) from \($0.from)" }.joined(separator: ", ")
            return Rejection(.notAllowed, "cannot leave '\(state.stage)' while objections are open: \(open)",
                             hints: [.run(SuggestedOperation(.resolveObjection))])
        case .missingFields(let stage, let fields):
            return missingFieldsRejection(stage: stage, missing: fields, workflow: workflow,
                                          action: "\(transition.name) to '\(transition.to)'")
        case .missingValue(let name):
            return Rejection(.notAllowed, "cannot \(transition.name): case \(state.id) has no \(name) yet")
        case .guardFails(_, let why):
            return Rejection(.notAllowed, "guard failed: \(why)")
        case .tallyProblem(let problem):
            return Rejection(.notAllowed, "cannot \(transition.name): \(problem)")
        case .voteFails(let rule, let failing, _):
            return Rejection(.notAllowed, "vote rule not met (\(rule)): " + failing.map(\.sentence).joined(separator: "; and "))
        }
    }
}
