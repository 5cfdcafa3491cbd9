import Foundation
import GRDB
@testable import RetrofitCore
@testable import RetrofitStore
import RetrofitTestSupport
import Testing

/// The rebuild compares stored rows with the ones the log gives and rewrites only what differs: every
/// kind of difference, before, between and after batches, is found, named, left alone by a check and
/// repaired by a rebuild, so that the tables end exactly as they were written live.
@Suite("A rebuild finds and repairs every difference, in any batch")
struct RebuildRepairTests {
    /// A store in memory with a seeded random history of many cases (suspensions, homes, ballots, objections).
    static func history(seed: UInt64, steps: Int = 500) async throws -> CaseStore {
        let store = try TemporaryStore.inMemory()
        try await record(seed: seed, steps: steps, into: store)
        return store
    }

    /// Records a seeded random history of many cases into `store`.
    static func record(seed: UInt64, steps: Int, into store: CaseStore) async throws {
        var random = SplitMix(seed: seed)
        var day = Fixtures.date("2025-01-02")
        var ids: [String] = []
        for _ in 0..<steps {
            if random.next() % 3 == 0 { day = day.adding(days: Int(random.next() % 4)) }
            let service = Fixtures.service(store, now: "\(day)T18:00")
            let at = Fixtures.time("\(day)T\(10 + Int(random.next() % 7)):00")
            if ids.isEmpty || random.next() % 8 == 0 {
                let workflow = random.next() % 4 == 0 ? "elevator-renewal" : "elevator-retrofit"
                var fields = Fixtures.intakeFields(district: ["德城区", "陵城区", "禹城市"][Int(random.next() % 3)])
                if workflow == "elevator-renewal" { fields["years_in_service"] = "\(10 + Int(random.next() % 15))" }
                if let opened = await try? service.open(workflowID: workflow, caseID: nil, fields: fields, at: at) { ids.append(opened.caseID) }
            } else {
                let id = ids[Int(random.next() % UInt64(ids.count))]
                let (state, workflow) = try await service.load(id)
                let command = RebuildEqualsLiveTests.randomCommand(state: state, workflow: workflow, day: day, random: &random)
                _ = await try? service.execute(command, caseID: id, at: at)
            }
        }
        let people = [PersonRegistered(name: "王管理", role: .admin, district: nil),
                      PersonRegistered(name: "李娜", role: .helper, district: "德城区"),
                      PersonRegistered(name: "李娜", role: .manager, district: nil)]
        for (count, person) in people.enumerated() {
            try store.register(person, expectedCount: count, at: Fixtures.time("2025-01-02T09:00"),
                               recordedAt: Fixtures.time("2025-01-02T09:00"), actor: "王管理")
        }
    }

    /// Every projection row, table by table, in key order.
    static func dump(_ store: CaseStore) throws -> [String: [[DatabaseValue]]] {
        let orders = ["case_state": "id", "stage_visit": "case_id, visit", "suspension": "case_id, visit, number", "person": "name"]
        return try store.writer.read { db in
            var tables: [String: [[DatabaseValue]]] = [:]
            for (table, order) in orders {
                tables[table] = try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY \(order)").map { Array($0.databaseValues) }
            }
            return tables
        }
    }

    static func execute(_ store: CaseStore, _ sql: String) throws {
        try store.writer.write { db in try db.execute(sql: sql) }
    }

    static let tamperings: [(sql: String, table: String)] = [
        ("UPDATE case_state SET snapshot = snapshot || ' ' WHERE id = (SELECT min(id) FROM case_state)", "case_state"),
        ("UPDATE case_state SET deadline = '2099-01-01' WHERE id = (SELECT id FROM case_state ORDER BY id LIMIT 1 OFFSET 7)", "case_state"),
        ("UPDATE case_state SET helper = NULL WHERE helper IS NOT NULL", "case_state"),
        ("UPDATE case_state SET version = version + 1 WHERE id = (SELECT max(id) FROM case_state)", "case_state"),
        ("DELETE FROM case_state WHERE id = (SELECT id FROM case_state ORDER BY id LIMIT 1 OFFSET 3)", "case_state"),
        ("INSERT INTO case_state SELECT '' , workflow_id, workflow_version, stage, status, version, helper, district, priority, difficulty, opened_at, stage_entered_at, last_occurred_at, deadline, due_soon_from, deadline_problem, commissioned_on, snapshot, deadline_provisional FROM case_state LIMIT 1", "case_state"),
        ("INSERT INTO case_state SELECT id || '-x', workflow_id, workflow_version, stage, status, version, helper, district, priority, difficulty, opened_at, stage_entered_at, last_occurred_at, deadline, due_soon_from, deadline_problem, commissioned_on, snapshot, deadline_provisional FROM case_state", "case_state"),
        ("INSERT INTO case_state SELECT '~zz', workflow_id, workflow_version, stage, status, version, helper, district, priority, difficulty, opened_at, stage_entered_at, last_occurred_at, deadline, due_soon_from, deadline_problem, commissioned_on, snapshot, deadline_provisional FROM case_state LIMIT 1", "case_state"),
        ("UPDATE case_state SET deadline_provisional = 1 - deadline_provisional WHERE id = (SELECT min(id) FROM case_state)", "case_state"),
        ("UPDATE stage_visit SET suspended_days = suspended_days + 1 WHERE rowid = (SELECT max(rowid) FROM stage_visit)", "stage_visit"),
        ("UPDATE stage_visit SET left_at = NULL WHERE left_at IS NOT NULL AND case_id = (SELECT min(case_id) FROM stage_visit WHERE left_at IS NOT NULL)", "stage_visit"),
        ("DELETE FROM stage_visit WHERE rowid = (SELECT rowid FROM stage_visit ORDER BY case_id DESC, visit DESC LIMIT 1)", "stage_visit"),
        ("INSERT INTO stage_visit SELECT case_id, visit + 100, stage, entered_at, left_at, suspended_days, working_days, suspended_working_days FROM stage_visit LIMIT 1", "stage_visit"),
        ("INSERT INTO stage_visit SELECT case_id || '-x', visit, stage, entered_at, left_at, suspended_days, working_days, suspended_working_days FROM stage_visit", "stage_visit"),
        ("INSERT INTO stage_visit SELECT '', visit, stage, entered_at, left_at, suspended_days, working_days, suspended_working_days FROM stage_visit LIMIT 1", "stage_visit"),
        ("UPDATE stage_visit SET working_days = working_days + 1 WHERE rowid = (SELECT min(rowid) FROM stage_visit WHERE working_days IS NOT NULL)", "stage_visit"),
        ("UPDATE stage_visit SET working_days = NULL WHERE rowid = (SELECT max(rowid) FROM stage_visit WHERE working_days IS NOT NULL)", "stage_visit"),
        ("UPDATE stage_visit SET suspended_working_days = suspended_working_days + 1 WHERE rowid = (SELECT min(rowid) FROM stage_visit WHERE working_days IS NOT NULL)", "stage_visit"),
        ("UPDATE stage_visit SET working_days = 0 WHERE left_at IS NULL", "stage_visit"),
        ("UPDATE suspension SET note = coalesce(note, '') || '!' WHERE rowid = (SELECT min(rowid) FROM suspension)", "suspension"),
        ("DELETE FROM suspension WHERE rowid = (SELECT max(rowid) FROM suspension)", "suspension"),
        ("INSERT INTO suspension SELECT case_id || '-x', visit, number, stage, from_at, until_at, reason, note FROM suspension", "suspension"),
        ("UPDATE person SET role = 'auditor' WHERE name = '王管理'", "person"),
        ("DELETE FROM person", "person"),
        ("INSERT INTO person VALUES ('多余', 'helper', NULL, 0)", "person"),
        ("UPDATE person SET district = '德城区'", "person"),
        ("UPDATE person SET disabled = 1 WHERE name = '李娜'", "person"),
        ("DELETE FROM case_state; DELETE FROM stage_visit; DELETE FROM suspension; DELETE FROM person", "case_state"),
    ]

    @Test("seeded: each tampering is reported by a check (which changes nothing) and undone by a rebuild, whatever the batch size")
    func tamperingsAreFoundAndRepaired() async throws {
        let seed = UInt64(ProcessInfo.processInfo.environment["RETROFIT_SEED"] ?? "") ?? 20_251_130
        print("RebuildRepairTests seed: \(seed) (rerun with RETROFIT_SEED=\(seed))")
        let store = try await Self.history(seed: seed)
        let original = try Self.dump(store)
        #expect((original["suspension"]?.count ?? 0) > 0 && (original["case_state"]?.count ?? 0) > 30)
        let events = try store.rebuild(calendars: Fixtures.calendars, keep: false).events
        for batch in [1, 2, 3, 7, 40, events / 2, 1_000_000] {
            let report = try store.rebuild(calendars: Fixtures.calendars, keep: false, batchEvents: batch)
            #expect(report.identical && report.events == events, "batch \(batch): \(report.firstDifference ?? "")")
        }
        var random = SplitMix(seed: seed)
        for (sql, table) in Self.tamperings {
            try Self.execute(store, sql)
            let tampered = try Self.dump(store)
            #expect(tampered != original, "\(sql) changed nothing")
            let batch = [1, 3, 11, 100, 1_000_000][Int(random.next() % 5)]
            let check = try store.rebuild(calendars: Fixtures.calendars, keep: false, batchEvents: batch)
            #expect(!check.identical && check.firstDifference == table, "\(sql) (batch \(batch)): \(check.firstDifference ?? "none")")
            #expect(try Self.dump(store) == tampered, "a check changed the tables after \(sql)")
            let rebuilt = try store.rebuild(calendars: Fixtures.calendars, keep: true, batchEvents: batch)
            #expect(rebuilt.firstDifference == table)
            #expect(try Self.dump(store) == original, "the rebuild (batch \(batch)) did not undo \(sql)")
            #expect(try store.rebuild(calendars: Fixtures.calendars, keep: false).identical)
        }
        #expect(try store.integrityCheck().isEmpty)
    }

    @Test("every stored snapshot and payload is what JSONEncoder writes for the value it holds")
    func storedJSONIsJSONEncoders() async throws {
        let store = try await Self.history(seed: 7)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let snapshots = try await store.writer.read { db in try String.fetchAll(db, sql: "SELECT snapshot FROM case_state") }
        for snapshot in snapshots {
            let state = try JSONDecoder().decode(CaseState.self, from: Data(snapshot.utf8))
            #expect(String(decoding: try encoder.encode(state), as: UTF8.self) == snapshot)
            #expect(try CaseState(json: snapshot) == state)
        }
        var count = 0
        try store.forEachEvent { event in
            guard let kind = CaseEvent.Kind(rawValue: event.type) else { return }
            let decoded = try CaseEvent.decode(type: event.type, payload: event.payload)
            #expect(try decoded.foundationPayloadJSON() == event.payload)
            #expect(try CaseEvent.foundationDecode(kind, Data(event.payload.utf8)) == decoded)
            count += 1
        }
        #expect(count > 200)
    }

    @Test("an event that cannot be read stops the rebuild with a one-line error naming it, and nothing changes")
    func unreadableEvent() async throws {
        for (type, payload, expected) in [("noted", #"{"text": 5}"#, "expected a string"), ("no-such", "{}", "unknown event type 'no-such'"),
                                          ("opened", #"{"stage": "intake", "fields": {}, "priority": "normal", "difficulty": "normal""#, "expected ','"),
                                          ("opened", #"{"stage": "intake", "fields": {}, "priority": "soon", "difficulty": "normal"}"#, "is not a priority")] {
            let store = try await Self.history(seed: 3, steps: 60)
            let original = try Self.dump(store)
            try Self.execute(store, """
                INSERT INTO event (case_id, version, type, occurred_at, recorded_at, actor, payload, workflow_id, workflow_version, hash)
                SELECT 'ZZ-\(type)', 1, '\(type)', occurred_at, recorded_at, actor, '\(payload)', workflow_id, workflow_version, hash
                FROM event WHERE case_id <> '~people' LIMIT 1
                """)
            for keep in [false, true] {
                do {
                    _ = try store.rebuild(calendars: Fixtures.calendars, keep: keep, batchEvents: 5)
                    Issue.record("a rebuild read \(payload)")
                } catch {
                    #expect(error.description.contains("cannot be read") && error.description.contains(expected) && !error.description.contains("\n"),
                            "\(error.description)")
                }
                #expect(try Self.dump(store) == original)
            }
        }
    }

    @Test("the rows a rebuild compares have every column of their tables, in order")
    func comparedColumnsAreTheTablesColumns() throws {
        let store = try TemporaryStore.inMemory()
        let lists = ["case_state": CaseStore.caseColumns, "stage_visit": CaseStore.visitColumns,
                     "suspension": CaseStore.suspensionColumns, "person": "name, role, district, disabled"]
        let counts = ["case_state": ProjectionRows.caseColumns, "stage_visit": ProjectionRows.visitColumns,
                      "suspension": ProjectionRows.suspensionColumns, "person": 4]
        #expect(Set(lists.keys) == Set(StoreSchema.projectionTables))
        for (table, list) in lists {
            let names = list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            let columns = try store.writer.read { db in try Row.fetchAll(db, sql: "PRAGMA table_info(\(table))").map { $0["name"] as String? ?? "" } }
            #expect(names == columns, "\(table)")
            #expect(names.count == counts[table], "\(table)")
        }
    }

    @Test("a snapshot that cannot be read is named in one line, and a rebuild repairs it")
    func unreadableSnapshot() async throws {
        let store = try await Self.history(seed: 5, steps: 60)
        let id = try #require(try store.cases().first?.id)
        let (state, _) = try #require(try store.loadCase(id))
        for snapshot in [#"{"id": 5}"#, "", "{\"id\":\"x\"\n", #"{"difficulty":"normal"}"#] {
            try await store.writer.write { db in try db.execute(sql: "UPDATE case_state SET snapshot = ? WHERE id = ?", arguments: [snapshot, id]) }
            do {
                _ = try store.loadCase(id)
                Issue.record("\(snapshot) was read")
            } catch {
                #expect(error.description.contains("the stored state of case \(id) cannot be read") && !error.description.contains("\n"), "\(error.description)")
                #expect(error.hints.first == .run(SuggestedOperation(.rebuildProjections)))
            }
            #expect(try store.rebuild(calendars: Fixtures.calendars, keep: true).firstDifference == "case_state")
            #expect(try store.loadCase(id)?.state == state)
        }
    }
}
