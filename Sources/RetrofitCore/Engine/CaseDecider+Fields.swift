extension CaseDecider {
    /// The field `name` of the workflow, or a refusal naming it and the closest field names.
    static func knownField(_ name: String, workflow: WorkflowDefinition) throws(Rejection) -> FieldDefinition {
        guard let field = workflow.field(name) else {
            let known = workflow.fields.map(\.name)
            let hint = known.closestMatch(to: name).map { " (did you mean '\($0)'?)" } ?? ""
            throw Rejection(.invalidInput, "unknown field '\(name)'\(hint); workflow \(workflow.id) has: \(known.joined(separator: ", "))")
        }
        return field
    }

    /// Values a person gives in a command (open, set, advance), in canonical form. A blank value is refused,
    /// naming the field: as missing when stage `stageID` requires the field, otherwise as not a value, since
    /// only clearing empties a field.
    static func parseGivenFields(_ given: [String: String], workflow: WorkflowDefinition,
                                 requiredIn stageID: String) throws(Rejection) -> [String: String] {
        let blank = given.keys.sorted().filter { FieldValue.isBlank(given[$0] ?? "") }
        guard !blank.isEmpty else { return try parseFields(given, workflow: workflow) }
        var named: [String] = []
        for name in blank {
            let field = try knownField(name, workflow: workflow)
            named.append("\(name) (\(field.title))")
        }
        let required = Set(workflow.fieldsRequired(in: stageID).map(\.name))
        let blankRequired = blank.indices.filter { required.contains(blank[$0]) }.map { named[$0] }
        if !blankRequired.isEmpty {
            throw Rejection(.notAllowed, "\(list(blankRequired)) given blank; stage '\(stageID)' needs \(blankRequired.count == 1 ? "it" : "them"), and a blank value is not a value")
        }
        throw Rejection(.invalidInput, "\(list(named)) given blank; a blank value is not a value: leave \(named.count == 1 ? "the field" : "them") out (a field that is set is emptied by clearing it)")
    }

    /// The fields a clearing empties, sorted: each must be a field of the workflow, set on the case, and not
    /// required in the case's stage.
    static func fieldsToClear(_ names: [String], state: CaseState, workflow: WorkflowDefinition) throws(Rejection) -> [String] {
        let unique = Array(Set(names.map { $0.trimmingWhitespace() })).sorted()
        guard !unique.isEmpty else { throw Rejection(.invalidInput, "name at least one field to clear") }
        let required = Set(workflow.fieldsRequired(in: state.stage).map(\.name))
        for name in unique {
            let field = try knownField(name, workflow: workflow)
            if required.contains(name) {
                throw Rejection(.notAllowed, "field \(name) (\(field.title)) is required from stage '\(field.requiredFrom ?? state.stage)'; case \(state.id) is in '\(state.stage)', so it cannot be cleared")
            }
            guard FieldValue.isSet(name, in: state.fields) else {
                throw Rejection(.invalidInput, "field \(name) (\(field.title)) is not set on case \(state.id); there is nothing to clear")
            }
        }
        return unique
    }

    private static func list(_ names: [String]) -> String {
        (names.count == 1 ? "field " : "fields ") + names.joined(separator: ", ")
    }
}
