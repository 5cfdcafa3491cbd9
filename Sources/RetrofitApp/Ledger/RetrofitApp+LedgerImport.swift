import RetrofitCore
import RetrofitStore

extension RetrofitApp {
    /// Imports a checked ledger's cases (see ``LedgerImportPlan``): a manager's or an admin's job once people
    /// are registered. Cases already imported are skipped; ids taken by other cases are reported as clashes.
    public func importLedger(_ plan: LedgerImportPlan, by actor: Actor, batchSize: Int, created: (String) -> Void = { _ in },
                             progress: (LedgerImporter.Progress) -> Void) async throws(AppError) -> LedgerImporter.Summary {
        try authorize(.administer(.importLedger), by: actor)
        let service = try caseService(by: actor, access: .write, created: created)
        if let role = try await service.actorRole(), role != .manager, role != .admin {
            throw .forbidden("\(actor.name) is \(role.withArticle); importing a ledger needs a manager or an admin")
        }
        var calendarsChecked: Set<String> = []
        for ledgerCase in plan.cases where calendarsChecked.insert(ledgerCase.workflow.calendar).inserted {
            _ = try service.calendar(for: ledgerCase.workflow)
        }
        let importer = LedgerImporter(store: try store(.write), calendars: service.calendars, actor: actor.name, now: service.now,
                                      batchSize: batchSize)
        do { return try importer.run(plan.cases, progress: progress) } catch { throw AppError(error) }
    }
}
