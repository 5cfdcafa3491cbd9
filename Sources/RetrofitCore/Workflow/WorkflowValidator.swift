import Yams

/// The checks that need the whole definition: references, reachability, guard types, milestones.
enum WorkflowValidator {
    static func check(_ definition: WorkflowDefinition, reader: WorkflowReader, knownCalendars: Set<String>?) {
        let marks = reader.marks
        let stageIDs = Set(definition.stages.map(\.id))
        let firstNode = marks.stages.first?.node

        checkDuplicateStages(marks: marks, reader: reader)
        if let knownCalendars, !knownCalendars.contains(definition.calendar) {
            reader.report(line: 1, column: 1, "unknown calendar '\(definition.calendar)'; known calendars: \(knownCalendars.sorted().joined(separator: ", "))")
        }
        for (field, mark) in marks.requiredFrom where !stageIDs.contains(mark.stage) {
            reader.report(mark.node, "field '\(field)' is required from unknown stage '\(mark.stage)'")
        }

        let types = definition.guardTypes
        for mark in marks.transitions {
            let transition = mark.transition
            if !stageIDs.contains(transition.to) {
                reader.report(mark.toNode, "transition '\(transition.name)' from '\(transition.from)' goes to unknown stage '\(transition.to)'")
            }
            for (field, node) in mark.requires where definition.field(field) == nil && BuiltinCaseValue.types[field] == nil {
                reader.report(node, "transition '\(transition.name)' requires unknown field '\(field)'")
            }
            if let guardExpression = transition.guardExpression, let node = mark.guardNode {
                for problem in guardExpression.typeCheck(types) {
                    reader.report(line: node.mark?.line ?? 1, column: node.textColumn + problem.offset, "guard: \(problem.message)")
                }
            }
            if transition.requiresVote, definition.stage(transition.from)?.vote == nil {
                reader.report(mark.voteNode ?? mark.node, "transition '\(transition.name)' needs a vote, but stage '\(transition.from)' has no 'vote' rule")
            }
        }
        for stage in definition.stages {
            let names = stage.transitions.map(\.name)
            for name in Set(names) where names.filter({ $0 == name }).count > 1 {
                let node = marks.transitions.first { $0.transition.from == stage.id && $0.transition.name == name }?.node
                reader.report(node ?? firstNode ?? Node(""), "stage '\(stage.id)' has two transitions named '\(name)'")
            }
            if stage.isTerminal, !stage.transitions.isEmpty, let node = marks.stageNode(stage.id) {
                reader.report(node, "terminal stage '\(stage.id)' must not have transitions")
            }
            if stage.isTerminal, stage.deadline != nil, let node = marks.stageNode(stage.id) {
                reader.report(node, "terminal stage '\(stage.id)' cannot have a deadline: nothing waits in it")
            }
        }
        checkGraph(definition, marks: marks, reader: reader)
    }

    private static func checkDuplicateStages(marks: WorkflowMarks, reader: WorkflowReader) {
        var seen: Set<String> = []
        for (id, node) in marks.stages where !seen.insert(id).inserted {
            reader.report(node, "duplicate stage id '\(id)'")
        }
    }

    private static func checkGraph(_ definition: WorkflowDefinition, marks: WorkflowMarks, reader: WorkflowReader) {
        let stages = definition.stages
        let terminal = stages.filter(\.isTerminal).map(\.id)
        if terminal.isEmpty {
            reader.report(line: 1, column: 1, "the workflow has no terminal stage (a stage with 'terminal: true'); a case must be able to finish")
        }
        if definition.stage(marking: "commissioned") == nil {
            reader.report(line: 1, column: 1, "no stage marks the 'commissioned' milestone; add 'milestones: [commissioned]' to the use-registration stage")
        }
        var successors: [String: [String]] = [:]
        for stage in stages { successors[stage.id, default: []] += stage.transitions.map(\.to) }

        var reachable: Set<String> = [definition.initialStage.id]
        var frontier = [definition.initialStage.id]
        while let next = frontier.popLast() {
            for target in successors[next] ?? [] where reachable.insert(target).inserted { frontier.append(target) }
        }
        for stage in stages where !reachable.contains(stage.id) {
            if let node = marks.stageNode(stage.id) {
                reader.report(node, "stage '\(stage.id)' cannot be reached from the first stage '\(definition.initialStage.id)'")
            }
        }

        var canFinish = Set(terminal)
        var changed = true
        while changed {
            changed = false
            for stage in stages where !canFinish.contains(stage.id) {
                if (successors[stage.id] ?? []).contains(where: canFinish.contains) {
                    canFinish.insert(stage.id)
                    changed = true
                }
            }
        }
        for stage in stages where !stage.isTerminal && !canFinish.contains(stage.id) && !terminal.isEmpty {
            if let node = marks.stageNode(stage.id) {
                reader.report(node, "no terminal stage can be reached from stage '\(stage.id)'; a case there could never finish")
            }
        }
    }
}
