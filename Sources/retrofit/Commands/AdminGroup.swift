import ArgumentParser
import Foundation
import RetrofitApp
import RetrofitCore
import RetrofitReports
import RetrofitStore

struct AdminGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "admin",
        abstract: "Look after the database: rebuild projections, check integrity, back up.",
        subcommands: [Rebuild.self, Check.self, Backup.self]
    )

    struct Rebuild: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rebuild",
            abstract: "Recompute every projection from the event log alone.",
            discussion: """
                Use after adding a calendar year (deadlines are recomputed) or if 'admin check' reports a difference.
                Example:
                  retrofit admin rebuild
                  retrofit admin rebuild --check     (compare only; change nothing)
                """
        )
        @OptionGroup var global: GlobalOptions
        @Flag(help: "Only compare a rebuild with the live tables; change nothing. Exits 1 on a difference.") var check = false

        func run() throws {
            try runReporting {
                let store = try global.store(check ? .read : .write)
                let report = try store.rebuild(calendars: try global.loadCalendars(), keep: !check)
                let verdict = report.identical ? "identical to the live projections" : "different from the live projections (first in \(report.firstDifference ?? "?"))"
                print("\(check ? "checked" : "rebuilt") \(report.cases) cases from \(report.events) events: \(verdict)")
                if check && !report.identical { throw CommandFailure.findings(nil) }
            }
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Run SQLite's integrity check, verify the hash chain, and compare a rebuild with the live tables.",
            discussion: "Exits 1 if any of the three fails.\nExample:\n  retrofit admin check"
        )
        @OptionGroup var global: GlobalOptions

        func run() throws {
            try runReporting {
                let store = try global.store(.read)
                var failed = false
                let integrity = try store.integrityCheck()
                print("integrity: \(integrity.isEmpty ? "ok" : integrity.joined(separator: "; "))")
                failed = failed || !integrity.isEmpty
                let chain = try store.verifyChain()
                print("hash chain: \(chain.description)")
                failed = failed || !chain.isIntact
                let rebuild = try store.rebuild(calendars: try global.loadCalendars(), keep: false)
                print("rebuild: \(rebuild.identical ? "identical to live (\(rebuild.cases) cases, \(rebuild.events) events)" : "differs in \(rebuild.firstDifference ?? "?")")")
                failed = failed || !rebuild.identical
                if failed { throw CommandFailure.findings("the database failed a check") }
            }
        }
    }

    struct Backup: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "backup",
            abstract: "Copy the database consistently while others keep writing (SQLite online backup).",
            discussion: "Example:\n  retrofit admin backup /backups/retrofit-2025-12-31.sqlite"
        )
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The copy to write; must not exist yet.") var destination: String

        func run() throws {
            try runReporting {
                guard !FileManager.default.fileExists(atPath: destination) else {
                    throw CommandFailure.badInput("\(destination) already exists; choose a new file name")
                }
                let store = try global.store(.read)
                try store.backup(to: destination)
                print("backed up \(store.path) to \(destination)")
            }
        }
    }
}
