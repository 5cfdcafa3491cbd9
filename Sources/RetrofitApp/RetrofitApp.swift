import RetrofitCore
import RetrofitStore

/// The application: every use case the front ends offer, as typed requests and typed results, over one
/// environment. It never prints and never reads options; what it has to say beside a result (the
/// database was upgraded, say) goes to `notices`, which the CLI prints and a server logs.
public struct RetrofitApp: Sendable {
    public let environment: RetrofitEnvironment
    let notices: @Sendable (String) -> Void
    /// The store every use case shares, when the front end opened one (a server, tests on an in-memory
    /// database); nil means each use case opens `environment.databasePath` itself (one CLI process, one command).
    let openStore: CaseStore?
    /// The client's key for the request being carried out (see ``recording(_:)``).
    var requestKey: RequestKey?

    public init(environment: RetrofitEnvironment, notices: @escaping @Sendable (String) -> Void = { _ in }) {
        self.environment = environment
        self.notices = notices
        openStore = nil
    }

    /// An application whose use cases all use `store`, e.g. `CaseStore.inMemory()`.
    public init(environment: RetrofitEnvironment, store: CaseStore, notices: @escaping @Sendable (String) -> Void = { _ in }) {
        self.environment = environment
        self.notices = notices
        openStore = store
    }

    /// The clock, read here and nowhere deeper.
    public var now: Timestamp { environment.clock.now() }

    /// The database, its projections recomputed first if the calendars in force changed since they were
    /// computed (a year file added, say): deadlines are derived data and follow the calendars.
    ///
    /// - Parameter created: called when `.write` access is about to create the database file.
    public func store(_ access: CaseStore.Access, created: (String) -> Void = { _ in }) throws(AppError) -> CaseStore {
        let store: CaseStore
        if let openStore {
            store = openStore
        } else {
            let path = environment.databasePath
            if access == .write, !FileLoading.fileExists(path) { created(path) }
            do { store = try CaseStore(path: path, access: access, busyTimeoutSeconds: environment.busyTimeoutSeconds) } catch { throw AppError(error) }
        }
        // A preloaded environment (a server) checks its open store once: its calendars do not change while it runs.
        if openStore != nil, let preloaded = environment.preloaded, preloaded.projectionsChecked.load(ordering: .acquiring) { return store }
        let digest = try environment.calendarDigest()
        do {
            if try store.projectionsNeedRecomputing(calendarDigest: digest) {
                let upgraded = try store.recordedCalendarDigest() == nil
                let report = try store.recomputeProjections(calendars: try environment.loadCalendars(), calendarDigest: digest)
                if let report, !report.identical {
                    let why = upgraded ? "the database was upgraded" : "the calendars changed since the deadlines were computed"
                    notices("\(why); recomputed \(report.cases) cases from their events")
                }
            }
        } catch {
            throw AppError(any: error)
        }
        if openStore != nil { environment.preloaded?.projectionsChecked.store(true, ordering: .releasing) }
        return store
    }

    /// Everything a command on cases needs, acting as `actor`.
    public func caseService(by actor: Actor, access: CaseStore.Access = .write, created: (String) -> Void = { _ in }) throws(AppError) -> CaseService {
        let calendars = try environment.loadCalendars()
        var service = CaseService(store: try store(access, created: created),
                                  workflows: WorkflowCatalog(files: try environment.workflowFiles(), knownCalendars: Set(calendars.keys)),
                                  calendars: calendars, now: now, actor: actor.name)
        service.requestKey = requestKey.map { StoredRequestKey(person: $0.person, key: $0.key, fingerprint: $0.fingerprint) }
        service.access = AccessPolicy(actor)
        return service
    }
}

extension RetrofitApp {
    /// Removes the database at `path` if it holds nothing yet: a front end's first command that was refused
    /// leaves no empty file behind.
    public static func discardDatabaseIfEmpty(_ path: String) { _ = CaseStore.discardIfEmpty(path: path) }
}

/// Who makes a request: on the command line whoever runs it (`--actor`), on the server the signed-in person.
public struct Actor: Sendable, Hashable {
    public let name: String
    /// The signed-in person, whose role and districts every use case checks; nil for a local operator
    /// ("whoever has the file"), for whom the register's role checks alone apply.
    public let signedIn: SignedInPerson?

    /// A local operator, named as they say (the command line's `--actor`).
    public init(name: String) {
        self.name = name
        signedIn = nil
    }

    /// A person who proved who they are (a session or an API token).
    public init(signedIn person: SignedInPerson) {
        name = person.name
        signedIn = person
    }
}
