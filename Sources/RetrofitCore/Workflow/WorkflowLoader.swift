import Yams

/// Loads a workflow file and checks it, reporting every problem with its line and column.
public enum WorkflowLoader {
    static let topKeys = ["id", "version", "title", "calendar", "target", "id_prefix", "fields", "stages", "moves"]
    static let fieldKeys = ["type", "title", "values", "required_from"]
    static let stageKeys = ["id", "title", "roles", "deadline", "minimum", "warn_before", "milestones", "terminal",
                            "transitions", "vote", "objections"]
    static let transitionKeys = ["to", "name", "roles", "requires", "guard", "vote"]
    static let voteKeys = ["title", "rule"]
    static let moveKeys = ["suspend", "resume", "withdraw"]

    /// Parses and validates `text`, read from `file`.
    ///
    /// - Parameter knownCalendars: calendar ids that exist; nil skips that check.
    /// - Returns: the definition, or every problem found (never both).
    public static func load(text: String, file: String, knownCalendars: Set<String>? = nil) -> Result<WorkflowDefinition, SourceProblems> {
        let reader = WorkflowReader(file: file)
        let definition = read(text: text, reader: reader)
        if let definition {
            WorkflowValidator.check(definition, reader: reader, knownCalendars: knownCalendars)
        }
        if let definition, reader.problems.isEmpty { return .success(definition) }
        return .failure(SourceProblems(reader.problems))
    }

    private static func read(text: String, reader: WorkflowReader) -> WorkflowDefinition? {
        guard let root = reader.root(of: text),
              let top = reader.mapping(root, what: "the workflow", allowed: topKeys) else { return nil }
        for key in ["id", "version", "title", "stages"] where top[key] == nil {
            reader.report(root, "the workflow has no '\(key)'")
        }
        let id = reader.nonEmptyText(top["id"], what: "id")
        if let id, let node = top["id"], !id.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }) {
            reader.report(node, "id '\(id)' must use lower-case letters, digits and '-' only")
        }
        let version = reader.integer(top["version"], what: "version")
        if let version, version < 1, let node = top["version"] { reader.report(node, "version must be 1 or more, not \(version)") }
        let target = top["target"].flatMap { reader.integer($0, what: "target") } ?? 100
        let prefix = top["id_prefix"].flatMap { reader.nonEmptyText($0, what: "id_prefix") }

        let fields = top["fields"].map { readFields($0, reader: reader) } ?? []
        let stages = top["stages"].map { readStages($0, reader: reader) } ?? []
        let moves = top["moves"].map { readMoves($0, reader: reader) } ?? .standard

        guard let id, let version, !stages.isEmpty else { return nil }
        return WorkflowDefinition(
            id: id, version: version,
            title: reader.nonEmptyText(top["title"], what: "title") ?? id,
            calendar: reader.nonEmptyText(top["calendar"], what: "calendar") ?? "cn-mainland",
            yearlyTarget: target,
            caseIDPrefix: prefix ?? String(id.split(separator: "-").compactMap(\.first)).uppercased(),
            fields: fields, stages: stages, moves: moves, source: text
        )
    }

    private static func readFields(_ node: Node, reader: WorkflowReader) -> [FieldDefinition] {
        reader.orderedPairs(node, what: "fields").compactMap { name, keyNode, value in
            if BuiltinCaseValue.types[name] != nil {
                reader.report(keyNode, "field '\(name)' is built into every case; choose another name")
            }
            if !name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) || name.first?.isNumber == true {
                reader.report(keyNode, "field name '\(name)' must be letters, digits and '_', not starting with a digit")
            }
            guard let keys = reader.mapping(value, what: "field '\(name)'", allowed: fieldKeys) else { return nil }
            guard let typeName = reader.text(keys["type"], what: "type") else {
                reader.report(value, "field '\(name)' has no 'type'")
                return nil
            }
            let values = typeName == "enum" ? reader.textList(keys["values"], what: "values").map(\.0) : []
            guard let type = FieldType(name: typeName, values: values) else {
                reader.report(keys["type"] ?? value, "unknown field type '\(typeName)'; expected one of: text, integer, decimal, date, boolean, enum")
                return nil
            }
            if typeName == "enum", values.isEmpty { reader.report(value, "enum field '\(name)' needs a non-empty 'values' list") }
            if keys["values"] != nil, typeName != "enum", let node = keys["values"] {
                reader.report(node, "'values' is only for enum fields")
            }
            let requiredFrom = reader.text(keys["required_from"], what: "required_from")
            if let requiredFrom, let node = keys["required_from"] { reader.marks.requiredFrom[name] = (requiredFrom, node) }
            return FieldDefinition(name: name, title: reader.text(keys["title"], what: "title") ?? name,
                                   type: type, requiredFrom: requiredFrom)
        }
    }

    private static func readStages(_ node: Node, reader: WorkflowReader) -> [StageDefinition] {
        reader.sequence(node, what: "stages").compactMap { readStage($0, reader: reader) }
    }

    private static func readStage(_ node: Node, reader: WorkflowReader) -> StageDefinition? {
        guard let keys = reader.mapping(node, what: "a stage", allowed: stageKeys) else { return nil }
        guard let id = reader.nonEmptyText(keys["id"], what: "stage id") else {
            reader.report(node, "a stage has no 'id'")
            return nil
        }
        reader.marks.stages.append((id, keys["id"] ?? node))
        let roles = readRoles(keys["roles"], reader: reader)
        let transitions = keys["transitions"].map { list in
            reader.sequence(list, what: "transitions").compactMap { readTransition($0, from: id, reader: reader) }
        } ?? []
        var vote: VoteRule?
        if let voteNode = keys["vote"], let voteKeys = reader.mapping(voteNode, what: "vote", allowed: voteKeys) {
            let lines = reader.textList(voteKeys["rule"], what: "rule").map(\.0)
            if lines.isEmpty { reader.report(voteNode, "vote needs a 'rule': a list of conditions") }
            do {
                vote = try VoteRule.parse(title: reader.text(voteKeys["title"], what: "title") ?? "vote", conditions: lines)
            } catch {
                reader.report(voteKeys["rule"] ?? voteNode, "\(error)")
            }
        }
        let warnBefore = keys["warn_before"].flatMap { node -> Int? in
            guard let period = readPeriod(node, what: "warn_before", reader: reader) else { return nil }
            if period.unit != .workingDays { reader.report(node, "warn_before is counted in working_days") }
            return period.count
        }
        let milestones = reader.textList(keys["milestones"], what: "milestones").map(\.0)
        return StageDefinition(
            id: id,
            title: reader.text(keys["title"], what: "title") ?? id,
            roles: roles,
            deadline: keys["deadline"].flatMap { readPeriod($0, what: "deadline", reader: reader) },
            minimum: keys["minimum"].flatMap { readPeriod($0, what: "minimum", reader: reader) },
            warnBefore: warnBefore,
            milestones: milestones,
            isTerminal: reader.boolean(keys["terminal"], what: "terminal") ?? false,
            transitions: transitions,
            vote: vote,
            acceptsObjections: reader.boolean(keys["objections"], what: "objections") ?? false
        )
    }

    private static func readTransition(_ node: Node, from: String, reader: WorkflowReader) -> TransitionDefinition? {
        guard let keys = reader.mapping(node, what: "a transition", allowed: transitionKeys) else { return nil }
        guard let to = reader.nonEmptyText(keys["to"], what: "to") else {
            reader.report(node, "a transition from '\(from)' has no 'to'")
            return nil
        }
        let name = reader.nonEmptyText(keys["name"], what: "name") ?? to
        var guardExpression: GuardExpression?
        if let guardNode = keys["guard"], let source = reader.text(guardNode, what: "guard") {
            do {
                guardExpression = try GuardExpression.parse(source)
            } catch {
                reader.report(line: guardNode.mark?.line ?? 1, column: guardNode.textColumn + error.offset,
                              "guard: \(error.message)")
            }
        }
        let requires = reader.textList(keys["requires"], what: "requires")
        let transition = TransitionDefinition(
            name: name, from: from, to: to,
            roles: readRoles(keys["roles"], reader: reader),
            requiredFields: requires.map(\.0),
            guardExpression: guardExpression,
            requiresVote: reader.boolean(keys["vote"], what: "vote") ?? false
        )
        reader.marks.transitions.append(TransitionMarks(
            transition: transition, node: node, toNode: keys["to"] ?? node,
            guardNode: keys["guard"], requires: requires.map { ($0.0, $0.1) }, voteNode: keys["vote"]))
        return transition
    }

    private static func readRoles(_ node: Node?, reader: WorkflowReader) -> [Role] {
        reader.textList(node, what: "roles").compactMap { name, item in
            guard let role = Role(rawValue: name) else {
                reader.report(item, "unknown role '\(name)'; expected one of: \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
                return nil
            }
            return role
        }
    }

    static func readPeriod(_ node: Node, what: String, reader: WorkflowReader) -> Period? {
        let units = Period.Unit.allCases.map(\.rawValue)
        guard let keys = reader.mapping(node, what: what, allowed: units) else { return nil }
        guard keys.count == 1, let (unitName, valueNode) = keys.first, let unit = Period.Unit(rawValue: unitName) else {
            if keys.count > 1 { reader.report(node, "\(what) takes one unit, not \(keys.count): write working_days, days or months") }
            if keys.isEmpty { reader.report(node, "\(what) needs a unit: working_days, days or months") }
            return nil
        }
        guard let count = reader.integer(valueNode, what: "\(what) \(unitName)") else { return nil }
        guard count >= 1 else {
            reader.report(valueNode, "\(what) must be at least 1 \(unitName.replacingUnderscores), not \(count)")
            return nil
        }
        return Period(unit: unit, count: count)
    }

    private static func readMoves(_ node: Node, reader: WorkflowReader) -> CaseMoves {
        guard let keys = reader.mapping(node, what: "moves", allowed: moveKeys) else { return .standard }
        func roles(_ key: String, default fallback: [Role]) -> [Role] {
            guard let value = keys[key] else { return fallback }
            guard let inner = reader.mapping(value, what: key, allowed: ["roles"]) else { return fallback }
            return readRoles(inner["roles"], reader: reader)
        }
        return CaseMoves(
            suspendRoles: roles("suspend", default: CaseMoves.standard.suspendRoles),
            resumeRoles: roles("resume", default: CaseMoves.standard.resumeRoles),
            withdrawRoles: roles("withdraw", default: CaseMoves.standard.withdrawRoles)
        )
    }
}

extension String {
    var replacingUnderscores: String { String(map { $0 == "_" ? " " : $0 }) }
}
