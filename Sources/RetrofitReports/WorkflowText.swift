import RetrofitCore

/// A workflow as text and as diagrams.
public enum WorkflowText {
    public static func describe(_ workflow: WorkflowDefinition) -> String {
        var lines = ["\(workflow.title) — \(workflow.id) v\(workflow.version), calendar \(workflow.calendar), yearly target \(workflow.yearlyTarget)", ""]
        for (index, stage) in workflow.stages.enumerated() {
            var facts: [String] = []
            if !stage.roles.isEmpty { facts.append("by " + stage.roles.map(\.rawValue).joined(separator: "/")) }
            if let deadline = stage.deadline { facts.append("deadline \(deadline)") }
            if let minimum = stage.minimum { facts.append("at least \(minimum)") }
            if !stage.milestones.isEmpty { facts.append("marks " + stage.milestones.joined(separator: ", ")) }
            if stage.isTerminal { facts.append("terminal") }
            if stage.acceptsObjections { facts.append("objections") }
            lines.append("\(index + 1). \(stage.id) — \(stage.title)" + (facts.isEmpty ? "" : " [\(facts.joined(separator: "; "))]"))
            if let vote = stage.vote {
                lines.append("     vote: \(vote.title)")
                for condition in vote.conditions { lines.append("       - \(condition.source)") }
            }
            for transition in stage.transitions {
                var conditions: [String] = []
                if !transition.roles.isEmpty { conditions.append("by " + transition.roles.map(\.rawValue).joined(separator: "/")) }
                if !transition.requiredFields.isEmpty { conditions.append("requires " + transition.requiredFields.joined(separator: ", ")) }
                if let guardExpression = transition.guardExpression { conditions.append("if \(guardExpression.source)") }
                if transition.requiresVote { conditions.append("if the vote passes") }
                lines.append("     → \(transition.to) (\(transition.name))" + (conditions.isEmpty ? "" : " " + conditions.joined(separator: "; ")))
            }
        }
        lines.append("")
        lines.append("In any non-terminal stage: suspend (\(workflow.moves.suspendRoles.map(\.rawValue).joined(separator: "/"))), resume (\(workflow.moves.resumeRoles.map(\.rawValue).joined(separator: "/"))), withdraw (\(workflow.moves.withdrawRoles.map(\.rawValue).joined(separator: "/"))).")
        return lines.joined(separator: "\n")
    }

    public static func mermaid(_ workflow: WorkflowDefinition) -> String {
        var lines = ["stateDiagram-v2", "    [*] --> \(identifier(workflow.initialStage.id))"]
        for stage in workflow.stages {
            lines.append("    \(identifier(stage.id)) : \(stage.title.replacingOccurrences(of: ":", with: "："))")
        }
        for stage in workflow.stages {
            for transition in stage.transitions {
                lines.append("    \(identifier(stage.id)) --> \(identifier(transition.to)) : \(transition.name)")
            }
            if stage.isTerminal { lines.append("    \(identifier(stage.id)) --> [*]") }
        }
        return lines.joined(separator: "\n")
    }

    public static func dot(_ workflow: WorkflowDefinition) -> String {
        var lines = ["digraph \"\(workflow.id)\" {", "  rankdir=LR;", "  node [shape=box, style=rounded];"]
        for stage in workflow.stages {
            let label = stage.title + (stage.deadline.map { "\\n\($0)" } ?? "")
            lines.append("  \"\(stage.id)\" [label=\"\(escape(label))\"\(stage.isTerminal ? ", peripheries=2" : "")];")
        }
        for stage in workflow.stages {
            for transition in stage.transitions {
                lines.append("  \"\(stage.id)\" -> \"\(transition.to)\" [label=\"\(escape(transition.name))\"];")
            }
        }
        lines.append("}")
        return lines.joined(separator: "\n")
    }

    private static func identifier(_ id: String) -> String { id.replacingOccurrences(of: "-", with: "_") }

    private static func escape(_ text: String) -> String { text.replacingOccurrences(of: "\"", with: "\\\"") }
}
