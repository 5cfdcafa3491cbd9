import Foundation
import GRDB
import RetrofitCore

/// One stay of a case in one stage, with what reports group and filter by.
public struct StageVisitRecord: Sendable, Hashable {
    /// A suspension within the visit; `until` is nil while it runs.
    public struct Pause: Sendable, Hashable {
        public let from: Timestamp
        public let until: Timestamp?
        public let reason: String
    }

    public let caseID: String
    /// 1 for the case's first visit, in order.
    public let visit: Int
    public let stage: String
    public let enteredAt: Timestamp
    public let leftAt: Timestamp?
    /// Calendar days suspended, as the projection stored it (up to leaving, or to the case's last event).
    public let storedSuspendedDays: Int
    /// The working days of the visit once it has closed, as the projection stored them (suspended days not
    /// counted); nil while it is open, or when its calendar could not count them.
    public let storedWorkingDays: Int?
    public let pauses: [Pause]
    public let workflowID: String
    public let caseStatus: CaseStatus
    public let district: String?
    public let helper: String?
    /// Whether this is the case's latest visit.
    public let isLastVisit: Bool

    /// The spans the calendar skips; a suspension still running is taken to end on `date`.
    public func suspendedSpans(asOf date: CivilDate) -> [SuspendedSpan] {
        pauses.map { SuspendedSpan(from: $0.from.date, until: $0.until?.date ?? date, reason: $0.reason) }
    }

    /// Whether the visit ended because the case was withdrawn (not because it moved on).
    public var endedByWithdrawal: Bool { isLastVisit && caseStatus == .withdrawn }
}

/// A case as the reports count it now: stage, status, deadline and grouping keys.
public struct CaseStandingRecord: Sendable, Hashable {
    public let id: String
    public let workflowID: String
    public let stage: String
    public let status: CaseStatus
    public let district: String?
    public let helper: String?
    public let deadline: CivilDate?
    public let commissionedOn: CivilDate?
}

extension CaseStore {
    /// Calls `body` with every stage visit (of one workflow, or all), ordered by case and visit,
    /// streaming the `stage_visit` table; the event log is not read.
    ///
    /// The visits and the cases are two scans in key order merged here by case id, which is cheaper
    /// than joining in SQL (a correlated look-up per visit cost more than the scan); suspensions,
    /// far fewer than visits, are read first and grouped by case.
    ///
    /// - Parameter standings: every case's standing as ``caseStandings(workflowID:)`` read it (of all
    ///   workflows, in its order), when the caller has it: case_state is then not read again.
    public func forEachStageVisit(workflowID: String? = nil, standings: [CaseStandingRecord]? = nil,
                                  _ body: (StageVisitRecord) throws -> Void) throws(StoreError) {
        try read { db in
            var pausesByCase: [String: [(visit: Int, pause: StageVisitRecord.Pause)]] = [:]
            let suspensions = try RawStatement(db, sql: "SELECT case_id, visit, from_at, until_at, reason FROM suspension")
            while try suspensions.step() {
                guard let caseID = suspensions.string(0), let from = suspensions.timestamp(2) else { continue }
                pausesByCase[caseID, default: []].append((suspensions.int(1), StageVisitRecord.Pause(
                    from: from, until: suspensions.timestamp(3), reason: suspensions.string(4) ?? "")))
            }
            let cases = standings != nil ? nil
                : try RawStatement(db, sql: "SELECT id, workflow_id, status, district, helper FROM case_state ORDER BY id")
            let visits = try RawStatement(db, sql: """
                SELECT case_id, visit, stage, entered_at, left_at, suspended_days, working_days FROM stage_visit ORDER BY case_id, visit
                """)
            var owner: VisitOwner?
            var nextStanding = standings?.startIndex ?? 0
            func nextOwner() throws -> VisitOwner? {
                if let cases { return try cases.step() ? VisitOwner(cases) : nil }
                guard let standings else { return nil }
                guard nextStanding < standings.endIndex else { return nil }
                defer { nextStanding += 1 }
                return VisitOwner(standings[nextStanding])
            }
            var casePauses: [(visit: Int, pause: StageVisitRecord.Pause)] = []
            func emit(_ row: StageVisitRow, isLast: Bool) throws {
                if row.startsCase {
                    // Cases are read up to this visit's case (ids in SQLite's byte order).
                    while owner.map({ CaseStore.sortsBefore($0.id, row.caseID) }) ?? true, let next = try nextOwner() {
                        owner = next
                    }
                    casePauses = pausesByCase[row.caseID] ?? []
                }
                guard let owner, CaseStore.sameID(owner.id, row.caseID) else {
                    throw StoreError.corrupt("stage visit \(row.visit) of case \(row.caseID) has no case_state row")
                }
                if let workflowID, owner.workflowID != workflowID { return }
                var pauses = casePauses.isEmpty ? [] : casePauses.filter { $0.visit == row.visit }.map(\.pause)
                if pauses.count > 1 { pauses.sort { $0.from < $1.from } }
                try body(StageVisitRecord(
                    caseID: row.caseID, visit: row.visit, stage: row.stage, enteredAt: row.enteredAt, leftAt: row.leftAt,
                    storedSuspendedDays: row.suspendedDays, storedWorkingDays: row.workingDays, pauses: pauses,
                    workflowID: owner.workflowID, caseStatus: owner.status, district: owner.district, helper: owner.helper,
                    isLastVisit: isLast))
            }
            var stages = TextPool()
            var pending: StageVisitRow?
            while try visits.step() {
                let row = try StageVisitRow(visits, previous: pending, stages: &stages)
                if let previous = pending { try emit(previous, isLast: row.startsCase) }
                pending = row
            }
            if let last = pending { try emit(last, isLast: true) }
        }
    }

    /// A `stage_visit` row.
    private struct StageVisitRow {
        let caseID: String
        /// Whether this is the first row of its case.
        let startsCase: Bool
        let visit: Int
        let stage: String
        let enteredAt: Timestamp
        let leftAt: Timestamp?
        let suspendedDays: Int
        let workingDays: Int?

        /// - Parameter stages: the stage names met so far, whose Strings are reused.
        init(_ columns: RawStatement, previous: StageVisitRow?, stages: inout TextPool) throws {
            let id = columns.string(0, reusing: previous?.caseID) ?? ""
            caseID = id
            startsCase = previous.map { !CaseStore.sameID($0.caseID, id) } ?? true
            visit = columns.int(1)
            guard let entered = columns.timestamp(3) else {
                throw StoreError.corrupt("stage visit \(visit) of case \(caseID) has no entry time")
            }
            stage = columns.string(2, from: &stages) ?? ""
            enteredAt = entered
            leftAt = columns.timestamp(4)
            suspendedDays = columns.int(5)
            workingDays = columns.isNull(6) ? nil : columns.int(6)
        }
    }

    /// The case_state columns a visit record carries.
    private struct VisitOwner {
        let id: String
        let workflowID: String
        let status: CaseStatus
        let district: String?
        let helper: String?

        init(_ standing: CaseStandingRecord) {
            id = standing.id
            workflowID = standing.workflowID
            status = standing.status
            district = standing.district
            helper = standing.helper
        }

        init(_ columns: RawStatement) {
            id = columns.string(0) ?? ""
            workflowID = columns.string(1) ?? ""
            status = CaseStatus(rawValue: columns.string(2) ?? "") ?? .active
            district = columns.string(3)
            helper = columns.string(4)
        }
    }

    /// Whether `left` sorts before `right` as SQLite orders TEXT (bytes, not Unicode order).
    static func sortsBefore(_ left: String, _ right: String) -> Bool { byteOrder(left, right) < 0 }

    /// Whether two ids are the same bytes (`==` on String compares canonical equivalence instead).
    static func sameID(_ left: String, _ right: String) -> Bool { byteOrder(left, right) == 0 }

    /// memcmp of the UTF-8 bytes, the shorter first on a tie: negative, zero or positive.
    private static func byteOrder(_ left: String, _ right: String) -> Int {
        var left = left, right = right
        return left.withUTF8 { a in
            right.withUTF8 { b in
                if let first = a.baseAddress, let second = b.baseAddress {
                    let order = memcmp(first, second, min(a.count, b.count))
                    if order != 0 { return Int(order) }
                }
                return a.count - b.count
            }
        }
    }

    /// Every case's standing (of one workflow, or all), ordered by id, without decoding snapshots.
    public func caseStandings(workflowID: String? = nil) throws(StoreError) -> [CaseStandingRecord] {
        let condition = workflowID == nil ? "" : "WHERE workflow_id = ?"
        let arguments = workflowID.map { [$0] } ?? []
        return try read { db in
            let cases = try RawStatement(db, sql: """
                SELECT id, workflow_id, stage, status, district, helper, deadline, commissioned_on
                FROM case_state \(condition) ORDER BY id
                """, texts: arguments)
            var standings: [CaseStandingRecord] = []
            var workflows = TextPool(), stages = TextPool(), statuses = TextPool()
            while try cases.step() {
                standings.append(CaseStandingRecord(
                    id: cases.string(0) ?? "", workflowID: cases.string(1, from: &workflows) ?? "", stage: cases.string(2, from: &stages) ?? "",
                    status: CaseStatus(rawValue: cases.string(3, from: &statuses) ?? "") ?? .active,
                    district: cases.string(4), helper: cases.string(5), deadline: cases.date(6), commissionedOn: cases.date(7)))
            }
            return standings
        }
    }

    /// Ids of the cases whose `commissioned` milestone falls from `start` through `end`, by date then id.
    public func commissionedCaseIDs(from start: CivilDate, through end: CivilDate, workflowID: String? = nil) throws(StoreError) -> [String] {
        var sql = "SELECT id FROM case_state WHERE commissioned_on >= ? AND commissioned_on <= ?"
        var arguments: StatementArguments = [start.description, end.description]
        if let workflowID {
            sql += " AND workflow_id = ?"
            arguments += [workflowID]
        }
        return try read { db in
            try String.fetchAll(db, sql: sql + " ORDER BY commissioned_on, id", arguments: arguments)
        }
    }

    /// The non-empty values of the named fields on every case, ordered by field, value and case:
    /// what a duplicate-claim check compares.
    public func fieldValues(_ fields: [String]) throws(StoreError) -> [(caseID: String, field: String, value: String)] {
        try read { db in
            var result: [(caseID: String, field: String, value: String)] = []
            for field in fields.sorted() {
                let path = "$.fields.\"\(field.replacingOccurrences(of: "\"", with: ""))\""
                let rows = try Row.fetchAll(db, sql: """
                    SELECT id, json_extract(snapshot, ?) AS value FROM case_state
                    WHERE json_extract(snapshot, ?) IS NOT NULL ORDER BY value, id
                    """, arguments: [path, path])
                for row in rows {
                    guard let id = row["id"] as String?, let value = (row["value"] as String?)?.trimmingCharacters(in: .whitespaces),
                          !value.isEmpty else { continue }
                    result.append((id, field, value))
                }
            }
            return result
        }
    }
}
