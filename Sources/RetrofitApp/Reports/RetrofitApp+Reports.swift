import RetrofitCore
import RetrofitReports
import RetrofitStore

extension RetrofitApp {
    /// Where cases get stuck, per stage of each workflow.
    public func bottleneckReport(_ request: BottleneckReportRequest, by actor: Actor) async throws(AppError) -> BottleneckReport {
        try authorize(.readReports, by: actor)
        let (store, setting) = try openReports()
        return try reportTranslating {
            try BottleneckReport.build(store, setting: setting, from: request.from, to: request.to, workflowID: request.workflowID,
                                       by: request.grouping)
        }
    }

    /// Commissioned elevators of a year against the target, with a year-end forecast.
    public func progressReport(_ request: ProgressReportRequest, by actor: Actor) async throws(AppError) -> ProgressReport {
        try authorize(.readReports, by: actor)
        let (store, setting) = try openReports()
        return try reportTranslating {
            try ProgressReport.build(store, setting: setting, year: request.year ?? setting.asOf.year, target: request.target,
                                     workflowID: request.workflowID)
        }
    }

    /// The one-page HTML report of a year.
    public func htmlReport(_ request: HTMLReportRequest, by actor: Actor) async throws(AppError) -> HTMLReport {
        try authorize(.readReports, by: actor)
        let (store, setting) = try openReports()
        return try reportTranslating {
            try HTMLReport.build(store, setting: setting, year: request.year ?? setting.asOf.year, workflowID: request.workflowID)
        }
    }

    /// The commissioned elevators of a year, handed to the sink `makeSink` returns one at a time as they are read, so
    /// the report is never whole in memory. The sink is made once the database is open (a database that cannot be
    /// opened is reported before anything is written); the caller gets it back to finish its output.
    public func commissionedReport<Sink: CommissionedSink>(
        _ request: CommissionedReportRequest, by actor: Actor, into makeSink: () throws(AppError) -> Sink
    ) async throws(AppError) -> (sink: Sink, closing: CommissionedClosing) {
        try authorize(.readReports, by: actor)
        let (store, setting) = try openReports()
        var sink = try makeSink()
        let closing = try reportTranslating {
            try CommissionedReport.stream(store, setting: setting, year: request.year, workflowID: request.workflowID, into: &sink)
        }
        return (sink, closing)
    }

    /// The store, read-only, and what every report needs as of the clock's day.
    func openReports() throws(AppError) -> (CaseStore, ReportSetting) {
        let store = try store(.read)
        let asOf = now.date
        let calendars = try environment.loadCalendars()
        return (store, try reportTranslating { try ReportSetting.load(store, asOf: asOf, calendars: calendars) })
    }
}

/// Runs a report's computation: report input errors are bad input, unreadable stored workflows a database problem.
func reportTranslating<T>(_ body: () throws -> T) throws(AppError) -> T {
    do {
        return try body()
    } catch let error as ReportInputError {
        throw AppError(error)
    } catch let error as WorkflowLookupError {
        throw AppError(.unavailable, "a stored workflow cannot be read: \(error.message)", hints: error.hints, detail: error.detail)
    } catch {
        throw AppError(any: error)
    }
}
