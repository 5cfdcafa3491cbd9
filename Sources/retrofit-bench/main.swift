import Foundation
import RetrofitApp
import RetrofitCore
import RetrofitStore
#if canImport(Glibc)
import Glibc
#endif

// retrofit-bench: measures retrofit at 1k, 10k and 100k cases against the sqlite3 shell doing the same
// work, and prints one JSON document (see BENCHMARKS.md). Progress goes to stderr.
//
//   swift build -c release && .build/release/retrofit-bench --scale 1k,10k,100k > bench.json
//   scripts/bench/run        (also builds the --static-swift-stdlib binary and renders the table)

let usage = """
    usage: retrofit-bench [--scale 1k,10k,100k] [--retrofit LABEL=PATH,…] [--sqlite3 PATH] [--work DIR]
                          [--homes 4-6] [--seed 7] [--advances 200] [--cli-runs 10] [--repeats 3]
                          [--long-events 100000] [--long-cases 3] [--only NAME,…] [--keep]
    Benchmarks (--only): demo, bulk-append, verify-chain, overdue, queue, rebuild, rebuild-emptied, advance,
      long-case-advance (largest scale only), cli (start-up, case advance, case show, overdue,
      report bottlenecks, report commissioned --year 2025, audit verify).
    """

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("retrofit-bench: \(message)\n".utf8))
    exit(2)
}

func progress(_ message: String) {
    FileHandle.standardError.write(Data("[bench \(String(format: "%6.1f", Measure.now() - benchStart)) s] \(message)\n".utf8))
}

let benchStart = Measure.now()

/// The arguments as NAME → value (flags get "").
let options: [String: String] = {
    var options: [String: String] = [:]
    var arguments = CommandLine.arguments.dropFirst()[...]
    while let argument = arguments.popFirst() {
        guard argument.hasPrefix("--") else { fail("unexpected \(argument)\n\(usage)") }
        let name = String(argument.dropFirst(2))
        if ["keep", "help"].contains(name) {
            options[name] = ""
        } else {
            guard let value = arguments.popFirst() else { fail("\(argument) needs a value") }
            options[name] = value
        }
    }
    return options
}()
if options["help"] != nil {
    print(usage)
    exit(0)
}

func number(_ name: String, _ fallback: Int) -> Int {
    guard let text = options[name] else { return fallback }
    guard let value = Int(text.replacingOccurrences(of: "_", with: "")), value > 0 else { fail("--\(name) must be a positive number") }
    return value
}

func scaleCases(_ name: String) -> Int {
    let lower = name.lowercased()
    if lower.hasSuffix("k"), let value = Int(lower.dropLast()) { return value * 1_000 }
    if lower.hasSuffix("m"), let value = Int(lower.dropLast()) { return value * 1_000_000 }
    guard let value = Int(lower), value > 0 else { fail("bad scale \(name)") }
    return value
}

func homeRange(_ text: String) -> ClosedRange<Int> {
    let parts = text.split(separator: "-").compactMap { Int($0) }
    guard (1...2).contains(parts.count), let low = parts.first, let high = parts.last, low >= 2, high >= low else { fail("--homes must be MIN-MAX") }
    return low...high
}

let selfPath = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
guard let sqlite3 = Spawn.which(options["sqlite3"] ?? "sqlite3") else { fail("no sqlite3 shell (apt-get install sqlite3); give --sqlite3 PATH") }
let homesText = options["homes"] ?? "4-6"
let seed = UInt64(number("seed", 7))

// MARK: child mode: one in-process benchmark, its result as JSON on stdout.

if let child = options["child"] {
    let context = ChildContext(
        name: child, scale: options["scale"] ?? "?", cases: number("cases", 1_000), db: options["db"] ?? "",
        work: options["work"] ?? NSTemporaryDirectory(), sqlite3: sqlite3, seed: seed, homes: homeRange(homesText),
        advances: number("advances", 200), repeats: number("repeats", 3), longEvents: number("long-events", 100_000),
        longCases: number("long-cases", 3))
    do {
        let result = try InProcess.run(context)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        FileHandle.standardOutput.write(try encoder.encode(result))
        exit(0)
    } catch {
        fail("\(child) at \(context.scale): \(error)")
    }
}

// MARK: parent mode

let scales = (options["scale"] ?? "1k,10k,100k").split(separator: ",").map(String.init)
let binaryDirectory = (selfPath as NSString).deletingLastPathComponent
let binaries: [Binary] = (options["retrofit"] ?? "dynamic=\(binaryDirectory)/retrofit").split(separator: ",").map { item in
    let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
    let (label, path) = parts.count == 2 ? (parts[0], parts[1]) : ("retrofit", parts[0])
    let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    guard FileManager.default.isExecutableFile(atPath: absolute) else { fail("no retrofit executable at \(absolute) (swift build -c release)") }
    return Binary(label: label, path: absolute)
}
let only = options["only"].map { Set($0.split(separator: ",").map(String.init)) }
@MainActor func wanted(_ name: String) -> Bool { only?.contains(name) ?? true }

let workRoot = options["work"] ?? "/tmp"
let work = "\(workRoot)/retrofit-bench-\(getpid())"
try? FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
// Every process starts here: no ./workflows or ./calendars, so `retrofit` uses its built-in files, as the
// in-process benchmarks do (the stored workflow text must match).
guard FileManager.default.changeCurrentDirectoryPath(work) else { fail("cannot enter \(work)") }
let keep = options["keep"] != nil

var report = BenchReport(
    command: CommandLine.arguments.map { $0.contains(" ") ? "'\($0)'" : $0 }.joined(separator: " "),
    startedAt: ISO8601DateFormatter().string(from: Date()),
    machine: MachineInfo.current(sqlite3: sqlite3),
    binaries: Dictionary(uniqueKeysWithValues: binaries.map { ($0.label, $0.path) }),
    demoOptions: "--seed \(seed) --homes \(homesText) --years 2, clock \(Fixtures.nowText)")

@MainActor func record(_ result: BenchResult) {
    var result = result
    for path in [\BenchResult.seconds, \BenchResult.perOperationMs, \BenchResult.peakMB, \BenchResult.processPeakMB, \BenchResult.ratio] {
        result[keyPath: path] = result[keyPath: path].map { $0.rounded(4) }
    }
    result.eventsPerSecond = result.eventsPerSecond.map { $0.rounded() }
    if var sqlite = result.sqlite {
        sqlite.seconds = sqlite.seconds.rounded(4)
        sqlite.perOperationMs = sqlite.perOperationMs.map { $0.rounded(4) }
        sqlite.eventsPerSecond = sqlite.eventsPerSecond.map { $0.rounded() }
        sqlite.peakMB = sqlite.peakMB.rounded(2)
        result.sqlite = sqlite
    }
    report.results.append(result)
    let ratio = result.ratio.map { String(format: result.sqlite == nil ? " ratio %.2f" : " ×%.2f of sqlite3", $0) } ?? ""
    let time = result.perOperationMs.map { String(format: "%.2f ms", $0) } ?? result.seconds.map { String(format: "%.3f s", $0) } ?? "-"
    progress("\(result.scale) \(result.name)\(result.binary.map { " [\($0)]" } ?? ""): \(result.status) \(time)\(ratio), peak \(result.peakMB.map { String(format: "%.1f MB", $0) } ?? "-")")
}

@MainActor func child(_ name: String, scale: String, cases: Int, db: String) {
    guard wanted(name) else { return }
    let output = "\(work)/\(name)-\(scale).json"
    defer { try? FileManager.default.removeItem(atPath: output) }
    var arguments = ["--child", name, "--scale", scale, "--cases", "\(cases)", "--db", db, "--work", work, "--sqlite3", sqlite3,
                     "--seed", "\(seed)", "--homes", homesText]
    for name in ["advances", "repeats", "long-events", "long-cases"] where options[name] != nil { arguments += ["--\(name)", options[name] ?? ""] }
    progress("\(scale) \(name)…")
    do {
        let run = try Spawn.checked(selfPath, arguments, stdout: output, memory: true)
        var result = try JSONDecoder().decode(BenchResult.self, from: Data(contentsOf: URL(fileURLWithPath: output)))
        result.processPeakMB = run.maxRSSMB
        record(result)
    } catch {
        var result = BenchResult(name: name, scale: scale, kind: "in-process")
        result.status = "failed"
        result.note = "\(error)"
        record(result)
    }
}

@MainActor func cli(_ name: String, _ body: () throws -> BenchResult, scale: String, binary: Binary) {
    progress("\(scale) \(name) [\(binary.label)]…")
    do {
        record(try body())
    } catch {
        var result = BenchResult(name: name, scale: scale, kind: "cli")
        result.binary = binary.label
        result.status = "failed"
        result.note = "\(error)"
        record(result)
    }
}

/// Reports and audit as whole processes, each with the sqlite3 baseline reading the same rows.
let reportCommands: [(name: String, arguments: [String], baseline: (inout SQLScript) -> Void, work: String)] = [
    ("report bottlenecks", ["report", "bottlenecks"], Baselines.bottlenecks,
     "a sqlite3 process reading the same rows (standings, suspensions, visits in case order) to /dev/null"),
    ("report commissioned", ["report", "commissioned", "--year", "2025"], { Baselines.commissioned(&$0, year: 2025) },
     "a sqlite3 process reading the year's commissioned cases (with snapshots) and their events' times to /dev/null"),
    ("audit verify", ["audit", "verify"], Baselines.verify,
     "a sqlite3 process hashing every event in log order (sha3_query)"),
]

let largest = scales.map(scaleCases).max() ?? 0
for scale in scales {
    let cases = scaleCases(scale)
    let db = "\(work)/\(scale).sqlite"
    InProcess.remove(db)
    let setting = CLI.Setting(scale: scale, cases: cases, db: db, work: work, sqlite3: sqlite3, runs: number("cli-runs", 10))
    // The database of this scale, made by `retrofit demo` (timed as a CLI result).
    progress("\(scale): retrofit demo --cases \(cases)…")
    do {
        let (result, _) = try CLI.demo(binaries[0], setting, seed: seed, homes: homesText)
        if wanted("demo") { record(result) }
    } catch {
        fail("cannot build the \(scale) database: \(error)")
    }
    child("bulk-append", scale: scale, cases: cases, db: db)
    child("verify-chain", scale: scale, cases: cases, db: db)
    child("overdue", scale: scale, cases: cases, db: db)
    child("queue", scale: scale, cases: cases, db: db)
    child("rebuild", scale: scale, cases: cases, db: db)
    child("rebuild-emptied", scale: scale, cases: cases, db: db)
    if wanted("cli") {
        let store: CaseStore
        let calendars: [String: WorkingCalendar]
        do {
            store = try CaseStore(path: db, access: .write)
            calendars = try Fixtures.calendars()
        } catch {
            fail("cannot open \(db): \(error)")
        }
        let service = Fixtures.service(store, calendars: calendars)
        for binary in binaries {
            if scale == scales.first { cli("start-up (--version)", { try CLI.startup(binary, setting) }, scale: scale, binary: binary) }
            cli("case show", { try CLI.show(binary, setting) }, scale: scale, binary: binary)
            cli("overdue", { try CLI.overdue(binary, setting) }, scale: scale, binary: binary)
            for command in reportCommands {
                cli(command.name, {
                    try CLI.report(command.name, arguments: command.arguments, baseline: command.baseline, work: command.work,
                                   binary: binary, setting)
                }, scale: scale, binary: binary)
            }
        }
        // Last: the sqlite3 side of `case advance` copies events with their hashes to twin cases, which
        // `audit verify` would rightly report as a broken chain.
        for binary in binaries {
            cli("case advance", { try Blocking.run { try await CLI.advance(binary, setting, service: service) } }, scale: scale, binary: binary)
        }
    }
    child("advance", scale: scale, cases: cases, db: db)
    if cases == largest, wanted("long-case-advance") {
        progress("\(scale) long cases: appending \(number("long-cases", 3)) cases of \(number("long-events", 100_000)) events…")
        do {
            try Blocking.run { try await InProcess.prepareLongCases(db: db, scale: scale, events: number("long-events", 100_000), count: number("long-cases", 3)) }
            child("long-case-advance", scale: scale, cases: cases, db: db)
        } catch {
            var result = BenchResult(name: "long-case-advance", scale: scale, kind: "in-process")
            result.status = "failed"
            result.note = "\(error)"
            record(result)
        }
    }
    if !keep { InProcess.remove(db) }
}

report.targets = Targets.judge(report.results, largest: scales.max { scaleCases($0) < scaleCases($1) } ?? "")
report.finishedAt = ISO8601DateFormatter().string(from: Date())
if !keep { try? FileManager.default.removeItem(atPath: work) }
let encoder = JSONEncoder()
encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
FileHandle.standardOutput.write(try encoder.encode(report))
print("")
progress("done in \(String(format: "%.0f", Measure.now() - benchStart)) s")
