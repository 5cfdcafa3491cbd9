import ArgumentParser
import Foundation
import RetrofitApp
import RetrofitCore
import RetrofitReports
import RetrofitStore

struct DemoCommand: ParsableCommand {
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

    func run() throws {
        try runReporting {
            let explicitPath = global.db ?? GlobalOptions.environment("RETROFIT_DB")
            let path = explicitPath ?? "retrofit-demo.sqlite"
            if explicitPath == nil {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            } else if FileManager.default.fileExists(atPath: path) {
                throw CommandFailure.badInput("\(path) already exists; the demo writes a new database — give another --db or remove it")
            }
            let clockText = global.now ?? GlobalOptions.environment("RETROFIT_NOW") ?? DemoCommand.defaultNow
            guard let now = Timestamp(iso: clockText) else { throw CommandFailure.badInput("--now '\(clockText)' is not a time") }
            let catalog = try global.catalog()
            var workflows: [WorkflowDefinition] = []
            for id in ["elevator-retrofit", "elevator-renewal"] {
                do { workflows.append(try catalog.load(id)) } catch { throw CommandFailure.badInput((error as? WorkflowLookupError).map(HintText.text) ?? "\(error)") }
            }
            let calendars = try global.loadCalendars()
            let store = try CaseStore(path: path, access: .write)
            let started = Date()
            let generator = DemoGenerator(workflows: workflows, calendars: calendars,
                                          options: .init(cases: cases, seed: seed, years: years, now: now, homes: homeRange ?? 10...18))
            let summary = try generator.run(into: store)
            let seconds = Date().timeIntervalSince(started)
            print("Built \(path): \(summary.cases) cases, \(summary.events) events, as of \(now.date) (seed \(seed), \(String(format: "%.1f", seconds)) s).")
            if !summary.rejections.isEmpty { printWarning("\(summary.rejections.count) simulated commands were refused; first: \(summary.rejections[0])") }
            if quiet { return }
            let overdue = try OverdueReport.fromProjection(store, on: now.date, dueSoon: false, filter: CaseFilter())
            print("")
            print("Overdue on \(now.date) (most late first):")
            print(OverdueReport.table(overdue, on: now.date))
            print("")
            print("Cases by stage:")
            var table = TextTable(["workflow", "stage", "active", "suspended", "completed", "withdrawn"])
            let rows = try store.cases()
            for workflow in workflows {
                for stage in workflow.stages {
                    let here = rows.filter { $0.workflowID == workflow.id && $0.stage == stage.id }
                    guard !here.isEmpty else { continue }
                    func count(_ status: CaseStatus) -> String { "\(here.filter { $0.status == status }.count)" }
                    table.add([workflow.id, "\(stage.id) — \(stage.title)", count(.active), count(.suspended), count(.completed), count(.withdrawn)])
                }
            }
            print(table.render())
            print("")
            print("Explore it (from the source folder, write 'swift run retrofit' for 'retrofit'):")
            print("  export RETROFIT_DB=\(path) RETROFIT_NOW=\(clockText) RETROFIT_ACTOR=李娜")
            print("  retrofit queue --helper 李娜")
            print("  retrofit case show \(overdue.first?.id ?? rows.first?.id ?? "ER-2025-0001")")
            print("  retrofit report bottlenecks")
        }
    }
}
