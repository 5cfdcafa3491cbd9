import RetrofitCore
import RetrofitStore

extension RetrofitApp {
    /// Recomputes every projection from the event log alone; with `checkOnly`, compares and changes nothing.
    /// A difference is a result, not an error (the front end reports it as findings when only checking).
    public func rebuildProjections(checkOnly: Bool, by actor: Actor,
                                   created: (String) -> Void = { _ in }) async throws(AppError) -> RebuildResult {
        try authorize(.administer(checkOnly ? .check : .rebuild), by: actor)
        let store = try store(checkOnly ? .read : .write, created: created)
        let calendars = try environment.loadCalendars()
        let report = try translatingErrors { try store.rebuild(calendars: calendars, keep: !checkOnly) }
        return RebuildResult(report, checkedOnly: checkOnly)
    }

    /// SQLite's integrity check, the hash chain, and a rebuild compared with the live tables. Problems are in the
    /// result (see ``DatabaseCheckResult/passed``), not thrown.
    public func checkDatabase(by actor: Actor) async throws(AppError) -> DatabaseCheckResult {
        try authorize(.administer(.check), by: actor)
        let store = try store(.read)
        let integrity = try translatingErrors { try store.integrityCheck() }
        let chain = try translatingErrors { try store.verifyChain() }
        let calendars = try environment.loadCalendars()
        let rebuild = try translatingErrors { try store.rebuild(calendars: calendars, keep: false) }
        return DatabaseCheckResult(integrityProblems: integrity, chainIntact: chain.isIntact, chain: chain.description,
                                   rebuild: RebuildResult(rebuild, checkedOnly: true))
    }

    /// Copies the database consistently while others keep writing (SQLite online backup).
    public func backUpDatabase(_ request: BackupRequest, by actor: Actor) async throws(AppError) -> BackupResult {
        try authorize(.administer(.backup), by: actor)
        guard !FileLoading.fileExists(request.destination) else {
            throw .badInput("\(request.destination) already exists; choose a new file name")
        }
        let store = try store(.read)
        try translatingErrors { try store.backup(to: request.destination) }
        return BackupResult(database: store.path, destination: request.destination)
    }
}

extension RebuildResult {
    init(_ report: RebuildReport, checkedOnly: Bool) {
        self.init(checkedOnly: checkedOnly, cases: report.cases, events: report.events, identical: report.identical,
                  firstDifference: report.firstDifference)
    }
}
