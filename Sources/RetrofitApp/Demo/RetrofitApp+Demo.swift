import Foundation
import RetrofitCore
import RetrofitReports
import RetrofitStore

extension RetrofitApp {
    /// The workflows the demo runs cases through.
    public static let demoWorkflowIDs = ["elevator-retrofit", "elevator-renewal"]

    /// Builds the sample database through the real engine and append path, as of the clock, then summarises it.
    public func buildDemo(_ request: DemoRequest, by actor: Actor) async throws(AppError) -> DemoResult {
        try authorize(.administer(.generateDemo), by: actor)
        let now = self.now
        let catalog = try environment.catalog()
        var workflows: [WorkflowDefinition] = []
        for id in RetrofitApp.demoWorkflowIDs {
            do { workflows.append(try catalog.load(id)) } catch { throw AppError(any: error) }
        }
        let calendars = try environment.loadCalendars()
        let store: CaseStore
        do { store = try CaseStore(path: environment.databasePath, access: .write) } catch { throw AppError(error) }
        let started = Date()
        let generator = DemoGenerator(workflows: workflows, calendars: calendars,
                                      options: .init(cases: request.cases, seed: request.seed, years: request.years, now: now, homes: request.homes))
        let summary = try translatingErrors { try generator.run(into: store) }
        let seconds = Date().timeIntervalSince(started)
        var overdue: [OverdueEntry] = []
        var stages: [DemoStageCount] = []
        var firstCaseID: String?
        if request.summarise {
            overdue = try translatingErrors { try OverdueReport.fromProjection(store, on: now.date, dueSoon: false, filter: CaseFilter()) }
            let rows = try translatingErrors { try store.cases() }
            firstCaseID = rows.first?.id
            for workflow in workflows {
                for stage in workflow.stages {
                    let here = rows.filter { $0.workflowID == workflow.id && $0.stage == stage.id }
                    guard !here.isEmpty else { continue }
                    func count(_ status: CaseStatus) -> Int { here.filter { $0.status == status }.count }
                    stages.append(DemoStageCount(workflow: workflow.id, stage: stage.id, stageTitle: stage.title, active: count(.active),
                                                 suspended: count(.suspended), completed: count(.completed), withdrawn: count(.withdrawn)))
                }
            }
        }
        return DemoResult(databasePath: environment.databasePath, cases: summary.cases, events: summary.events, asOf: now.date,
                          seconds: seconds, rejections: summary.rejections, overdue: overdue, stages: stages, firstCaseID: firstCaseID)
    }
}
