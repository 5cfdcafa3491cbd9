/// The pure heart of retrofit: given a case, a command and the workflow, either the events to
/// append or the reason the command is refused. No I/O, no clock reads.
public enum CaseDecider {
    /// Decides a command on an existing case, or on a new one when `state` is nil (`open`).
    ///
    /// A command whose outcome is the case as it already stands (a field set to the value it
    /// has, the same classification, a ballot a home has already cast) is not refused: it
    /// yields no events, and nothing is appended. An event that would change nothing is left out.
    public static func decide(
        _ command: CaseCommand, on state: CaseState?, caseID: String,
        workflow: WorkflowDefinition, context: CommandContext
    ) -> Result<[CaseEvent], Rejection> {
        do {
            let events = try decideThrowing(command, on: state, caseID: caseID, workflow: workflow, context: context)
            guard let state else { return .success(events) }
            return .success(changing(events, on: state, workflow: workflow, at: context.occurredAt))
        } catch {
            return .failure(error)
        }
    }

    /// The events, in order, that change the case; an event after which the case is the same
    /// (apart from its version and latest date) is dropped.
    static func changing(_ events: [CaseEvent], on state: CaseState, workflow: WorkflowDefinition, at: Timestamp) -> [CaseEvent] {
        var current = state
        var kept: [CaseEvent] = []
        for event in events {
            var next = current
            next.apply(EventEnvelope(event: event, occurredAt: at), workflow: workflow)
            var comparable = next
            comparable.version = current.version
            comparable.lastOccurredAt = current.lastOccurredAt
            if comparable != current {
                kept.append(event)
                current = next
            }
        }
        return kept
    }

    static func decideThrowing(
        _ command: CaseCommand, on state: CaseState?, caseID: String,
        workflow: WorkflowDefinition, context: CommandContext
    ) throws(Rejection) -> [CaseEvent] {
        if context.occurredAt > context.now {
            throw Rejection(.invalidInput, "the date \(context.occurredAt) is in the future (now is \(context.now)); events cannot be recorded ahead of time")
        }
        guard let state else {
            guard case .open(let fields, let priority, let difficulty, let helper) = command else {
                throw Rejection(.invalidInput, "case \(caseID) does not exist")
            }
            return try open(caseID: caseID, fields: fields, priority: priority, difficulty: difficulty,
                            helper: helper, workflow: workflow, context: context)
        }
        if context.occurredAt < state.lastOccurredAt {
            throw Rejection(.invalidInput, "the date \(context.occurredAt) is before case \(state.id)'s previous event at \(state.lastOccurredAt); events must be recorded in order")
        }
        switch command {
        case .open:
            throw Rejection(.invalidInput, "case \(state.id) already exists; choose another id")
        case .note(let text):
            return [.noted(.init(text: try nonEmpty(text, what: "the note")))]
        default:
            break
        }
        try requireOpen(state)
        switch command {
        case .open, .note:
            return []
        case .advance(let to, let fields, let note):
            return try advance(state, to: to, fields: fields, note: note, workflow: workflow, context: context)
        case .setFields(let fields, let note):
            guard !fields.isEmpty else { throw Rejection(.invalidInput, "give at least one field to set", hints: [.giveAtLeastOne(.field)]) }
            try requireStageRole(state, workflow: workflow, context: context, action: "set fields")
            return [.fieldsSet(.init(fields: try parseGivenFields(fields, workflow: workflow, requiredIn: state.stage), note: note))]
        case .clearFields(let names, let note):
            try requireStageRole(state, workflow: workflow, context: context, action: "clear fields")
            return [.fieldsCleared(.init(fields: try fieldsToClear(names, state: state, workflow: workflow), note: note))]
        case .assign(let helper, let anyDistrict):
            try requireStageRole(state, workflow: workflow, context: context, action: "assign a helper", extra: [.manager])
            return [.helperAssigned(try helperAssignment(helper, anyDistrict: anyDistrict, caseID: state.id,
                                                         caseDistrict: state.fields["district"], context: context))]
        case .classify(let priority, let difficulty):
            try requireStageRole(state, workflow: workflow, context: context, action: "classify the case", extra: [.manager])
            return [.classified(.init(priority: priority ?? state.priority, difficulty: difficulty ?? state.difficulty))]
        case .suspend(let reason, let note):
            try requireRole(workflow.moves.suspendRoles, context: context, action: "suspend")
            if let current = state.activeSuspension {
                throw Rejection(.notAllowed, "case \(state.id) is already suspended (\(current.reason.rawValue) since \(current.from.date))")
            }
            return [.suspended(.init(reason: reason, note: note))]
        case .resume(let note):
            try requireRole(workflow.moves.resumeRoles, context: context, action: "resume")
            guard state.status == .suspended else { throw Rejection(.notAllowed, "case \(state.id) is not suspended") }
            return [.resumed(.init(note: note))]
        case .withdraw(let reason):
            try requireRole(workflow.moves.withdrawRoles, context: context, action: "withdraw")
            return [.withdrawn(.init(reason: try nonEmpty(reason, what: "the reason for withdrawing")))]
        case .recordHome, .removeHome, .castBallot, .castOwnerBallot, .raiseObjection, .resolveObjection:
            return try decideConsultation(command, on: state, workflow: workflow, context: context)
        }
    }

    private static func open(
        caseID: String, fields: [String: String], priority: CasePriority, difficulty: CaseDifficulty,
        helper: String?, workflow: WorkflowDefinition, context: CommandContext
    ) throws(Rejection) -> [CaseEvent] {
        try validateCaseID(caseID)
        let first = workflow.initialStage
        try requireRole(first.roles, context: context, action: "open a case in '\(first.id)'")
        let parsed = try parseGivenFields(fields, workflow: workflow, requiredIn: first.id)
        try requireFields(for: first, values: parsed, workflow: workflow, action: "open a case")
        let assigned = try helper.map { name throws(Rejection) in
            try helperAssignment(name, anyDistrict: false, caseID: caseID, caseDistrict: parsed["district"], context: context).helper
        }
        return [.opened(.init(stage: first.id, fields: parsed, priority: priority, difficulty: difficulty, helper: assigned))]
    }

    /// Case ids appear in file names and command lines: keep them plain.
    public static func validateCaseID(_ id: String) throws(Rejection) {
        let allowed = id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") }
        guard !id.isEmpty, id.count <= 64, allowed, id.first?.isLetter == true || id.first?.isNumber == true else {
            throw Rejection(.invalidInput, "case id '\(id)' is not valid; use 1 to 64 letters, digits, '-', '_' or '.', starting with a letter or digit")
        }
    }

    static func requireOpen(_ state: CaseState) throws(Rejection) {
        switch state.status {
        case .withdrawn:
            throw Rejection(.notAllowed, "case \(state.id) was withdrawn (\(state.withdrawnReason ?? "no reason given")); it cannot change")
        case .completed:
            throw Rejection(.notAllowed, "case \(state.id) is finished (stage '\(state.stage)'); it cannot change")
        case .active, .suspended:
            return
        }
    }

    static func requireRole(_ roles: [Role], context: CommandContext, action: String) throws(Rejection) {
        guard let role = context.role, !roles.isEmpty, !roles.contains(role) else { return }
        var named = Set<Role>()
        let needed = roles.filter { named.insert($0).inserted }.map(\.withArticle).joined(separator: " or ")
        throw Rejection(.forbidden, "\(context.actor) is \(role.withArticle); \"\(action)\" needs \(needed)")
    }

    static func requireStageRole(_ state: CaseState, workflow: WorkflowDefinition, context: CommandContext,
                                 action: String, extra: [Role] = []) throws(Rejection) {
        let roles = (workflow.stage(state.stage)?.roles ?? []) + extra
        try requireRole(roles.isEmpty ? [] : roles, context: context, action: action)
    }

    static func nonEmpty(_ text: String, what: String) throws(Rejection) -> String {
        let trimmed = text.trimmingWhitespace()
        guard !trimmed.isEmpty else { throw Rejection(.invalidInput, "\(what) must not be empty") }
        return trimmed
    }

    /// Checks each given value against its field's type, returning the values in canonical form.
    /// A blank value is not a value (``FieldValue/isBlank(_:)``): it is left out, as if not given.
    public static func parseFields(_ given: [String: String], workflow: WorkflowDefinition) throws(Rejection) -> [String: String] {
        var result: [String: String] = [:]
        for name in given.keys.sorted() {
            let text = given[name] ?? ""
            let field = try knownField(name, workflow: workflow)
            if FieldValue.isBlank(text) { continue }
            switch FieldValue.parse(text.trimmingWhitespace(), as: field.type) {
            case .success(let value): result[name] = value.description
            case .failure(let problem):
                throw Rejection(.invalidInput, "field \(name)=\(text) is not valid: \(problem) for \(field.type) field '\(name)' (\(field.title))")
            }
        }
        return result
    }

    static func requireFields(for stage: StageDefinition, values: [String: String], workflow: WorkflowDefinition,
                              action: String, extra: [String] = []) throws(Rejection) {
        let required = workflow.fieldsRequired(in: stage.id).map(\.name) + extra
        let missing = required.filter { !FieldValue.isSet($0, in: values) }
        guard !missing.isEmpty else { return }
        throw missingFieldsRejection(stage: stage.id, missing: missing, workflow: workflow, action: action)
    }

    static func missingFieldsRejection(stage: String, missing: [String], workflow: WorkflowDefinition, action: String) -> Rejection {
        let named = missing.map { name in workflow.field(name).map { "\(name) (\($0.title))" } ?? name }
        return Rejection(.notAllowed, "cannot \(action): stage '\(stage)' needs \(named.joined(separator: ", "))",
                         hints: [.give(.field, values: missing)])
    }

    /// Field values with their types, plus the values every case has, for guards.
    public static func guardValues(_ state: CaseState, fields: [String: String], workflow: WorkflowDefinition) -> [String: FieldValue] {
        var values: [String: FieldValue] = [:]
        for (name, text) in fields where !FieldValue.isBlank(text) {
            guard let field = workflow.field(name) else { continue }
            if case .success(let value) = FieldValue.parse(text, as: field.type) { values[name] = value }
        }
        if let helper = state.helper { values["helper"] = .text(helper) }
        values["priority"] = .text(state.priority.rawValue)
        values["difficulty"] = .text(state.difficulty.rawValue)
        values["open_objections"] = .number(Rational(state.openObjections.count))
        values["homes_registered"] = .number(Rational(state.register.homes.count))
        return values
    }
}
