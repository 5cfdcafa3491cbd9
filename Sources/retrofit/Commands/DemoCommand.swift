import ArgumentParser
import Foundation
import RetrofitApp
import RetrofitCore
import RetrofitReports

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Build a sample database of Dezhou's retrofit cases and show what is overdue.",
        discussion: """
            The cases run through the real engine and the real append path: every district, every stage, \
            votes, objections, suspensions, reworks, withdrawn and commissioned cases. The clock is \
            2025-12-15 17:00 unless --now or RETROFIT_NOW says otherwise. Without --db the sample goes to \
            ./retrofit-demo.sqlite, replaced on each run.
            Examples:
              retrofit demo
              retrofit demo --cases 100000 --seed 7 --years 2 --db big.sqlite
              retrofit demo --cases 100000 --homes 4-6 --db big.sqlite --quiet   (about 20 events a case)
            """
    )
    @OptionGroup var global: GlobalOptions
    @Option(help: "How many cases.") var cases = 60
    @Option(help: "The random seed: the same seed gives the same database.") var seed: UInt64 = 2025
    @Option(help: "Spread case openings over this many years before now.") var years = 2
    @Option(help: ArgumentHelp("Homes per building, MIN-MAX (even counts; each home is registered and votes): 10-18 gives about 37 events a case, 4-6 about 20.", valueName: "min-max"))
    var homes = "10-18"
    @Flag(help: "Print only the summary line (for large data sets).") var quiet = false

    static let defaultNow = "2025-12-15T17:00"

    func validate() throws {
        if cases < 1 || cases > 10_000_000 { throw ValidationError("--cases must be between 1 and 10000000") }
        if years < 1 || years > 50 { throw ValidationError("--years must be between 1 and 50") }
        if homeRange == nil { throw ValidationError("--homes must be MIN-MAX (or one number) between 2 and 200, e.g. 10-18") }
    }

    /// `--homes` as a range: "4-6" or "12".
    var homeRange: ClosedRange<Int>? {
        let parts = homes.split(separator: "-", omittingEmptySubsequences: false).map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard (1...2).contains(parts.count), let low = parts.first ?? nil, let high = parts.last ?? nil,
              low >= 2, high >= low, high <= 200 else { return nil }
        return low...high
    }

    func run() async throws {
        let explicitPath = global.db ?? GlobalOptions.environment("RETROFIT_DB")
        let path = explicitPath ?? "retrofit-demo.sqlite"
        if explicitPath == nil {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        } else if FileManager.default.fileExists(atPath: path) {
            throw CommandFailure.badInput("\(path) already exists; the demo writes a new database — give another --db or remove it")
        }
        let clockText = global.now ?? GlobalOptions.environment("RETROFIT_NOW") ?? DemoCommand.defaultNow
        guard Timestamp(iso: clockText) != nil else { throw CommandFailure.badInput("--now '\(clockText)' is not a time") }
        // The demo's own database and clock, with the workflows and calendars the options choose.
        var options = global
        options.db = path
        options.now = clockText
        let request = DemoRequest(cases: cases, seed: seed, years: years, homes: homeRange ?? 10...18, summarise: !quiet)
        let demo = try await options.app().buildDemo(request, by: global.actingPerson)
        print("Built \(path): \(demo.cases) cases, \(demo.events) events, as of \(demo.asOf) (seed \(seed), \(String(format: "%.1f", demo.seconds)) s).")
        if !demo.rejections.isEmpty { printWarning("\(demo.rejections.count) simulated commands were refused; first: \(demo.rejections[0])") }
        if quiet { return }
        print("")
        print("Overdue on \(demo.asOf) (most late first):")
        print(OverdueReport.table(demo.overdue, on: demo.asOf))
        print("")
        print("Cases by stage:")
        var table = TextTable(["workflow", "stage", "active", "suspended", "completed", "withdrawn"])
        for row in demo.stages {
            table.add([row.workflow, "\(row.stage) — \(row.stageTitle)", "\(row.active)", "\(row.suspended)", "\(row.completed)", "\(row.withdrawn)"])
        }
        print(table.render())
        print("")
        print("Explore it (from the source folder, write 'swift run retrofit' for 'retrofit'):")
        print("  export RETROFIT_DB=\(path) RETROFIT_NOW=\(clockText) RETROFIT_ACTOR=李娜")
        print("  retrofit queue --helper 李娜")
        print("  retrofit case show \(demo.overdue.first?.id ?? demo.firstCaseID ?? "ER-2025-0001")")
        print("  retrofit report bottlenecks")
    }
}
