import RetrofitCore
import RetrofitReports
import RetrofitStore

extension CaseService {
    /// One command of a batch, with when it happened and how a refusal should name it.
    public struct Step: Sendable {
        public let command: CaseCommand
        /// When it happened; nil means the batch's time (the clock when that is nil too).
        public let at: Timestamp?
        /// Put before a refusal's message, such as `ballots.csv:7`, so the person finds the row.
        public let label: String?

        public init(_ command: CaseCommand, at: Timestamp? = nil, label: String? = nil) {
            self.command = command
            self.at = at
            self.label = label
        }
    }

    /// Runs several commands on one case as one transaction: all of them, or none.
    ///
    /// Each command is decided on the case as the commands before it left it, and all the
    /// events are appended together with one `store.append`.
    /// - Throws: ``AppError``; the first refusal stops the batch and nothing is written.
    public func executeAll(_ commands: [CaseCommand], caseID: String, at: Timestamp? = nil,
                           expectVersion: Int? = nil) async throws(AppError) -> Outcome {
        try await executeAll(commands.map { Step($0, at: at) }, caseID: caseID, expectVersion: expectVersion)
    }

    /// Runs several commands on one case as one transaction, each with its own time and
    /// label (a ballots file whose rows carry their signing dates).
    ///
    /// Commands are decided in the order given, so their times must not go backwards (the
    /// engine refuses an event dated before the case's previous one). Consecutive commands
    /// with the same time share one append; commands at different times are appended as
    /// several appends inside one database transaction.
    /// - Throws: ``AppError``: a refusal is prefixed with its step's label; an empty
    ///   batch is refused as invalid input. Nothing is written unless every step is accepted.
    public func executeAll(_ steps: [Step], caseID: String, expectVersion: Int? = nil) async throws(AppError) -> Outcome {
        try access.writeCases().enforce()
        guard !steps.isEmpty else {
            throw .badInput("there is nothing to record for case \(caseID)")
        }
        let (initial, workflow) = try await load(caseID)
        return try await run(steps, caseID: caseID, on: initial, workflow: workflow, expectVersion: expectVersion)
    }

    /// The one path every command takes: each step decided on the case as the steps before it left it
    /// (`initial` is nil for a case being opened), then everything appended in one transaction.
    /// A step that changes nothing appends nothing; the outcome is then the case as it stood.
    func run(_ steps: [Step], caseID: String, on initial: CaseState?, workflow: WorkflowDefinition,
             expectVersion: Int?) async throws(AppError) -> Outcome {
        if let expectVersion, let initial, initial.version != expectVersion {
            throw AppError(StoreError.conflict(caseID: caseID, expected: expectVersion, actual: initial.version))
        }
        let calendar = try calendar(for: workflow)
        let people = try await storing { () async throws(StoreError) in try await store.people() }
        let role = try actorRole(in: people)

        var state = initial
        var groups: [(at: Timestamp, expectedVersion: Int, events: [CaseEvent], state: CaseState)] = []
        for step in steps {
            let occurredAt = step.at ?? now
            let context = CommandContext(actor: actor, role: role, occurredAt: occurredAt, now: now, calendar: calendar,
                                         people: people)
            let events: [CaseEvent]
            switch CaseDecider.decide(step.command, on: state, caseID: caseID, workflow: workflow, context: context) {
            case .success(let decided): events = decided
            case .failure(let rejection):
                let message = step.label.map { "\($0): \(rejection.message)" } ?? rejection.message
                throw AppError(Rejection(rejection.kind, message, hints: rejection.hints))
            }
            guard let next = CaseState.after(events, on: state, caseID: caseID, at: occurredAt, workflow: workflow) else {
                throw .badInput("the command produced no change")
            }
            if events.isEmpty { continue }
            if let last = groups.indices.last, groups[last].at == occurredAt {
                groups[last].events += events
                groups[last].state = next
            } else {
                groups.append((occurredAt, state?.version ?? 0, events, next))
            }
            state = next
        }
        if let state { try checkAccess(from: initial, to: state, caseID: caseID) }

        // Only the visits each append rewrites are counted: a long case does not recount its whole past.
        let items = groups.enumerated().map { index, group in
            (append: CaseAppend(caseID: caseID, expectedVersion: group.expectedVersion, events: group.events,
                                occurredAt: group.at, recordedAt: now, actor: actor, workflow: workflow,
                                requestKey: index == 0 ? requestKey : nil),
             state: group.state,
             schedule: CaseSchedule.atLastEvent(group.state, workflow: workflow, calendar: calendar, countingFrom:
                CaseStore.firstRewrittenVisit(visitCount: group.state.visits.count, onlyRecentVisits: group.expectedVersion > 0)))
        }
        let stored: [StoredEvent]
        if items.isEmpty {
            stored = []
        } else if items.count == 1, let only = items.first {
            stored = try await storing { () async throws(StoreError) in try await store.append(only.append, state: only.state, schedule: only.schedule) }
        } else {
            try await storing { () async throws(StoreError) in try await store.appendBatch(items) }
            stored = try await storing { () async throws(StoreError) in try await store.events(caseID: caseID, afterVersion: initial?.version ?? 0, limit: Int.max) }
        }
        // Every step has a state after it (a step that starts no case is refused above), so `state` is set
        // unless there were no steps.
        guard let state else { throw .badInput("there is nothing to record for case \(caseID)") }
        let schedule = items.last?.schedule
            ?? CaseSchedule.of(state, workflow: workflow, calendar: calendar, asOf: state.lastOccurredAt.date)
        return Outcome(caseID: caseID, state: state, events: stored, schedule: schedule, workflow: workflow)
    }
}

extension CaseService {
    /// Refuses a write that the actor may not make: opening a case out of their districts, or leaving a case out
    /// of their sight. The case before was read through ``load(_:)``, so it is in sight.
    func checkAccess(from initial: CaseState?, to final: CaseState, caseID: String) throws(AppError) {
        let after = CaseAccessFacts(caseID: caseID, district: final.fields["district"], helper: final.helper)
        guard let initial else { return try access.openCase(after).enforce(caseID: caseID) }
        let before = CaseAccessFacts(caseID: caseID, district: initial.fields["district"], helper: initial.helper)
        try access.changeCase(before: before, after: after).enforce(caseID: caseID)
    }
}
