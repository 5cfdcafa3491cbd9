import ArgumentParser
import Foundation
import RetrofitApp
import RetrofitBuiltins
import RetrofitCore

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

    /// The clock option, checked.
    func clock() throws(CommandFailure) -> Timestamp { try environment().clock.now() }

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

    /// The configuration these options and the environment variables choose.
    func environment() throws(CommandFailure) -> RetrofitEnvironment {
        var clock = RetrofitEnvironment.Clock.system
        if let text = now ?? environment("RETROFIT_NOW") {
            guard let time = Timestamp(iso: text) else {
                let source = now != nil ? "--now" : "RETROFIT_NOW"
                throw .badInput("\(source) '\(text)' is not a time; expected YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS] (China Standard Time)")
            }
            clock = .fixed(time)
        }
        return RetrofitEnvironment(
            databasePath: databasePath,
            workflows: (workflows ?? environment("RETROFIT_WORKFLOWS")).map { .folder($0) } ?? .folderIfPresent("workflows"),
            calendars: (calendars ?? environment("RETROFIT_CALENDARS")).map { .folder($0) } ?? .folderIfPresent("calendars"),
            clock: clock)
    }

    /// The application over that configuration; its notices are printed as `note:` lines.
    func app() throws(CommandFailure) -> RetrofitApp {
        RetrofitApp(environment: try environment(), notices: { printNote($0) })
    }

    /// Who runs the command.
    var actingPerson: Actor { Actor(name: actorName) }
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
        for path in paths { RetrofitApp.discardDatabaseIfEmpty(path) }
    }
}
