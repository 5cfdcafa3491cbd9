import RetrofitCore
import RetrofitStore

/// How many cases reached each stage of a workflow, and how many are in it now.
public struct FunnelStage: Sendable, Encodable {
    public let stage: String
    public let title: String
    /// Cases with at least one visit to the stage.
    public let reached: Int
    /// Cases in the stage now (active or suspended; finished cases for a terminal stage).
    public let now: Int
}

/// The stage funnel of a workflow (DOMAIN.md §5: "107 projects, 38 delivered, 54 under construction…").
public enum FunnelReport {
    /// Streams `stage_visit` once, counting each case once per stage it visited.
    public static func build(_ store: CaseStore, workflow: WorkflowDefinition) throws -> [FunnelStage] {
        var reached: [String: Int] = [:]
        var now: [String: Int] = [:]
        var currentCase = ""
        var seen: Set<String> = []
        try store.forEachStageVisit(workflowID: workflow.id) { visit in
            if visit.caseID != currentCase {
                currentCase = visit.caseID
                seen = []
            }
            if seen.insert(visit.stage).inserted { reached[visit.stage, default: 0] += 1 }
            let terminal = workflow.stage(visit.stage)?.isTerminal ?? false
            let present = visit.caseStatus == .active || visit.caseStatus == .suspended || (visit.caseStatus == .completed && terminal)
            if visit.isLastVisit, present { now[visit.stage, default: 0] += 1 }
        }
        return workflow.stages.map { stage in
            FunnelStage(stage: stage.id, title: stage.title, reached: reached[stage.id] ?? 0, now: now[stage.id] ?? 0)
        }
    }
}
