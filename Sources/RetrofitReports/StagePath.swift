import RetrofitCore

/// Routes through a workflow's stages.
public enum StagePath {
    /// The stages on the shortest path (fewest moves) from `start` to `goal`, both included;
    /// nil when none leads there. Ties go to the transition listed first.
    public static func shortest(in workflow: WorkflowDefinition, from start: String, to goal: String) -> [String]? {
        var previous: [String: String] = [:]
        var queue = [start]
        var seen: Set<String> = [start]
        var head = 0
        while head < queue.count {
            let stage = queue[head]
            head += 1
            if stage == goal {
                var path = [goal]
                while let before = previous[path[0]] { path.insert(before, at: 0) }
                return path
            }
            for transition in workflow.stage(stage)?.transitions ?? [] where !seen.contains(transition.to) {
                seen.insert(transition.to)
                previous[transition.to] = stage
                queue.append(transition.to)
            }
        }
        return nil
    }
}
