import Yams

/// A YAML reader that also remembers where each stage, transition and requirement was written,
/// so the checks that run after parsing can point at the right line and column.
final class WorkflowReader: YAMLReader {
    var marks = WorkflowMarks()
}

struct WorkflowMarks {
    var stages: [(id: String, node: Node)] = []
    var transitions: [TransitionMarks] = []
    var requiredFrom: [String: (stage: String, node: Node)] = [:]

    func stageNode(_ id: String) -> Node? { stages.first { $0.id == id }?.node }
}

struct TransitionMarks {
    let transition: TransitionDefinition
    let node: Node
    let toNode: Node
    let guardNode: Node?
    let requires: [(field: String, node: Node)]
    let voteNode: Node?
}
