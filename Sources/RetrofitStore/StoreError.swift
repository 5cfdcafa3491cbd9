import RetrofitCore

/// Why the store could not do what was asked. Each case reads as one plain sentence naming no flag or
/// command; ``hints`` says what to do about it, for each front end to put in its own words.
public enum StoreError: Error, Sendable, CustomStringConvertible {
    /// Another process appended to the case after this command read it.
    case conflict(caseID: String, expected: Int, actual: Int)
    case noDatabase(path: String)
    case notSQLite(path: String)
    case notRetrofit(path: String)
    case newerSchema(path: String, found: Int, known: Int)
    /// The database records a migration this build does not have: a newer retrofit changed its layout.
    case newerMigration(path: String, migration: String)
    case locked(path: String)
    case readOnly(path: String)
    case full(path: String)
    case unknownCase(String)
    /// A workflow file changed without a new version number.
    case workflowChanged(id: String, version: Int)
    /// A stored workflow definition or event that cannot be read back.
    case corrupt(String)
    /// A case's stored state (a projection) that cannot be read back; a rebuild rewrites it from the log.
    case unreadableState(caseID: String, problem: String?)
    case sqlite(path: String, message: String)
    /// A keyed request's write was carried out before (a retry raced its first attempt): nothing was written again.
    case requestAlreadyCarriedOut(key: String)

    public var description: String { message }

    public var message: String {
        switch self {
        case .conflict(let id, let expected, let actual):
            "case \(id) changed while this command ran (expected version \(expected), found \(actual)); nothing was written — look at the case again and retry"
        case .noDatabase(let path):
            "no database at \(path)"
        case .notSQLite(let path):
            "\(path) is not a SQLite database"
        case .notRetrofit(let path):
            "\(path) is a SQLite database of another program, not a retrofit database"
        case .newerSchema(let path, let found, let known):
            "\(path) was written by a newer retrofit (schema \(found); this retrofit knows up to \(known)); upgrade retrofit to use it"
        case .newerMigration(let path, let migration):
            "\(path) was changed by a newer retrofit (migration '\(migration)', which this retrofit does not know); nothing was written — upgrade retrofit to use it"
        case .locked(let path):
            "\(path) is locked by another writer and stayed locked past the busy timeout; try again in a moment"
        case .readOnly(let path):
            "\(path) cannot be written (read-only file or folder); check its permissions or copy it somewhere writable"
        case .full(let path):
            "the disk holding \(path) is full (or the database reached its size limit); free space and retry — nothing was written"
        case .workflowChanged(let id, let version):
            "workflow \(id) version \(version) differs from the version \(version) already stored for existing cases; bump 'version' in the file to change it"
        case .unknownCase(let id):
            "case \(id) does not exist"
        case .corrupt(let what):
            "the database is damaged: \(what)"
        case .unreadableState(let id, let problem):
            "the database is damaged: the stored state of case \(id) cannot be read\(problem.map { " (\($0))" } ?? "")"
        case .sqlite(let path, let message):
            "SQLite error on \(path): \(message)"
        case .requestAlreadyCarriedOut(let key):
            "the request with key \(key) was carried out already; nothing was written again"
        }
    }

    public var hints: [InputHint] {
        switch self {
        case .noDatabase(let path):
            [.createBy([SuggestedOperation(.openCase), SuggestedOperation(.generateDemo, [InputArgument(.database, path)])]),
             .giveInstead(.database)]
        case .notSQLite: [.give(.database)]
        case .notRetrofit: [.giveAnother(.database)]
        case .corrupt: [.run(SuggestedOperation(.checkDatabase))]
        case .unreadableState: [.run(SuggestedOperation(.rebuildProjections)), .run(SuggestedOperation(.checkDatabase))]
        default: []
        }
    }
}
