import Foundation
import RetrofitCore
import RetrofitReports
import RetrofitStore

extension RetrofitApp {
    /// Checks every row of a ledger file against the workflows in force and the clock; the plan lists the cases to
    /// import or the problems found (nothing is written).
    public func planLedgerImport(_ request: LedgerImportRequest, by actor: Actor) async throws(AppError) -> LedgerImportPlan {
        try authorize(.administer(.importLedger), by: actor)
        let now = self.now
        let catalog = try environment.catalog()
        let records: [LedgerCSV.Record]
        do { records = try LedgerCSV.read(request.data, file: request.file) } catch { throw .badInput("\(error)") }
        return LedgerImportPlan.make(
            records: records, file: request.file, source: URL(fileURLWithPath: request.file).lastPathComponent,
            sha256: EventHash.digest(request.data), defaultWorkflow: request.defaultWorkflow, now: now,
            lookup: { id in try catalog.load(id) })
    }

    /// How many of the plan's cases are in the database already (0 when there is no database yet).
    public func casesAlreadyImported(_ plan: LedgerImportPlan, by actor: Actor) async throws(AppError) -> Int {
        try authorize(.administer(.importLedger), by: actor)
        guard FileLoading.fileExists(environment.databasePath) else { return 0 }
        let store = try store(.read)
        return try translatingErrors { try store.firstEvents(ofCases: plan.cases.map(\.caseID)).count }
    }

    /// The cases as a ledger table, in the columns `import` reads (withdrawn cases left out).
    public func exportLedger(_ request: LedgerExportRequest, by actor: Actor) async throws(AppError) -> LedgerExport {
        try authorize(.administer(.exportLedger), by: actor)
        let store = try store(.read)
        return LedgerExport(cases: try translatingErrors { try LedgerExport.cases(in: store, workflow: request.workflowID) })
    }
}
