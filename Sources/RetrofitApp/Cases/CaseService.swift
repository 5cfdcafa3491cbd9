import RetrofitCore
import RetrofitReports
import RetrofitStore

/// Runs one command end to end: read the case, decide, evolve, append with the version it was
/// decided on. Each call is one transaction or nothing.
public struct CaseService: Sendable {
    public let store: any CaseRepository
    public let workflows: WorkflowCatalog
    public let calendars: [String: WorkingCalendar]
    public let now: Timestamp
    public let actor: String
    /// The client's key for the request this service carries out, recorded with its first append.
    public var requestKey: StoredRequestKey?
    /// What the actor may see and change; everything for a local operator.
    public internal(set) var access = AccessPolicy(person: nil)

    public init(store: any CaseRepository, workflows: WorkflowCatalog, calendars: [String: WorkingCalendar], now: Timestamp, actor: String) {
        self.store = store
        self.workflows = workflows
        self.calendars = calendars
        self.now = now
        self.actor = actor
    }

    /// The result of a command that was carried out.
    public struct Outcome: Sendable {
        public let caseID: String
        public let state: CaseState
        public let events: [StoredEvent]
        public let schedule: CaseSchedule
        public let workflow: WorkflowDefinition

        /// False when the command's outcome was the case as it stood: no event was appended.
        public var changed: Bool { !events.isEmpty }
    }

    /// Opens a new case under the current version of `workflowID`.
    public func open(workflowID: String, caseID requestedID: String?, fields: [String: String], priority: CasePriority = .normal,
                     difficulty: CaseDifficulty = .normal, helper: String? = nil, at: Timestamp? = nil) async throws(AppError) -> Outcome {
        try access.writeCases().enforce()
        if let requestedID { try access.nameCaseID(requestedID).enforce() }
        let workflow: WorkflowDefinition
        do { workflow = try workflows.load(workflowID) } catch { throw AppError(error) }
        let occurredAt = at ?? now
        var caseID = requestedID ?? ""
        if requestedID == nil {
            let year = occurredAt.date.year
            let number = try await storing { () async throws(StoreError) in try await store.nextCaseNumber(prefix: workflow.caseIDPrefix, year: year) }
            caseID = "\(workflow.caseIDPrefix)-\(year)-\(String(format4: number))"
        }
        if try await storing({ () async throws(StoreError) in try await store.loadCase(caseID) }) != nil {
            throw .badInput("case \(caseID) already exists; choose another id")
        }
        return try await run(.open(fields: fields, priority: priority, difficulty: difficulty, helper: helper),
                       caseID: caseID, state: nil, workflow: workflow, at: occurredAt, expectVersion: nil)
    }

    /// Runs a command on an existing case.
    ///
    /// - Parameter expectVersion: refuse with a conflict unless the case is at this version
    ///   (what a helper saw); nil means the version read just now, and the command is decided
    ///   again on the newer case if another process wrote to it in between.
    public func execute(_ command: CaseCommand, caseID: String, at: Timestamp? = nil, expectVersion: Int? = nil) async throws(AppError) -> Outcome {
        try access.writeCases().enforce()
        var attempts = 0
        while true {
            let (state, workflow) = try await load(caseID)
            do {
                return try await run(command, caseID: caseID, state: state, workflow: workflow, at: at ?? now, expectVersion: expectVersion)
            } catch {
                attempts += 1
                guard error.category == .conflict, expectVersion == nil, attempts < 20 else { throw error }
            }
        }
    }

    /// A case with the workflow version it is pinned to; a case out of the actor's sight is not found, as one
    /// that does not exist.
    public func load(_ caseID: String) async throws(AppError) -> (CaseState, WorkflowDefinition) {
        guard let (state, stored) = try await storing({ () async throws(StoreError) in try await store.loadCase(caseID) }) else {
            throw AppError(StoreError.unknownCase(caseID))
        }
        try access.readCase(CaseAccessFacts(caseID: caseID, district: state.fields["district"], helper: state.helper)).enforce(caseID: caseID)
        let workflow: WorkflowDefinition
        do { workflow = try StoredWorkflowCache.definition(stored) } catch { throw AppError(error) }
        return (state, workflow)
    }

    public func calendar(for workflow: WorkflowDefinition) throws(AppError) -> WorkingCalendar {
        guard let calendar = calendars[workflow.calendar] else {
            throw .badInput("workflow \(workflow.id) names calendar '\(workflow.calendar)', which is not among the calendars: \(calendars.keys.sorted().joined(separator: ", "))")
        }
        return calendar
    }

    /// The actor's role: nil while nobody is registered (anyone may act); refused if unknown afterwards.
    public func actorRole() async throws(AppError) -> Role? {
        try actorRole(in: try await storing { () async throws(StoreError) in try await store.people() })
    }

    func actorRole(in people: [PersonRegistered]) throws(AppError) -> Role? {
        guard !people.isEmpty else { return nil }
        guard let person = people.first(where: { $0.name == actor }) else {
            throw .forbidden("\(actor) is not in the people register; ask an admin to add you ('retrofit people add'), or act as a registered person with --actor")
        }
        return person.role
    }

    /// One command is a batch of one: decided, evolved and appended by the same path as ``executeAll(_:caseID:expectVersion:)``.
    private func run(_ command: CaseCommand, caseID: String, state: CaseState?, workflow: WorkflowDefinition,
                     at occurredAt: Timestamp, expectVersion: Int?) async throws(AppError) -> Outcome {
        try await run([Step(command, at: occurredAt)], caseID: caseID, on: state, workflow: workflow, expectVersion: expectVersion)
    }

    func storing<T>(_ body: () async throws(StoreError) -> T) async throws(AppError) -> T {
        do { return try await body() } catch { throw AppError(error) }
    }
}
