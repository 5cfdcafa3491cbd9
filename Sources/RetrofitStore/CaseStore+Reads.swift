import Foundation
import GRDB
import RetrofitCore

/// A case as the projection holds it: enough to list, sort and filter without decoding the snapshot.
public struct CaseRow: Sendable, Hashable {
    public let id: String
    public let workflowID: String
    public let workflowVersion: Int
    public let stage: String
    public let status: CaseStatus
    public let version: Int
    public let helper: String?
    public let district: String?
    public let priority: CasePriority
    public let difficulty: CaseDifficulty
    public let stageEnteredAt: String
    public let deadline: CivilDate?
    public let dueSoonFrom: CivilDate?
    public let deadlineProblem: String?
}

/// A line of the overdue list: only the columns it shows and sorts by (thousands are read per run).
public struct OverdueRow: Sendable, Hashable {
    public let id: String
    public let workflowID: String
    public let stage: String
    public let helper: String?
    public let district: String?
    public let priority: CasePriority
    public let difficulty: CaseDifficulty
    public let deadline: CivilDate
    /// Computed with a year whose State Council notice is not yet published.
    public let deadlineProvisional: Bool
}

/// Which cases a listing wants; nil means any.
public struct CaseFilter: Sendable {
    public var workflow: String?
    public var stage: String?
    public var status: CaseStatus?
    public var district: String?
    public var helper: String?
    /// Only the cases this person may see (their districts' and those assigned to them); nil: every case.
    public var visibleTo: CaseVisibility?

    public init(workflow: String? = nil, stage: String? = nil, status: CaseStatus? = nil, district: String? = nil, helper: String? = nil) {
        self.workflow = workflow
        self.stage = stage
        self.status = status
        self.district = district
        self.helper = helper
        visibleTo = nil
    }

    func sql() -> (clauses: [String], arguments: [String]) {
        var clauses: [String] = []
        var arguments: [String] = []
        if let workflow { clauses.append("workflow_id = ?"); arguments += [workflow] }
        if let stage { clauses.append("stage = ?"); arguments += [stage] }
        if let status { clauses.append("status = ?"); arguments += [status.rawValue] }
        if let district { clauses.append("district = ?"); arguments += [district] }
        if let helper { clauses.append("helper = ?"); arguments += [helper] }
        if let visibleTo {
            let (clause, values) = visibleTo.sql()
            clauses.append(clause)
            arguments += values
        }
        return (clauses, arguments)
    }
}

extension CaseStore {
    /// The case's current state and the stored workflow definition it runs under, or nil if there is no such case.
    public func loadCase(_ id: String) throws(StoreError) -> (state: CaseState, workflow: StoredDefinition)? {
        let row = try read { db in
            try Row.fetchOne(db.cachedStatement(sql: """
                SELECT c.snapshot, c.workflow_id, c.workflow_version, w.source, w.compiled FROM case_state c
                JOIN workflow_definition w ON w.id = c.workflow_id AND w.version = c.workflow_version
                WHERE c.id = ?
                """), arguments: [id])
        }
        guard let row else { return nil }
        guard let snapshot = row["snapshot"] as String?, let source = row["source"] as String?,
              let workflowID = row["workflow_id"] as String?, let workflowVersion = row["workflow_version"] as Int? else {
            throw .corrupt("case \(id) has an empty projection row")
        }
        let workflow = StoredDefinition(id: workflowID, version: workflowVersion, source: source, compiled: row["compiled"])
        do {
            var state = try CaseState(json: snapshot)
            // A snapshot written before blanks were refused may hold one: the case reads it as not set, as a rebuild would.
            state.fields = FieldValue.withoutBlanks(state.fields)
            return (state, workflow)
        } catch {
            throw .unreadableState(caseID: id, problem: "\(error)")
        }
    }

    /// A stored workflow definition version, if any case has used it.
    public func storedWorkflow(id: String, version: Int) throws(StoreError) -> StoredDefinition? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT id, version, source, compiled FROM workflow_definition WHERE id = ? AND version = ?",
                             arguments: [id, version]).flatMap(CaseStore.storedDefinition)
        }
    }

    /// Every stored workflow definition, oldest first.
    public func storedWorkflows() throws(StoreError) -> [StoredDefinition] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT id, version, source, compiled FROM workflow_definition ORDER BY id, version")
                .compactMap(CaseStore.storedDefinition)
        }
    }

    static func storedDefinition(_ row: Row) -> StoredDefinition? {
        guard let id = row["id"] as String?, let version = row["version"] as Int?, let source = row["source"] as String? else { return nil }
        return StoredDefinition(id: id, version: version, source: source, compiled: row["compiled"])
    }

    /// A page of a case's events, in version order, starting after `afterVersion`.
    public func events(caseID: String, afterVersion: Int = 0, limit: Int = Int.max) throws(StoreError) -> [StoredEvent] {
        try read { db in
            try Row.fetchCursor(db, sql: """
                SELECT \(CaseStore.eventColumns) FROM event WHERE case_id = ? AND version > ? ORDER BY version LIMIT ?
                """, arguments: [caseID, afterVersion, limit]).map(CaseStore.storedEvent).reduce(into: []) { $0.append($1) }
        }
    }

    /// Calls `body` with every event in log order, one at a time, without loading the log into memory.
    public func forEachEvent(_ body: (StoredEvent) throws -> Void) throws(StoreError) {
        try read { db in
            let cursor = try Row.fetchCursor(db, sql: "SELECT \(CaseStore.eventColumns) FROM event ORDER BY sequence")
            while let row = try cursor.next() { try body(CaseStore.storedEvent(row)) }
        }
    }

    /// The event columns `storedEvent` reads, by position (a name lookup per column per row costs more than the row).
    static let eventColumns = "sequence, case_id, version, type, occurred_at, recorded_at, actor, payload, workflow_id, workflow_version, hash"

    /// An event from a row of `SELECT \(eventColumns)`.
    static func storedEvent(_ row: Row) -> StoredEvent {
        StoredEvent(
            sequence: row[0] as Int64? ?? 0, caseID: row[1] as String? ?? "",
            version: row[2] as Int? ?? 0, type: row[3] as String? ?? "",
            occurredAt: row[4] as String? ?? "", recordedAt: row[5] as String? ?? "",
            actor: row[6] as String? ?? "", payload: row[7] as String? ?? "",
            workflowID: row[8] as String? ?? "", workflowVersion: row[9] as Int? ?? 0,
            hash: row[10] as String? ?? "")
    }

    /// Cases matching `filter`, ordered by id.
    public func cases(_ filter: CaseFilter = CaseFilter()) throws(StoreError) -> [CaseRow] {
        let (clauses, arguments) = filter.sql()
        let condition = clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ")
        return try read { db in
            try CaseStore.caseRows(db, sql: "SELECT \(CaseStore.caseRowColumns) FROM case_state \(condition) ORDER BY id", arguments: arguments)
        }
    }

    /// Active cases past their deadline on `date` (and, with `dueSoon`, those inside the warning window), most late first.
    public func overdue(on date: CivilDate, dueSoon: Bool, filter: CaseFilter = CaseFilter()) throws(StoreError) -> [OverdueRow] {
        var (clauses, arguments) = filter.sql()
        clauses.append("status = 'active'")
        if dueSoon {
            clauses.append("(deadline < ? OR due_soon_from <= ?)")
            arguments += [date.description, date.description]
        } else {
            clauses.append("deadline < ?")
            arguments += [date.description]
        }
        return try read { db in
            let statement = try RawStatement(db, sql: """
                SELECT id, workflow_id, stage, helper, district, priority, difficulty, deadline, deadline_provisional FROM case_state
                WHERE \(clauses.joined(separator: " AND ")) ORDER BY deadline, id
                """, texts: arguments)
            var names = TextPool()
            var rows: [OverdueRow] = []
            while try statement.step() {
                guard let deadline = statement.date(7) else { continue }
                rows.append(OverdueRow(
                    id: statement.string(0) ?? "", workflowID: statement.string(1, from: &names) ?? "",
                    stage: statement.string(2, from: &names) ?? "",
                    helper: statement.string(3, from: &names), district: statement.string(4, from: &names),
                    priority: CasePriority(rawValue: statement.string(5, from: &names) ?? "") ?? .normal,
                    difficulty: CaseDifficulty(rawValue: statement.string(6, from: &names) ?? "") ?? .normal,
                    deadline: deadline, deadlineProvisional: statement.int64(8) != 0))
            }
            return rows
        }
    }

    /// The case_state columns `caseRow` reads, by position; not the snapshot, which listings do not need.
    static let caseRowColumns = """
        id, workflow_id, workflow_version, stage, status, version, helper, district, priority, difficulty, \
        stage_entered_at, deadline, due_soon_from, deadline_problem
        """

    /// The listing rows of a `SELECT \(caseRowColumns)`, read by raw columns: `case list` prints
    /// thousands of them, and names repeat (workflows, stages, districts, helpers).
    static func caseRows(_ db: Database, sql: String, arguments: [String]) throws -> [CaseRow] {
        let statement = try RawStatement(db, sql: sql, texts: arguments)
        var names = TextPool()
        var rows: [CaseRow] = []
        while try statement.step() {
            rows.append(CaseRow(
                id: statement.string(0) ?? "", workflowID: statement.string(1, from: &names) ?? "",
                workflowVersion: statement.int(2), stage: statement.string(3, from: &names) ?? "",
                status: CaseStatus(rawValue: statement.string(4, from: &names) ?? "") ?? .active, version: statement.int(5),
                helper: statement.string(6, from: &names), district: statement.string(7, from: &names),
                priority: CasePriority(rawValue: statement.string(8, from: &names) ?? "") ?? .normal,
                difficulty: CaseDifficulty(rawValue: statement.string(9, from: &names) ?? "") ?? .normal,
                stageEnteredAt: statement.string(10) ?? "", deadline: statement.date(11), dueSoonFrom: statement.date(12),
                deadlineProblem: statement.string(13)))
        }
        return rows
    }

    /// The people register, by name.
    public func people() throws(StoreError) -> [PersonRegistered] {
        try read { db in
            try Row.fetchAll(db.cachedStatement(sql: "SELECT name, role, district, disabled FROM person ORDER BY name")).compactMap { row in
                guard let name = row["name"] as String?, let role = (row["role"] as String?).flatMap(Role.init) else { return nil }
                var person = PersonRegistered(name: name, role: role, district: row["district"] as String?)
                person.isActive = (row["disabled"] as Int64?) != 1
                return person
            }
        }
    }

    /// The next free number for generated ids `PREFIX-YEAR-NNNN`.
    public func nextCaseNumber(prefix: String, year: Int) throws(StoreError) -> Int {
        let stem = "\(prefix)-\(year)-"
        let ids = try read { db in
            try String.fetchAll(db, sql: "SELECT id FROM case_state WHERE id >= ? AND id < ?", arguments: [stem, stem + "\u{10FFFF}"])
        }
        return (ids.compactMap { Int($0.dropFirst(stem.count)) }.max() ?? 0) + 1
    }

    /// The last event's sequence and hash: what `audit head` prints.
    public func head() throws(StoreError) -> (sequence: Int64, hash: String) {
        try read { db in
            let row = try Row.fetchOne(db, sql: "SELECT sequence, hash FROM event ORDER BY sequence DESC LIMIT 1")
            return (row?["sequence"] as Int64? ?? 0, row?["hash"] as String? ?? EventHash.genesis)
        }
    }
}

extension CaseStore {
    /// Calls `body` with each case's events (in version order), one case at a time, streaming the log.
    public func forEachCaseHistory(_ body: (String, [StoredEvent]) throws -> Void) throws(StoreError) {
        try read { db in
            var pending: [StoredEvent] = []
            let cursor = try Row.fetchCursor(db, sql: "SELECT \(CaseStore.eventColumns) FROM event WHERE case_id NOT LIKE '~%' ORDER BY case_id, version")
            while let row = try cursor.next() {
                let event = CaseStore.storedEvent(row)
                if let last = pending.last, last.caseID != event.caseID {
                    try body(last.caseID, pending)
                    pending.removeAll(keepingCapacity: true)
                }
                pending.append(event)
            }
            if let last = pending.last { try body(last.caseID, pending) }
        }
    }
}

extension CaseStore {
    /// Active cases whose deadline could not be computed (a calendar year missing), with why; with `visibleTo`,
    /// only the cases that person may see.
    public func deadlineProblems(visibleTo: CaseVisibility? = nil) throws(StoreError) -> [(id: String, problem: String)] {
        let visible = visibleTo?.sql()
        // A case with a problem has no deadline; saying so lets the (status, deadline) index find the
        // few such rows instead of visiting every active case's row.
        return try read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, deadline_problem FROM case_state
                WHERE status = 'active' AND deadline IS NULL AND deadline_problem IS NOT NULL\(visible.map { " AND " + $0.clause } ?? "") ORDER BY id
                """, arguments: StatementArguments(visible?.arguments ?? []))
                .compactMap { row in
                    guard let id = row["id"] as String?, let problem = row["deadline_problem"] as String? else { return nil }
                    return (id, problem)
                }
        }
    }
}
