import ArgumentParser
import Foundation
import RetrofitBuiltins
import RetrofitCore
import RetrofitStore

/// Options every command takes; each can also come from the environment.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The database file (env RETROFIT_DB).", valueName: "path"))
    var db: String?

    @Option(name: .long, help: ArgumentHelp("A folder of workflow files replacing the built-in ones (env RETROFIT_WORKFLOWS; default ./workflows if present).", valueName: "dir"))
    var workflows: String?

    @Option(name: .long, help: ArgumentHelp("A folder of calendar files added to the built-in ones; a year file replaces that year (env RETROFIT_CALENDARS; default ./calendars if present).", valueName: "dir"))
    var calendars: String?

    @Option(name: .long, help: ArgumentHelp("The clock: YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS], China Standard Time (env RETROFIT_NOW; default the system clock).", valueName: "time"))
    var now: String?

    @Option(name: .long, help: ArgumentHelp("Who acts (env RETROFIT_ACTOR; default the login name).", valueName: "name"))
    var actor: String?

    /// One environment variable (ProcessInfo's environment copies all of them: 4 M instructions at start).
    static func environment(_ name: String) -> String? { getenv(name).map { String(cString: $0) } }
    private func environment(_ name: String) -> String? { GlobalOptions.environment(name) }

    var databasePath: String { db ?? environment("RETROFIT_DB") ?? "retrofit.sqlite" }

    var actorName: String {
        actor ?? environment("RETROFIT_ACTOR") ?? environment("USER") ?? environment("LOGNAME") ?? "unknown"
    }

    /// The clock, read here and nowhere deeper.
    func clock() throws(CommandFailure) -> Timestamp {
        if let text = now ?? environment("RETROFIT_NOW") {
            guard let time = Timestamp(iso: text) else {
                let source = now != nil ? "--now" : "RETROFIT_NOW"
                throw .badInput("\(source) '\(text)' is not a time; expected YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS] (China Standard Time)")
            }
            return time
        }
        return Timestamp(secondsSinceEpoch: Int64(Date().timeIntervalSince1970.rounded(.down)))
    }

    /// A date-or-time option such as `--at`, or nil when not given.
    func time(_ text: String?, option: String) throws(CommandFailure) -> Timestamp? {
        guard let text else { return nil }
        guard let time = Timestamp(iso: text) else {
            throw .badInput("\(option) '\(text)' is not a date; expected YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS] (China Standard Time)")
        }
        return time
    }

    func date(_ text: String?, option: String) throws(CommandFailure) -> CivilDate? {
        guard let text else { return nil }
        guard let date = CivilDate(iso: text) else {
            throw .badInput("\(option) '\(text)' is not a date; expected YYYY-MM-DD")
        }
        return date
    }

    /// The workflow files in force: the folder named, ./workflows, or the built-in ones.
    func workflowFiles() throws(CommandFailure) -> [WorkflowCatalog.File] {
        if let folder = workflows ?? environment("RETROFIT_WORKFLOWS") {
            return try FileLoading.yamlFiles(in: folder, required: true)
        }
        if FileLoading.isDirectory("workflows") { return try FileLoading.yamlFiles(in: "workflows", required: true) }
        return BuiltinFiles.workflowFiles
    }

    /// The calendar files of the folder named, or ./calendars, added over the built-in ones.
    func addedCalendarFiles() throws(CommandFailure) -> [WorkflowCatalog.File] {
        if let folder = calendars ?? environment("RETROFIT_CALENDARS") {
            return try FileLoading.yamlFiles(in: folder, required: true)
        }
        if FileLoading.isDirectory("calendars") { return try FileLoading.yamlFiles(in: "calendars", required: true) }
        return []
    }

    func loadCalendars() throws(CommandFailure) -> [String: WorkingCalendar] {
        do {
            return try CalendarCatalog.load(builtIn: BuiltinFiles.calendarFiles, added: try addedCalendarFiles())
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw .badInput("\(error)")
        }
    }

    func catalog() throws(CommandFailure) -> WorkflowCatalog {
        WorkflowCatalog(files: try workflowFiles(), knownCalendars: Set(try loadCalendars().keys))
    }

    /// The database, its projections recomputed first if the calendars in force changed since they were
    /// computed (a year file added, say): deadlines are derived data and follow the calendars.
    func store(_ access: CaseStore.Access) throws(CommandFailure) -> CaseStore {
        let path = databasePath
        if access == .write, !FileManager.default.fileExists(atPath: path) { NewDatabase.created(path) }
        let store: CaseStore
        do { store = try CaseStore(path: path, access: access) } catch { throw .store(error) }
        let files = BuiltinFiles.calendarFiles.map { ($0.path, $0.text) } + (try addedCalendarFiles()).map { ($0.path, $0.text) }
        let digest = CaseStore.calendarDigest(files: files)
        do {
            guard try store.projectionsNeedRecomputing(calendarDigest: digest) else { return store }
            let upgraded = try store.recordedCalendarDigest() == nil
            let report = try store.recomputeProjections(calendars: try loadCalendars(), calendarDigest: digest)
            if let report, !report.identical {
                let why = upgraded ? "the database was upgraded" : "the calendars changed since the deadlines were computed"
                printNote("\(why); recomputed \(report.cases) cases from their events")
            }
        } catch let error as StoreError {
            throw .store(error)
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw .badInput("\(error)")
        }
        return store
    }

    /// Everything a command on cases needs.
    func service(_ access: CaseStore.Access = .write) throws(CommandFailure) -> CaseService {
        let calendars = try loadCalendars()
        return CaseService(store: try store(access), workflows: WorkflowCatalog(files: try workflowFiles(), knownCalendars: Set(calendars.keys)),
                           calendars: calendars, now: try clock(), actor: actorName)
    }
}

/// Reading workflow and calendar folders.
enum FileLoading {
    static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    static func yamlFiles(in folder: String, required: Bool) throws(CommandFailure) -> [WorkflowCatalog.File] {
        guard isDirectory(folder) else { throw .badInput("folder '\(folder)' does not exist") }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
        return try names.map { name throws(CommandFailure) in try readFile((folder as NSString).appendingPathComponent(name)) }
    }

    static func readFile(_ path: String) throws(CommandFailure) -> WorkflowCatalog.File {
        guard let data = FileManager.default.contents(atPath: path) else { throw .badInput("cannot read file '\(path)'") }
        guard let text = String(data: data, encoding: .utf8) else { throw .badInput("file '\(path)' is not UTF-8 text") }
        return WorkflowCatalog.File(path: path, text: text)
    }
}

/// The database file this process created, so that a refused first command leaves no file behind.
final class NewDatabase: @unchecked Sendable {
    private static let shared = NewDatabase()
    private let lock = NSLock()
    private var paths: [String] = []

    static func created(_ path: String) {
        shared.lock.withLock { shared.paths.append(path) }
    }

    /// Removes each database this process created if it is still empty (the command failed).
    static func discardIfEmpty() {
        let paths = shared.lock.withLock { shared.paths }
        for path in paths { CaseStore.discardIfEmpty(path: path) }
    }
}
