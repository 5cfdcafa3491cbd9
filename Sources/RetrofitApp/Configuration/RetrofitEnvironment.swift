import Foundation
import Synchronization
import RetrofitBuiltins
import RetrofitCore
import RetrofitStore

/// Everything a front end chooses once: where the database is, which workflow and calendar files are in
/// force, and the clock. The CLI fills it from options and environment variables, a server from its own
/// configuration. Who acts is not here: the actor comes in with each request.
public struct RetrofitEnvironment: Sendable {
    /// Where files come from.
    public enum Files: Sendable, Hashable {
        /// Only what is built into the binary (for calendars: no added files).
        case builtIn
        /// A folder that must exist.
        case folder(String)
        /// A folder used when it exists (`./workflows`, `./calendars`), else as `.builtIn`.
        case folderIfPresent(String)
    }

    /// The clock: the system's, or a fixed time (tests, "as of" questions, `--now`).
    public enum Clock: Sendable, Hashable {
        case system
        case fixed(Timestamp)

        public func now() -> Timestamp {
            switch self {
            case .fixed(let time): time
            case .system: Timestamp(secondsSinceEpoch: Int64(Date().timeIntervalSince1970.rounded(.down)))
            }
        }
    }

    public var databasePath: String
    /// Workflow files replacing the built-in ones.
    public var workflows: Files
    /// Calendar files added over the built-in ones (a year file replaces that year).
    public var calendars: Files
    public var clock: Clock
    /// How long a command waits for another writer before giving up as unavailable.
    public var busyTimeoutSeconds: Int

    /// The files read once (see ``preloading()``); nil reads them at each use.
    public private(set) var preloaded: PreloadedFiles?

    public init(databasePath: String, workflows: Files = .builtIn, calendars: Files = .builtIn, clock: Clock = .system,
                busyTimeoutSeconds: Int = 10) {
        self.databasePath = databasePath
        self.workflows = workflows
        self.calendars = calendars
        self.clock = clock
        self.busyTimeoutSeconds = busyTimeoutSeconds
    }
}

extension RetrofitEnvironment {
    /// The workflow files in force: the folder's, or the built-in ones.
    public func workflowFiles() throws(AppError) -> [CatalogFile] {
        if let preloaded { return preloaded.workflowFiles }
        switch workflows {
        case .builtIn: return BuiltinFiles.workflowFiles
        case .folder(let folder): return try FileLoading.yamlFiles(in: folder)
        case .folderIfPresent(let folder):
            return FileLoading.isDirectory(folder) ? try FileLoading.yamlFiles(in: folder) : BuiltinFiles.workflowFiles
        }
    }

    /// The calendar files added over the built-in ones.
    public func addedCalendarFiles() throws(AppError) -> [CatalogFile] {
        if let preloaded { return preloaded.addedCalendarFiles }
        switch calendars {
        case .builtIn: return []
        case .folder(let folder): return try FileLoading.yamlFiles(in: folder)
        case .folderIfPresent(let folder): return FileLoading.isDirectory(folder) ? try FileLoading.yamlFiles(in: folder) : []
        }
    }

    /// Every calendar in force: the built-in ones with the added files on top.
    public func loadCalendars() throws(AppError) -> [String: WorkingCalendar] {
        if let preloaded { return preloaded.calendars }
        let added = try addedCalendarFiles()
        do { return try CalendarCatalog.load(builtIn: BuiltinFiles.calendarFiles, added: added) } catch { throw .badInput("\(error)") }
    }

    /// The workflows in force, checked against the calendars in force.
    public func catalog() throws(AppError) -> WorkflowCatalog {
        if let preloaded { return preloaded.catalog }
        return WorkflowCatalog(files: try workflowFiles(), knownCalendars: Set(try loadCalendars().keys))
    }

    /// The digest of the calendar files in force, which the deadlines in the database were computed with.
    public func calendarDigest() throws(AppError) -> String {
        if let preloaded { return preloaded.calendarDigest }
        return CaseStore.calendarDigest(files: BuiltinCalendarDigest.files + (try addedCalendarFiles()).map { ($0.path, $0.text) })
    }

    /// This environment with its workflow and calendar files read and loaded once, for a process that serves many
    /// requests: a server reads its files at start, as it reads its options (restart it to take changed files).
    public func preloading() throws(AppError) -> RetrofitEnvironment {
        var environment = self
        environment.preloaded = nil
        let workflowFiles = try environment.workflowFiles()
        let added = try environment.addedCalendarFiles()
        let calendars = try environment.loadCalendars()
        environment.preloaded = PreloadedFiles(workflowFiles: workflowFiles, addedCalendarFiles: added, calendars: calendars,
                                               catalog: WorkflowCatalog(files: workflowFiles, knownCalendars: Set(calendars.keys)),
                                               calendarDigest: try environment.calendarDigest())
        return environment
    }
}

/// Workflow and calendar files as read once by ``RetrofitEnvironment/preloading()``.
public final class PreloadedFiles: Sendable {
    let workflowFiles: [CatalogFile]
    let addedCalendarFiles: [CatalogFile]
    let calendars: [String: WorkingCalendar]
    let catalog: WorkflowCatalog
    let calendarDigest: String
    /// Whether the open store's projections were found computed with these calendars (or recomputed).
    let projectionsChecked = Atomic<Bool>(false)

    init(workflowFiles: [CatalogFile], addedCalendarFiles: [CatalogFile], calendars: [String: WorkingCalendar], catalog: WorkflowCatalog,
         calendarDigest: String) {
        self.calendarDigest = calendarDigest
        self.workflowFiles = workflowFiles
        self.addedCalendarFiles = addedCalendarFiles
        self.calendars = calendars
        self.catalog = catalog
    }
}

/// Reading workflow and calendar folders.
public enum FileLoading {
    public static func fileExists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    public static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// The `.yaml` files of `folder`, in name order.
    public static func yamlFiles(in folder: String) throws(AppError) -> [CatalogFile] {
        guard isDirectory(folder) else { throw .badInput("folder '\(folder)' does not exist") }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
        return try names.map { name throws(AppError) in try readFile((folder as NSString).appendingPathComponent(name)) }
    }

    public static func readFile(_ path: String) throws(AppError) -> CatalogFile {
        guard let data = FileManager.default.contents(atPath: path) else { throw .badInput("cannot read file '\(path)'") }
        guard let text = String(data: data, encoding: .utf8) else { throw .badInput("file '\(path)' is not UTF-8 text") }
        return CatalogFile(path: path, text: text)
    }
}

/// The built-in calendar files as the calendar digest takes them.
enum BuiltinCalendarDigest {
    static let files: [(path: String, text: String)] = BuiltinFiles.calendarFiles.map { ($0.path, $0.text) }
}
