import Foundation
import GRDB
import RetrofitApp
import RetrofitCore
import RetrofitReports
import RetrofitStore

/// What a child process is asked to measure.
struct ChildContext {
    var name: String
    var scale: String
    var cases: Int
    var db: String
    var work: String
    var sqlite3: String
    var seed: UInt64
    var homes: ClosedRange<Int>
    var advances: Int
    var repeats: Int
    var longEvents: Int
    var longCases: Int
}

/// The in-process benchmarks. Each runs in a fresh child process (`retrofit-bench --child NAME`), so its peak
/// memory is its own: VmHWM is reset just before the timed part and read just after.
enum InProcess {
    static let names = ["bulk-append", "verify-chain", "overdue", "queue", "rebuild", "rebuild-emptied", "advance", "long-case-advance"]

    static func run(_ context: ChildContext) throws -> BenchResult {
        switch context.name {
        case "bulk-append": return try bulkAppend(context)
        case "verify-chain": return try verifyChain(context)
        case "overdue": return try overdue(context)
        case "queue": return try queue(context)
        case "rebuild": return try rebuild(context, emptiedFirst: false)
        case "rebuild-emptied": return try rebuild(context, emptiedFirst: true)
        case "advance": return try Blocking.run { try await advance(context) }
        case "long-case-advance": return try Blocking.run { try await longCaseAdvance(context) }
        default: throw Spawn.Failure(description: "unknown benchmark \(context.name); known: \(names.joined(separator: ", "))")
        }
    }

    static func result(_ context: ChildContext) -> BenchResult {
        var result = BenchResult(name: context.name, scale: context.scale, kind: "in-process")
        result.cases = context.cases
        return result
    }

    static func eventCount(_ path: String) throws -> Int {
        try Baselines.readOnly(path).read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM event") ?? 0 }
    }

    static func remove(_ path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    static func devNull(_ text: String) {
        if let handle = FileHandle(forWritingAtPath: "/dev/null") {
            handle.write(Data(text.utf8))
            try? handle.close()
        }
    }

    // MARK: - bulk append

    /// `CaseStore.appendHistories` of the demo's histories, 1,000 cases a transaction, into a new database;
    /// only the appends are timed (the simulation that makes the histories is not).
    static func bulkAppend(_ context: ChildContext) throws -> BenchResult {
        let calendars = try Fixtures.calendars()
        let catalog = Fixtures.catalog(calendars)
        let workflows = try ["elevator-retrofit", "elevator-renewal"].map { id in try catalog.load(id) }
        let path = "\(context.work)/bulk-\(context.scale).sqlite"
        let shellPath = "\(context.work)/bulk-\(context.scale)-sqlite3.sqlite"
        remove(path)
        remove(shellPath)
        defer { remove(path); remove(shellPath) }
        let store = try CaseStore(path: path, access: .write)
        let generator = DemoGenerator(workflows: workflows, calendars: calendars,
                                      options: .init(cases: context.cases, seed: context.seed, years: 2, now: Fixtures.now, homes: context.homes))
        try generator.registerPeople(in: store)
        // The shell starts from the same point: the schema and the people register, no case.
        try store.backup(to: shellPath)
        let startSequence = try store.head().sequence
        var boundaries: [Int64] = []
        var seconds = 0.0
        Measure.resetPeak()
        let summary = try generator.simulate { batch, _ in
            seconds += try Measure.seconds { try store.appendHistories(batch) }
            boundaries.append(try store.head().sequence)
        }
        var result = result(context)
        result.peakMB = Measure.peakMB()
        result.events = summary.events
        result.operations = boundaries.count
        result.seconds = seconds
        result.eventsPerSecond = Double(summary.events) / seconds

        // The same statements as text: per batch one transaction; per case the version check, the event rows,
        // then the projection rows (visits deleted and rewritten), as appendHistories does.
        let scriptPath = "\(context.work)/bulk-\(context.scale).sql"
        defer { try? FileManager.default.removeItem(atPath: scriptPath) }
        var script = try SQLScript(path: scriptPath)
        script.durability()
        try Baselines.readOnly(path).read { db in
            let workflowRows = try Row.fetchAll(db, sql: "SELECT * FROM workflow_definition")
            var previous = startSequence
            for (index, boundary) in boundaries.enumerated() {
                script.line("BEGIN IMMEDIATE;")
                script.line("SELECT sequence, hash FROM event ORDER BY sequence DESC LIMIT 1;")
                for row in workflowRows {
                    script.line("SELECT digest FROM workflow_definition WHERE id = \(SQLText.literal(row["id"] as DatabaseValue)) AND version = \(SQLText.literal(row["version"] as DatabaseValue));")
                    if index == 0 { script.insert("workflow_definition", row) }
                }
                var current: String?
                let cursor = try Row.fetchCursor(db, sql: "SELECT * FROM event WHERE sequence > ? AND sequence <= ? ORDER BY sequence",
                                                 arguments: [previous, boundary])
                while let row = try cursor.next() {
                    let caseID: String = row["case_id"]
                    if caseID != current {
                        if let current { try Baselines.projection(&script, db: db, caseID: current, deleting: true) }
                        current = caseID
                        script.line("SELECT MAX(version) FROM event WHERE case_id = \(SQLText.quote(caseID));")
                    }
                    script.insert("event", row)
                }
                if let current { try Baselines.projection(&script, db: db, caseID: current, deleting: true) }
                script.line("COMMIT;")
                previous = boundary
            }
        }
        script.close()
        let shell = try Baselines.runShell(context.sqlite3, db: shellPath, script: scriptPath, memory: true)
        result.sqlite = Baseline(seconds: shell.seconds, eventsPerSecond: Double(summary.events) / shell.seconds, peakMB: shell.maxRSSMB ?? -1,
                                 work: "the same INSERTs (events, case_state, stage_visit, suspension) and version checks, 1,000 cases a transaction, from a script")
        result.ratio = seconds / shell.seconds
        result.note = "appendHistories (encoding + writing on one thread); \(summary.cases) cases"
        return result
    }

    // MARK: - reads

    /// `CaseStore.verifyChain()` (what `audit verify` will run): every event's SHA-256 recomputed in log order.
    static func verifyChain(_ context: ChildContext) throws -> BenchResult {
        let store = try CaseStore(path: context.db, access: .read)
        var result = result(context)
        var verification: ChainVerification?
        Measure.resetPeak()
        let seconds = try Measure.seconds { verification = try store.verifyChain() }
        result.peakMB = Measure.peakMB()
        guard let verification, verification.isIntact else { throw Spawn.Failure(description: "chain broken: \(verification?.description ?? "?")") }
        result.events = verification.events
        result.seconds = seconds
        result.operations = 1
        result.eventsPerSecond = Double(verification.events) / seconds

        let scriptPath = "\(context.work)/verify.sql"
        defer { try? FileManager.default.removeItem(atPath: scriptPath) }
        var script = try SQLScript(path: scriptPath)
        script.line("SELECT length(sha3_query('SELECT * FROM event ORDER BY sequence', 256));")
        script.close()
        let shell = try Baselines.runShell(context.sqlite3, db: context.db, script: scriptPath, memory: true)
        result.sqlite = Baseline(seconds: shell.seconds, eventsPerSecond: Double(verification.events) / shell.seconds, peakMB: shell.maxRSSMB ?? -1,
                                 work: "sha3_query over SELECT * FROM event ORDER BY sequence (one SHA3-256 of every value)")
        result.ratio = seconds / shell.seconds
        return result
    }

    /// The overdue list from the projection, rendered as the CLI prints it (to /dev/null); the median of repeats.
    static func overdue(_ context: ChildContext) throws -> BenchResult {
        let store = try CaseStore(path: context.db, access: .read)
        let date = Fixtures.now.date
        var result = result(context)
        var times: [Double] = []
        var rows = 0
        Measure.resetPeak()
        for _ in 0..<context.repeats {
            times.append(try Measure.seconds {
                let entries = try OverdueReport.fromProjection(store, on: date, dueSoon: false, filter: CaseFilter())
                devNull(OverdueReport.table(entries, on: date) + "\n")
                rows = entries.count
            })
        }
        result.peakMB = Measure.peakMB()
        result.rows = rows
        result.events = try eventCount(context.db)
        result.operations = context.repeats
        result.seconds = Measure.median(times)
        result.perOperationMs = result.seconds.map { $0 * 1000 }

        let scriptPath = "\(context.work)/overdue.sql"
        defer { try? FileManager.default.removeItem(atPath: scriptPath) }
        var script = try SQLScript(path: scriptPath)
        Baselines.overdue(&script, date: date.description)
        script.close()
        var shellTimes: [Double] = []
        for _ in 0..<context.repeats {
            shellTimes.append(try Baselines.runShell(context.sqlite3, db: context.db, script: scriptPath).seconds)
        }
        let shellPeak = try Baselines.runShell(context.sqlite3, db: context.db, script: scriptPath, memory: true).maxRSSMB ?? -1
        let shellSeconds = Measure.median(shellTimes)
        result.sqlite = Baseline(seconds: shellSeconds, perOperationMs: shellSeconds * 1000, peakMB: shellPeak,
                                 work: "a sqlite3 process: the same WHERE and ORDER BY, the same columns printed as a .mode column table")
        result.ratio = (result.seconds ?? 0) / shellSeconds
        result.note = "in-process (no start-up) against a whole sqlite3 process"
        return result
    }

    /// A helper's queue over every active case (no --helper: the largest queue), rendered; the median of repeats.
    static func queue(_ context: ChildContext) throws -> BenchResult {
        let store = try CaseStore(path: context.db, access: .read)
        let calendars = try Fixtures.calendars()
        let date = Fixtures.now.date
        var result = result(context)
        var times: [Double] = []
        var rows = 0
        Measure.resetPeak()
        for _ in 0..<context.repeats {
            times.append(try Measure.seconds {
                let entries = try QueueReport.build(store, calendars: calendars, on: date, helper: nil, keepingMoves: false)
                devNull(QueueReport.table(entries) + "\n")
                rows = entries.count
            })
        }
        result.peakMB = Measure.peakMB()
        result.rows = rows
        result.events = try eventCount(context.db)
        result.operations = context.repeats
        result.seconds = Measure.median(times)
        result.perOperationMs = result.seconds.map { $0 * 1000 }

        let scriptPath = "\(context.work)/queue.sql"
        defer { try? FileManager.default.removeItem(atPath: scriptPath) }
        var script = try SQLScript(path: scriptPath)
        script.line("SELECT * FROM case_state WHERE status = 'active' ORDER BY id;")
        let ids = try Baselines.readOnly(context.db).read { db in
            try String.fetchAll(db, sql: "SELECT id FROM case_state WHERE status = 'active' ORDER BY id")
        }
        for id in ids {
            script.line("SELECT c.snapshot, w.source FROM case_state c JOIN workflow_definition w ON w.id = c.workflow_id AND w.version = c.workflow_version WHERE c.id = \(SQLText.quote(id));")
        }
        script.close()
        let shell = try Baselines.runShell(context.sqlite3, db: context.db, script: scriptPath, memory: true)
        result.sqlite = Baseline(seconds: shell.seconds, perOperationMs: shell.seconds * 1000, peakMB: shell.maxRSSMB ?? -1,
                                 work: "the same queries: the active cases, then each one's snapshot and workflow (rows printed)")
        result.ratio = (result.seconds ?? 0) / shell.seconds
        result.note = "decodes every active case's snapshot and computes its schedule; the shell only fetches them"
        return result
    }

    // MARK: - rebuild

    /// `CaseStore.rebuild(keep: true)`: every projection recomputed from the log in one transaction.
    /// With `emptiedFirst`, the projection tables are emptied beforehand (untimed), so every row is written
    /// (as after a lost or damaged projection); without, they are intact and the rebuild finds nothing to change.
    static func rebuild(_ context: ChildContext, emptiedFirst: Bool) throws -> BenchResult {
        // The shell: the same reads (projections in key order before and after, the log in case order) and
        // the same deletes and inserts of every projection row, in one transaction. Made from the intact
        // projections, before any are emptied.
        let scriptPath = "\(context.work)/rebuild.sql"
        defer { try? FileManager.default.removeItem(atPath: scriptPath) }
        var script = try SQLScript(path: scriptPath)
        script.durability()
        script.line("BEGIN IMMEDIATE;")
        let digests = ["SELECT * FROM case_state ORDER BY id;", "SELECT * FROM stage_visit ORDER BY case_id, visit;",
                       "SELECT * FROM suspension ORDER BY case_id, visit, number;", "SELECT * FROM person ORDER BY name;"]
        digests.forEach { script.line($0) }
        for table in ["case_state", "stage_visit", "suspension", "person"] { script.line("DELETE FROM \(table);") }
        script.line("SELECT id, version, source FROM workflow_definition;")
        script.line("SELECT max(length(sequence || case_id || version || type || occurred_at || recorded_at || actor || payload || workflow_id || workflow_version || hash)) FROM (SELECT * FROM event ORDER BY case_id, version LIMIT -1);")
        try Baselines.readOnly(context.db).read { db in
            for row in try Row.fetchAll(db, sql: "SELECT * FROM person") { script.insert("person", row, orReplace: true) }
            let cursor = try String.fetchCursor(db, sql: "SELECT id FROM case_state ORDER BY id")
            while let id = try cursor.next() { try Baselines.projection(&script, db: db, caseID: id, deleting: true) }
        }
        digests.forEach { script.line($0) }
        script.line("COMMIT;")
        script.close()

        if emptiedFirst {
            try DatabaseQueue(path: context.db).write { db in
                for table in ["case_state", "stage_visit", "suspension", "person"] { try db.execute(sql: "DELETE FROM \(table)") }
            }
        }
        let store = try CaseStore(path: context.db, access: .write)
        let calendars = try Fixtures.calendars()
        var result = result(context)
        var report: RebuildReport?
        Measure.resetPeak()
        let seconds = try Measure.seconds { report = try store.rebuild(calendars: calendars, keep: true) }
        result.peakMB = Measure.peakMB()
        guard let report else { throw Spawn.Failure(description: "the rebuild gave no report") }
        if report.identical == emptiedFirst {
            throw Spawn.Failure(description: emptiedFirst ? "the rebuild found the emptied projections identical"
                                                          : "rebuild differs from live: \(report.firstDifference ?? "?")")
        }
        // Untimed: the rebuilt projections must now equal what the log gives.
        let check = try store.rebuild(calendars: calendars, keep: false)
        guard check.identical else { throw Spawn.Failure(description: "after the rebuild, \(check.firstDifference ?? "?") still differs") }
        result.events = report.events
        result.seconds = seconds
        result.operations = 1
        result.eventsPerSecond = Double(report.events) / seconds

        let shell = try Baselines.runShell(context.sqlite3, db: context.db, script: scriptPath, memory: true)
        result.sqlite = Baseline(seconds: shell.seconds, eventsPerSecond: Double(report.events) / shell.seconds, peakMB: shell.maxRSSMB ?? -1,
                                 work: "one transaction: read the projections, delete them, read the log in case order, insert every projection row again, read them again")
        result.ratio = seconds / shell.seconds
        result.note = "\(report.cases) cases; " + (emptiedFirst
            ? "projections emptied first (untimed): every row written"
            : "projections intact: every case replayed and compared, nothing to write")
        return result
    }

    // MARK: - advance

    /// `CaseService.execute(.advance)` on fresh cases, one transaction each, as `retrofit case advance` would;
    /// against the sqlite3 shell running the same reads and the same transaction for twin cases.
    static func advance(_ context: ChildContext) async throws -> BenchResult {
        let store = try CaseStore(path: context.db, access: .write)
        let calendars = try Fixtures.calendars()
        let service = Fixtures.service(store, calendars: calendars)
        let count = context.advances
        let sources = Fixtures.ids("ADV-\(context.scale)-A", count)
        let twins = Fixtures.ids("ADV-\(context.scale)-B", count)
        try await Fixtures.open(sources + twins, service: service)
        var result = result(context)
        var times: [Double] = []
        Measure.resetPeak()
        for id in sources {
            times.append(try await Measure.seconds(awaiting: { _ = try await service.execute(.advance(to: nil, fields: [:], note: nil), caseID: id) }))
        }
        result.peakMB = Measure.peakMB()
        let total = times.reduce(0, +)
        result.events = try eventCount(context.db)
        result.operations = count
        result.seconds = total
        result.perOperationMs = total / Double(count) * 1000
        result.note = "median \((Measure.median(times) * 1000).rounded(3)) ms; fsync (synchronous = FULL) on every commit, both sides"

        let scriptPath = "\(context.work)/advance.sql"
        defer { try? FileManager.default.removeItem(atPath: scriptPath) }
        var script = try SQLScript(path: scriptPath)
        script.durability()
        try Blocking.read(try Baselines.readOnly(context.db)) { db in
            for (source, twin) in zip(sources, twins) {
                try Baselines.command(&script, db: db, source: source, twin: twin, afterVersion: 1)
            }
        }
        script.close()
        let shell = try Baselines.runShell(context.sqlite3, db: context.db, script: scriptPath, memory: true)
        result.sqlite = Baseline(seconds: shell.seconds, perOperationMs: shell.seconds / Double(count) * 1000, peakMB: shell.maxRSSMB ?? -1,
                                 work: "one sqlite3 process running the same reads and the same \(count) transactions (for twin cases)")
        result.ratio = total / shell.seconds
        return result
    }

    static func longIDs(_ scale: String, _ count: Int) -> [String] { Fixtures.ids("LONG-\(scale)", count) }
    static func freshIDs(_ scale: String, _ count: Int) -> [String] { Fixtures.ids("FRESH-\(scale)", count) }

    /// Adds the long cases and their fresh counterparts. Run by the parent before the child measures, so the
    /// memory used to build 100,000-event histories is not in the child's peak.
    static func prepareLongCases(db: String, scale: String, events: Int, count: Int) async throws {
        let store = try CaseStore(path: db, access: .write)
        let calendars = try Fixtures.calendars()
        let workflow = try Fixtures.catalog(calendars).load(Fixtures.workflowID)
        guard let calendar = calendars[workflow.calendar] else { throw Spawn.Failure(description: "no calendar \(workflow.calendar)") }
        for id in longIDs(scale, count) {
            try store.appendHistories([try longHistory(id, events: events, workflow: workflow, calendar: calendar)])
        }
        try await Fixtures.open(freshIDs(scale, count), service: Fixtures.service(store, calendars: calendars))
    }

    /// A case with `longEvents` events (opened, then notes) advances, against fresh cases, alternately.
    static func longCaseAdvance(_ context: ChildContext) async throws -> BenchResult {
        let store = try CaseStore(path: context.db, access: .write)
        let service = Fixtures.service(store, calendars: try Fixtures.calendars())
        let longIDs = longIDs(context.scale, context.longCases)
        let freshIDs = freshIDs(context.scale, context.longCases)
        var result = result(context)
        var longTimes: [Double] = []
        var freshTimes: [Double] = []
        Measure.resetPeak()
        for (long, fresh) in zip(longIDs, freshIDs) {
            longTimes.append(try await Measure.seconds(awaiting: { _ = try await service.execute(.advance(to: nil, fields: [:], note: nil), caseID: long) }))
            freshTimes.append(try await Measure.seconds(awaiting: { _ = try await service.execute(.advance(to: nil, fields: [:], note: nil), caseID: fresh) }))
        }
        result.peakMB = Measure.peakMB()
        result.events = try eventCount(context.db)
        result.operations = longTimes.count
        result.seconds = Measure.median(longTimes)
        result.perOperationMs = Measure.median(longTimes) * 1000
        result.ratio = Measure.median(longTimes) / Measure.median(freshTimes)
        result.note = "\(context.longCases) cases of \(context.longEvents) events (opened, then notes) against fresh cases, alternately; fresh median \((Measure.median(freshTimes) * 1000).rounded(3)) ms; ratio = long / fresh (not SQLite)"
        return result
    }

    /// A case opened and then noted until it has `events` events, made with the engine.
    static func longHistory(_ id: String, events: Int, workflow: WorkflowDefinition, calendar: WorkingCalendar) throws -> CaseHistoryAppend {
        let at = Fixtures.now.adding(seconds: -86_400)
        let context = CommandContext(actor: Fixtures.helper, role: .helper, occurredAt: at, now: at, calendar: calendar)
        var state: CaseState?
        var entries: [CaseHistoryAppend.Entry] = []
        entries.reserveCapacity(events)
        var command = CaseCommand.open(fields: Fixtures.fields, priority: .normal, difficulty: .normal, helper: nil)
        while entries.count < events {
            switch CaseDecider.decide(command, on: state, caseID: id, workflow: workflow, context: context) {
            case .failure(let rejection): throw rejection
            case .success(let decided):
                for event in decided {
                    let envelope = EventEnvelope(event: event, occurredAt: at)
                    if var existing = state {
                        existing.apply(envelope, workflow: workflow)
                        state = existing
                    } else {
                        state = CaseState.start(id: id, workflow: workflow, with: envelope)
                    }
                    entries.append(.init(event: event, occurredAt: at, recordedAt: at, actor: Fixtures.helper))
                }
            }
            command = .note("现场走访记录 \(entries.count) / site visit note")
        }
        guard let state else { throw Spawn.Failure(description: "the long case did not open") }
        return CaseHistoryAppend(caseID: id, workflow: workflow, entries: entries, state: state,
                                 schedule: CaseSchedule.atLastEvent(state, workflow: workflow, calendar: calendar))
    }
}
