import RetrofitCore

/// Runs one command end to end: read the case, decide, evolve, append with the version it was
/// decided on. What the CLI calls; each call is one transaction or nothing.
public struct CaseService: Sendable {
    public let store: CaseStore
    public let workflows: WorkflowCatalog
    public let calendars: [String: WorkingCalendar]
    public let now: Timestamp
    public let actor: String

    public init(store: CaseStore, workflows: WorkflowCatalog, calendars: [String: WorkingCalendar], now: Timestamp, actor: String) {
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
                     difficulty: CaseDifficulty = .normal, helper: String? = nil, at: Timestamp? = nil) throws(ServiceError) -> Outcome {
        let workflow = try wrap { () throws(WorkflowLookupError) in try workflows.load(workflowID) }
        let occurredAt = at ?? now
        var caseID = requestedID ?? ""
        if requestedID == nil {
            let year = occurredAt.date.year
            let number = try wrap { () throws(StoreError) in try store.nextCaseNumber(prefix: workflow.caseIDPrefix, year: year) }
            caseID = "\(workflow.caseIDPrefix)-\(year)-\(String(format4: number))"
        }
        if try wrap({ () throws(StoreError) in try store.loadCase(caseID) }) != nil {
            throw .rejected(Rejection(.invalidInput, "case \(caseID) already exists; choose another id"))
        }
        return try run(.open(fields: fields, priority: priority, difficulty: difficulty, helper: helper),
                       caseID: caseID, state: nil, workflow: workflow, at: occurredAt, expectVersion: nil)
    }

    /// Runs a command on an existing case.
    ///
    /// - Parameter expectVersion: refuse with a conflict unless the case is at this version
    ///   (what a helper saw); nil means the version read just now, and the command is decided
    ///   again on the newer case if another process wrote to it in between.
    public func execute(_ command: CaseCommand, caseID: String, at: Timestamp? = nil, expectVersion: Int? = nil) throws(ServiceError) -> Outcome {
        var attempts = 0
        while true {
            let (state, workflow) = try load(caseID)
            do {
                return try run(command, caseID: caseID, state: state, workflow: workflow, at: at ?? now, expectVersion: expectVersion)
            } catch {
                attempts += 1
                guard case .store(.conflict) = error, expectVersion == nil, attempts < 20 else { throw error }
            }
        }
    }

    /// A case with the workflow version it is pinned to.
    public func load(_ caseID: String) throws(ServiceError) -> (CaseState, WorkflowDefinition) {
        guard let (state, stored) = try wrap({ () throws(StoreError) in try store.loadCase(caseID) }) else {
            throw .store(.unknownCase(caseID))
        }
        let workflow = try wrap { () throws(WorkflowLookupError) in try StoredWorkflowCache.definition(stored) }
        return (state, workflow)
    }

    public func calendar(for workflow: WorkflowDefinition) throws(ServiceError) -> WorkingCalendar {
        guard let calendar = calendars[workflow.calendar] else {
            throw .rejected(Rejection(.invalidInput, "workflow \(workflow.id) names calendar '\(workflow.calendar)', which is not among the calendars: \(calendars.keys.sorted().joined(separator: ", "))"))
        }
        return calendar
    }

    /// The actor's role: nil while nobody is registered (anyone may act); refused if unknown afterwards.
    public func actorRole() throws(ServiceError) -> Role? {
        try actorRole(in: try wrap { () throws(StoreError) in try store.people() })
    }

    func actorRole(in people: [PersonRegistered]) throws(ServiceError) -> Role? {
        guard !people.isEmpty else { return nil }
        guard let person = people.first(where: { $0.name == actor }) else {
            throw .rejected(Rejection(.notAllowed, "\(actor) is not in the people register; ask an admin to add you ('retrofit people add'), or act as a registered person with --actor"))
        }
        return person.role
    }

    /// One command is a batch of one: decided, evolved and appended by the same path as ``executeAll(_:caseID:expectVersion:)``.
    private func run(_ command: CaseCommand, caseID: String, state: CaseState?, workflow: WorkflowDefinition,
                     at occurredAt: Timestamp, expectVersion: Int?) throws(ServiceError) -> Outcome {
        try run([Step(command, at: occurredAt)], caseID: caseID, on: state, workflow: workflow, expectVersion: expectVersion)
    }

    func wrap<T, E: Error>(_ body: () throws(E) -> T) throws(ServiceError) -> T {
        do { return try body() } catch { throw ServiceError(error) }
    }
}

/// Why a command was not carried out. The CLI maps each case to its exit code.
public enum ServiceError: Error, Sendable, CustomStringConvertible {
    case rejected(Rejection)
    case store(StoreError)
    case workflow(WorkflowLookupError)
    case calendar(CalendarError)

    init(_ error: any Error) {
        switch error {
        case let error as ServiceError: self = error
        case let error as Rejection: self = .rejected(error)
        case let error as StoreError: self = .store(error)
        case let error as WorkflowLookupError: self = .workflow(error)
        case let error as CalendarError: self = .calendar(error)
        default: self = .store(.sqlite(path: "", message: "\(error)"))
        }
    }

    public var description: String {
        switch self {
        case .rejected(let rejection): rejection.message
        case .store(let error): error.description
        case .workflow(let error): error.description
        case .calendar(let error): error.description
        }
    }
}
