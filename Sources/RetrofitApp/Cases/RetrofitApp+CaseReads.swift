import RetrofitCore
import RetrofitReports
import RetrofitStore

extension RetrofitApp {
    /// A case now, or as the log stood on a past day: summary, fields, stage visits and its latest events.
    public func showCase(_ request: ShowCaseRequest, by actor: Actor) async throws(AppError) -> CaseView {
        let service = try caseService(by: actor, access: .read)
        let date = request.asOf ?? now.date
        let (state, workflow) = try await caseState(request.caseID, service: service, asOf: request.asOf, asKnown: request.asKnown)
        let calendar = try service.calendar(for: workflow)
        let schedule = CaseSchedule.of(state, workflow: workflow, calendar: calendar, asOf: date)
        let events = try await service.storing { () async throws(StoreError) in
            try await service.store.events(caseID: request.caseID, afterVersion: max(0, state.version - 20), limit: .max)
        }
        return CaseView(state: state, schedule: schedule, workflow: workflow, asOf: date,
                        timeline: events.filter { $0.version <= state.version }.map(EventSummary.init))
    }

    /// A page of a case's events, oldest first.
    public func caseHistory(_ request: CaseHistoryRequest, by actor: Actor) async throws(AppError) -> CaseHistoryPage {
        guard request.after >= 0 else { throw .badInput("the version to start after must be 0 or more, not \(request.after)") }
        guard request.limit >= 1 else { throw .badInput("the page size must be at least 1, not \(request.limit)") }
        let store = try store(.read)
        try requireVisibleCase(request.caseID, in: store, by: actor)
        let events = try translatingErrors { try store.events(caseID: request.caseID, afterVersion: request.after, limit: request.limit) }
        if events.isEmpty, request.after == 0, try translatingErrors({ try store.loadCase(request.caseID) }) == nil {
            throw AppError(StoreError.unknownCase(request.caseID))
        }
        return CaseHistoryPage(events: events.map(EventSummary.init),
                               nextAfter: events.count == request.limit ? (events.last?.version ?? request.after) : nil)
    }

    /// The cases a selection chooses, of those the actor may see; a name that no workflow, person or case knows is
    /// refused as bad input.
    public func listCases(_ selection: CaseSelection, by actor: Actor) async throws(AppError) -> CaseList {
        let store = try store(.read)
        var filter = selection
        if let visibility = AccessPolicy(actor).visibility { filter.visibleTo = visibility }
        try check(filter, in: store)
        return CaseList(cases: try translatingErrors { try store.cases(filter) }.map(CaseRowSummary.init))
    }

    /// How a case's deadline was reached, why it is or is not due soon, and what each move waits for, for `actor`.
    public func explainCase(_ request: ExplainCaseRequest, by actor: Actor) async throws(AppError) -> CaseExplanation {
        let service = try caseService(by: actor, access: .read)
        let date = request.asOf ?? now.date
        let (state, workflow) = try await caseState(request.caseID, service: service, asOf: request.asOf, asKnown: false)
        let calendar = try service.calendar(for: workflow)
        let schedule = CaseSchedule.of(state, workflow: workflow, calendar: calendar, asOf: date)
        let people = try await service.storing { () async throws(StoreError) in try await service.store.people() }
        return CaseExplanation(state: state, workflow: workflow, schedule: schedule, calendar: calendar, on: date,
                               actor: actor.name, people: people)
    }

    /// Active cases past their deadline on a day, most late first, of those the actor may see: from the projection
    /// for today and later days, replayed from the log for a past day or for what was known then.
    public func overdue(_ request: OverdueRequest, by actor: Actor) async throws(AppError) -> OverdueList {
        let today = now.date
        let date = request.asOf ?? today
        let selection = request.selection
        let visibility = AccessPolicy(actor).visibility
        var filter = CaseFilter(workflow: selection.workflow, stage: selection.stage, district: selection.district, helper: selection.helper)
        filter.visibleTo = visibility
        let store = try store(.read)
        try check(filter, in: store)
        let replayed = date < today || request.asKnown
        let entries: [OverdueEntry]
        if replayed {
            let calendars = try environment.loadCalendars()
            // The replay judges each case as it stood on the day; sight is judged as the case stands now, by the
            // same rule as the projection's query.
            var sight = CaseFilter()
            sight.visibleTo = visibility
            let visibleIDs = visibility == nil ? nil : Set(try translatingErrors { try store.cases(sight) }.map(\.id))
            entries = try translatingErrors {
                try OverdueReport.replaying(store, calendars: calendars, on: date, asKnown: request.asKnown, dueSoon: request.dueSoon, filter: filter)
            }.filter { entry in visibleIDs?.contains(entry.id) ?? true }
        } else {
            entries = try translatingErrors { try OverdueReport.fromProjection(store, on: date, dueSoon: request.dueSoon, filter: filter) }
        }
        let problems = try translatingErrors { try store.deadlineProblems(visibleTo: visibility) }
        let warnings = problems.first.map { first in
            ["\(problems.count) active case\(problems.count == 1 ? " has" : "s have") no deadline and cannot show as overdue (\(first.id): \(first.problem))"]
        } ?? []
        return OverdueList(asOf: date, replayed: replayed, entries: entries, warnings: warnings)
    }

    /// A helper's work list (the actor's when no helper is named): overdue first, then due soon, urgent before
    /// normal, easy before hard, each with what to do next. A signed-in helper gets their own list and may not ask for another's.
    public func queue(_ request: QueueRequest, by actor: Actor) async throws(AppError) -> WorkQueue {
        let helper: String?
        switch AccessPolicy(actor).queueHelper(request.helper) {
        case .success(let allowed): helper = allowed
        case .failure(let refusal): throw .forbidden(refusal.message)
        }
        let date = request.asOf ?? now.date
        let store = try store(.read)
        try check(CaseFilter(district: request.district, helper: helper), in: store)
        let calendars = try environment.loadCalendars()
        let entries = try translatingErrors {
            try QueueReport.build(store, calendars: calendars, on: date, helper: helper, district: request.district,
                                  actor: actor.name, keepingMoves: request.includeMoves)
        }
        return WorkQueue(asOf: date, entries: entries)
    }

    /// The case's state: from the projection, or replayed from the events that occurred by the end of `asOf`
    /// (and, with `asKnown`, that were also recorded by then) by the same path as every "as of" answer.
    func caseState(_ caseID: String, service: CaseService, asOf: CivilDate?, asKnown: Bool) async throws(AppError) -> (CaseState, WorkflowDefinition) {
        let (current, workflow) = try await service.load(caseID)
        guard let asOf else { return (current, workflow) }
        let events = try await service.storing { () async throws(StoreError) in
            try await service.store.events(caseID: caseID, afterVersion: 0, limit: .max)
        }
        let replayed = try translatingErrors {
            try LogReplay.state(caseID, events: events, cutoff: LogReplay.Cutoff(asOf: asOf, asKnown: asKnown)) { _ in workflow }
        }
        guard let replayed else { throw .badInput("case \(caseID) did not exist yet on \(asOf)") }
        return replayed
    }

    /// Refuses a filter's name that nothing knows (a typo should not answer "0 cases").
    private func check(_ filter: CaseFilter, in store: CaseStore) throws(AppError) {
        guard filter.namesAny else { return }
        let definitions = try environment.catalog().definitions()
        try translatingErrors { try store.check(filter, definitions: definitions) }
    }
}

