import ArgumentParser
import RetrofitApp

struct AdminGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "admin",
        abstract: "Look after the database: rebuild projections, check integrity, back up.",
        subcommands: [Rebuild.self, Check.self, Backup.self]
    )

    struct Rebuild: AsyncParsableCommand {
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

        func run() async throws {
            let report = try await global.app().rebuildProjections(checkOnly: check, by: global.actingPerson, created: NewDatabase.created)
            let verdict = report.identical ? "identical to the live projections" : "different from the live projections (first in \(report.firstDifference ?? "?"))"
            print("\(check ? "checked" : "rebuilt") \(report.cases) cases from \(report.events) events: \(verdict)")
            if let findings = report.findings { throw findings }
        }
    }

    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Run SQLite's integrity check, verify the hash chain, and compare a rebuild with the live tables.",
            discussion: "Exits 1 if any of the three fails.\nExample:\n  retrofit admin check"
        )
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            let result = try await global.app().checkDatabase(by: global.actingPerson)
            print("integrity: \(result.integrityProblems.isEmpty ? "ok" : result.integrityProblems.joined(separator: "; "))")
            print("hash chain: \(result.chain)")
            let rebuild = result.rebuild
            print("rebuild: \(rebuild.identical ? "identical to live (\(rebuild.cases) cases, \(rebuild.events) events)" : "differs in \(rebuild.firstDifference ?? "?")")")
            if let findings = result.findings { throw findings }
        }
    }

    struct Backup: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "backup",
            abstract: "Copy the database consistently while others keep writing (SQLite online backup).",
            discussion: "Example:\n  retrofit admin backup /backups/retrofit-2025-12-31.sqlite"
        )
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The copy to write; must not exist yet.") var destination: String

        func run() async throws {
            let result = try await global.app().backUpDatabase(BackupRequest(destination: destination), by: global.actingPerson)
            print("backed up \(result.database) to \(result.destination)")
        }
    }
}
