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
    public func forEachStageVisit(workflowID: String? = nil, _ body: (StageVisitRecord) throws -> Void) throws(StoreError) {
        let condition = workflowID == nil ? "" : "WHERE c.workflow_id = ?"
        let arguments: StatementArguments = workflowID.map { [$0] } ?? []
        try read { db in
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT v.case_id, v.visit, v.stage, v.entered_at, v.left_at, v.suspended_days,
                       c.workflow_id, c.status, c.district, c.helper,
                       v.visit = (SELECT MAX(w.visit) FROM stage_visit w WHERE w.case_id = v.case_id) AS is_last,
                       (SELECT group_concat(s.from_at || '~' || coalesce(s.until_at, '') || '~' || s.reason, ';')
                          FROM suspension s WHERE s.case_id = v.case_id AND s.visit = v.visit) AS pauses
                FROM stage_visit v JOIN case_state c ON c.id = v.case_id
                \(condition)
                ORDER BY v.case_id, v.visit
                """, arguments: arguments)
            // Columns by position (the SELECT above) and stored times parsed from bytes: this loop runs once per visit.
            while let row = try cursor.next() {
                guard let entered = (row[3] as String?).flatMap(Timestamp.init(stored:)) else {
                    throw StoreError.corrupt("stage visit \(row[1] as Int? ?? 0) of case \(row[0] as String? ?? "?") has no entry time")
                }
                try body(StageVisitRecord(
                    caseID: row[0] as String? ?? "", visit: row[1] as Int? ?? 0, stage: row[2] as String? ?? "",
                    enteredAt: entered, leftAt: (row[4] as String?).flatMap(Timestamp.init(stored:)),
                    storedSuspendedDays: row[5] as Int? ?? 0,
                    pauses: CaseStore.pauses(row[11] as String?),
                    workflowID: row[6] as String? ?? "",
                    caseStatus: CaseStatus(rawValue: row[7] as String? ?? "") ?? .active,
                    district: row[8] as String?, helper: row[9] as String?,
                    isLastVisit: (row[10] as Int? ?? 0) != 0))
            }
        }
    }

    static func pauses(_ text: String?) -> [StageVisitRecord.Pause] {
        guard let text, !text.isEmpty else { return [] }
        return text.split(separator: ";").compactMap { item in
            let parts = item.split(separator: "~", omittingEmptySubsequences: false)
            guard parts.count == 3, let from = Timestamp(stored: String(parts[0])) else { return nil }
            return StageVisitRecord.Pause(from: from, until: Timestamp(stored: String(parts[1])), reason: String(parts[2]))
        }.sorted { $0.from < $1.from }
    }

    /// Every case's standing (of one workflow, or all), ordered by id, without decoding snapshots.
    public func caseStandings(workflowID: String? = nil) throws(StoreError) -> [CaseStandingRecord] {
        let condition = workflowID == nil ? "" : "WHERE workflow_id = ?"
        let arguments: StatementArguments = workflowID.map { [$0] } ?? []
        return try read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, workflow_id, stage, status, district, helper, deadline, commissioned_on
                FROM case_state \(condition) ORDER BY id
                """, arguments: arguments).map { row in
                CaseStandingRecord(
                    id: row["id"] as String? ?? "", workflowID: row["workflow_id"] as String? ?? "",
                    stage: row["stage"] as String? ?? "",
                    status: CaseStatus(rawValue: row["status"] as String? ?? "") ?? .active,
                    district: row["district"] as String?, helper: row["helper"] as String?,
                    deadline: (row["deadline"] as String?).flatMap { CivilDate(iso: $0) },
                    commissionedOn: (row["commissioned_on"] as String?).flatMap { CivilDate(iso: $0) })
            }
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
