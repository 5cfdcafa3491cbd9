import Foundation
import GRDB
import RetrofitApp
import RetrofitCore
import RetrofitStore

/// A `retrofit` executable to time as a whole process.
struct Binary {
    let label: String
    let path: String
}

/// Whole-process benchmarks: what a person typing the command waits for, start-up included, with the
/// peak memory from wait4 (ru_maxrss). Each against a sqlite3 process doing the same SQL.
enum CLI {
    struct Setting {
        let scale: String
        let cases: Int
        let db: String
        let work: String
        let sqlite3: String
        let runs: Int
    }

    static func base(_ name: String, _ binary: Binary, _ setting: Setting) -> BenchResult {
        var result = BenchResult(name: name, scale: setting.scale, kind: "cli")
        result.binary = binary.label
        result.cases = setting.cases
        result.operations = setting.runs
        return result
    }

    /// Median wall time of `runs` direct runs, and the peak memory of one more run under /usr/bin/time.
    static func repeated(_ runs: Int, _ body: (_ memory: Bool) throws -> Spawn.Run) rethrows -> (seconds: Double, peakMB: Double) {
        var times: [Double] = []
        for _ in 0..<runs { times.append(try body(false).seconds) }
        let peak = try body(true).maxRSSMB ?? -1
        return (Measure.median(times), peak)
    }

    static func finish(_ result: inout BenchResult, _ mine: (seconds: Double, peakMB: Double), _ shell: (seconds: Double, peakMB: Double), work: String) {
        result.seconds = mine.seconds
        result.perOperationMs = mine.seconds * 1000
        result.peakMB = mine.peakMB
        result.sqlite = Baseline(seconds: shell.seconds, perOperationMs: shell.seconds * 1000, peakMB: shell.peakMB, work: work)
        result.ratio = mine.seconds / shell.seconds
    }

    /// `retrofit demo --cases N --homes … --quiet`: builds the scale's database; returns the event count.
    static func demo(_ binary: Binary, _ setting: Setting, seed: UInt64, homes: String) throws -> (BenchResult, Int) {
        var result = base("demo", binary, setting)
        result.operations = 1
        let output = "\(setting.work)/demo-\(setting.scale).txt"
        defer { try? FileManager.default.removeItem(atPath: output) }
        let run = try Spawn.checked(binary.path, ["demo", "--cases", "\(setting.cases)", "--seed", "\(seed)", "--homes", homes,
                                                  "--db", setting.db, "--quiet"],
                                    stdout: output, environment: Fixtures.environment(), memory: true)
        let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        // "Built PATH: 100000 cases, 1957427 events, as of …"
        let numbers = text.split(separator: ":").dropFirst().first.map { part in
            part.split(separator: ",").prefix(2).map { Int($0.filter(\.isNumber)) ?? 0 }
        } ?? []
        let events = numbers.count == 2 ? numbers[1] : 0
        result.events = events
        result.seconds = run.seconds
        result.eventsPerSecond = Double(events) / run.seconds
        result.peakMB = run.maxRSSMB
        result.note = "peak from /usr/bin/time; retrofit demo --cases \(setting.cases) --seed \(seed) --homes \(homes) --quiet: simulation through the engine and appends, pipelined on two threads"
        return (result, events)
    }

    /// `retrofit --version` against `sqlite3 -version`: the floor of every command.
    static func startup(_ binary: Binary, _ setting: Setting) throws -> BenchResult {
        var result = base("start-up (--version)", binary, setting)
        let mine = try repeated(setting.runs) { memory in try Spawn.checked(binary.path, ["--version"], memory: memory) }
        let shell = try repeated(setting.runs) { memory in try Spawn.checked(setting.sqlite3, ["-version"], memory: memory) }
        finish(&result, mine, shell, work: "sqlite3 -version")
        return result
    }

    /// `retrofit case advance ID` on fresh cases, alternating with a sqlite3 process running the same reads
    /// and transaction for a twin case.
    static func advance(_ binary: Binary, _ setting: Setting, service: CaseService) async throws -> BenchResult {
        var result = base("case advance", binary, setting)
        // One pair more than timed: the last runs under /usr/bin/time, for the peak memory only.
        let sources = Fixtures.ids("CLI-\(binary.label)-\(setting.scale)-A", setting.runs + 1)
        let twins = Fixtures.ids("CLI-\(binary.label)-\(setting.scale)-B", setting.runs + 1)
        try await Fixtures.open(sources + twins, service: service)
        let database = try Baselines.readOnly(setting.db)
        var mineTimes: [Double] = []
        var shellTimes: [Double] = []
        var minePeak = 0.0
        var shellPeak = 0.0
        for (index, (source, twin)) in zip(sources, twins).enumerated() {
            let memory = index == setting.runs
            let run = try Spawn.checked(binary.path, ["case", "advance", source, "--db", setting.db],
                                        environment: Fixtures.environment(), memory: memory)
            if memory { minePeak = run.maxRSSMB ?? -1 } else { mineTimes.append(run.seconds) }
            let scriptPath = "\(setting.work)/advance-\(twin).sql"
            defer { try? FileManager.default.removeItem(atPath: scriptPath) }
            var script = try SQLScript(path: scriptPath)
            script.durability()
            try Blocking.read(database) { db in try Baselines.command(&script, db: db, source: source, twin: twin, afterVersion: 1) }
            script.close()
            let shell = try Baselines.runShell(setting.sqlite3, db: setting.db, script: scriptPath, memory: memory)
            if memory { shellPeak = shell.maxRSSMB ?? -1 } else { shellTimes.append(shell.seconds) }
        }
        result.events = try InProcess.eventCount(setting.db)
        finish(&result, (Measure.median(mineTimes), minePeak), (Measure.median(shellTimes), shellPeak),
               work: "a sqlite3 process: the same reads and the same IMMEDIATE transaction (synchronous = FULL) for a twin case")
        return result
    }

    /// `retrofit case show ID` of a demo case with a long timeline, against sqlite3 running the same reads.
    static func show(_ binary: Binary, _ setting: Setting) throws -> BenchResult {
        var result = base("case show", binary, setting)
        let (id, version) = try Baselines.readOnly(setting.db).read { db in
            let row = try Row.fetchOne(db, sql: "SELECT id, version FROM case_state WHERE status = 'active' ORDER BY version DESC, id LIMIT 1")
            return (row?["id"] as String? ?? "", row?["version"] as Int? ?? 0)
        }
        let mine = try repeated(setting.runs) { memory in
            try Spawn.checked(binary.path, ["case", "show", id, "--db", setting.db], environment: Fixtures.environment(), memory: memory)
        }
        let scriptPath = "\(setting.work)/show.sql"
        defer { try? FileManager.default.removeItem(atPath: scriptPath) }
        var script = try SQLScript(path: scriptPath)
        Baselines.show(&script, caseID: id, afterVersion: max(0, version - 20))
        script.close()
        let shell = try repeated(setting.runs) { memory in try Baselines.runShell(setting.sqlite3, db: setting.db, script: scriptPath, memory: memory) }
        result.events = try InProcess.eventCount(setting.db)
        result.note = "case \(id) (\(version) events)"
        finish(&result, mine, shell, work: "a sqlite3 process: the case with its workflow, and its last 20 events, printed")
        return result
    }

    /// `retrofit overdue` against sqlite3 printing the same rows.
    static func overdue(_ binary: Binary, _ setting: Setting) throws -> BenchResult {
        var result = base("overdue", binary, setting)
        let mine = try repeated(setting.runs) { memory in
            try Spawn.checked(binary.path, ["overdue", "--db", setting.db], environment: Fixtures.environment(), memory: memory)
        }
        let scriptPath = "\(setting.work)/overdue-cli.sql"
        defer { try? FileManager.default.removeItem(atPath: scriptPath) }
        var script = try SQLScript(path: scriptPath)
        Baselines.overdue(&script, date: Fixtures.now.date.description)
        script.close()
        let shell = try repeated(setting.runs) { memory in try Baselines.runShell(setting.sqlite3, db: setting.db, script: scriptPath, memory: memory) }
        let (active, rows) = try Baselines.readOnly(setting.db).read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM case_state WHERE status = 'active'") ?? 0,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM case_state WHERE status = 'active' AND deadline < ?", arguments: [Fixtures.now.date.description]) ?? 0)
        }
        result.rows = rows
        result.events = try InProcess.eventCount(setting.db)
        result.note = "\(active) active cases, \(rows) overdue rows printed (to /dev/null)"
        finish(&result, mine, shell, work: "a sqlite3 process: the same query, the same columns as a .mode column table")
        return result
    }

    /// A report or audit command as a whole process, against a sqlite3 process running the queries the
    /// command reads its rows with (`baseline`, output to /dev/null).
    static func report(_ name: String, arguments: [String], baseline: (inout SQLScript) -> Void, work: String,
                       binary: Binary, _ setting: Setting) throws -> BenchResult {
        var result = base(name, binary, setting)
        let mine = try repeated(setting.runs) { memory in
            try Spawn.checked(binary.path, arguments + ["--db", setting.db], environment: Fixtures.environment(), memory: memory)
        }
        let scriptPath = "\(setting.work)/\(name.replacingOccurrences(of: " ", with: "-")).sql"
        defer { try? FileManager.default.removeItem(atPath: scriptPath) }
        var script = try SQLScript(path: scriptPath)
        baseline(&script)
        script.close()
        let shell = try repeated(setting.runs) { memory in try Baselines.runShell(setting.sqlite3, db: setting.db, script: scriptPath, memory: memory) }
        result.events = try InProcess.eventCount(setting.db)
        finish(&result, mine, shell, work: work)
        return result
    }
}
