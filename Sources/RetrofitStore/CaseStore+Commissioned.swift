import Foundation
import GRDB
import RetrofitCore

/// A case whose `commissioned` milestone falls in a report's period, and the workflow version it runs under.
public struct CommissionedCaseRow: Sendable, Hashable {
    public let id: String
    public let workflowID: String
    public let workflowVersion: Int
}

/// A field value that more than one case holds.
public struct SharedFieldValue: Sendable, Hashable {
    public let field: String
    public let value: String
    public let caseIDs: [String]
}

/// When an event happened and when it was written down, and by whom: what a late-recording check reads.
public struct EventTiming: Sendable, Hashable {
    public let sequence: Int64
    public let type: String
    public let occurredAt: String
    public let recordedAt: String
    public let actor: String
}

extension CaseStore {
    /// The cases whose `commissioned` milestone falls from `start` through `end`, by date then id.
    public func commissionedCases(from start: CivilDate, through end: CivilDate,
                                  workflowID: String? = nil) throws(StoreError) -> [CommissionedCaseRow] {
        var sql = "SELECT id, workflow_id, workflow_version FROM case_state WHERE commissioned_on >= ? AND commissioned_on <= ?"
        var arguments: StatementArguments = [start.description, end.description]
        if let workflowID {
            sql += " AND workflow_id = ?"
            arguments += [workflowID]
        }
        return try read { db in
            // A few workflow ids are shared by all the rows: one string each, not one per row.
            var workflowIDs: Set<String> = []
            return try Row.fetchAll(db, sql: sql + " ORDER BY commissioned_on, id", arguments: arguments).map { row in
                CommissionedCaseRow(id: row[0] as String? ?? "", workflowID: workflowIDs.insert(row[1] as String? ?? "").memberAfterInsert,
                                    workflowVersion: row[2] as Int? ?? 0)
            }
        }
    }

    /// The values of the named fields (trimmed of spaces, non-empty) that two or more cases hold, each with its
    /// holders. A value only one case holds is left out: it is most of them, and a duplicate check has nothing to
    /// say about it. SQLite groups the values, so memory does not grow with the number of cases.
    public func sharedFieldValues(_ fields: [String]) throws(StoreError) -> [SharedFieldValue] {
        guard !fields.isEmpty else { return [] }
        return try read { db in
            db.add(function: CaseStore.trimmedFunction)
            let marks = Array(repeating: "?", count: fields.count).joined(separator: ", ")
            let cursor = try Row.fetchCursor(db, sql: """
                WITH shared AS (
                    SELECT f.key AS field, retrofit_trimmed(f.value) AS value, json_group_array(c.id) AS holders
                    FROM case_state c, json_each(c.snapshot, '$.fields') f
                    WHERE f.key IN (\(marks))
                    GROUP BY 1, 2 HAVING value <> '' AND count(*) > 1)
                SELECT shared.field, shared.value, holder.value FROM shared, json_each(shared.holders) holder
                """, arguments: StatementArguments(fields))
            var result: [SharedFieldValue] = []
            // A value's holders come one after another; the caller's field names are kept, not a copy per row.
            var field = "", value = "", caseIDs: [String] = []
            while let row = try cursor.next() {
                let rowField = row[0] as String? ?? "", rowValue = row[1] as String? ?? "", caseID = row[2] as String? ?? ""
                if rowField != field || rowValue != value {
                    if !caseIDs.isEmpty { result.append(SharedFieldValue(field: field, value: value, caseIDs: caseIDs)) }
                    field = fields.first { $0 == rowField } ?? rowField
                    value = rowValue
                    caseIDs = []
                }
                caseIDs.append(caseID)
            }
            if !caseIDs.isEmpty { result.append(SharedFieldValue(field: field, value: value, caseIDs: caseIDs)) }
            return result
        }
    }

    /// `retrofit_trimmed(text)`: the text without surrounding spaces as Swift trims them (Unicode spaces and tab,
    /// which SQLite's `trim` does not know), NULL for anything but text.
    private static let trimmedFunction = DatabaseFunction("retrofit_trimmed", argumentCount: 1, pure: true) { values in
        guard let value = values.first, case .string(let text) = value.storage else { return nil }
        // A blank value (line breaks included) is no value: '' is left out of the shared values.
        return FieldValue.isBlank(text) ? "" : text.trimmingCharacters(in: .whitespaces)
    }

    /// The events of a case that SQLite reads as recorded more than `days` days after they occurred, and those
    /// whose times it cannot read, in version order, without their payloads. A check counting calendar days in
    /// China time makes its own decision on these (`julianday` reads a time without an offset as UTC); it need
    /// not read the rest of the case's events.
    public func eventTimings(caseID: String, recordedLaterThan days: Int) throws(StoreError) -> [EventTiming] {
        try read { db in
            try Row.fetchAll(db.cachedStatement(sql: """
                SELECT sequence, type, occurred_at, recorded_at, actor FROM event
                WHERE case_id = ? AND coalesce(julianday(recorded_at) - julianday(occurred_at) > ?, 1) ORDER BY version
                """), arguments: [caseID, days]).map { row in
                EventTiming(sequence: row[0] as Int64? ?? 0, type: row[1] as String? ?? "", occurredAt: row[2] as String? ?? "",
                            recordedAt: row[3] as String? ?? "", actor: row[4] as String? ?? "")
            }
        }
    }
}
