import RetrofitCore
import RetrofitStore

extension RetrofitApp {
    /// An application for a long-running service: the database at `environment.databasePath` opened once, for
    /// writing (WAL, the environment's busy timeout, so the CLI keeps working on the same file), shared by every
    /// request; it is closed when the last copy of the application is released.
    public static func service(_ environment: RetrofitEnvironment,
                               notices: @escaping @Sendable (String) -> Void = { _ in }) throws(AppError) -> RetrofitApp {
        let store: CaseStore
        do {
            store = try CaseStore(path: environment.databasePath, access: .write, busyTimeoutSeconds: environment.busyTimeoutSeconds)
        } catch {
            throw AppError(error)
        }
        return RetrofitApp(environment: environment, store: store, notices: notices)
    }

    /// Whether the service can answer: the database is open for writing and its log can be read (a cheap read of
    /// the log's head, no write); `unavailable` saying why otherwise.
    public func checkReady() throws(AppError) {
        let store = try store(.write)
        _ = try translatingErrors { try store.head() }
    }
}
