import Foundation
import RetrofitCore

extension CaseStore {
    /// Calls `body` with every stage visit, ordered by case and visit, as ``StageVisitEntry`` values:
    /// what ``forEachStageVisit(workflowID:standings:_:)`` reads, without a `String` per visit.
    ///
    /// - Parameters:
    ///   - standings: every case's standing as ``caseStandings(workflowID:)`` read it (of all workflows);
    ///     an entry names its case by index into it.
    ///   - stages: where an entry's stage number is looked up; names met for the first time are appended.
    public func forEachStageVisitEntry(standings: [CaseStandingRecord], stages: StageNames,
                                       _ body: (StageVisitEntry) -> Void) throws(StoreError) {
        try read { db in
            // Suspensions are few; in key order, so that a case's are found by walking along with its visits.
            var pauses: [(caseID: String, visit: Int, pause: StageVisitRecord.Pause)] = []
            let suspensions = try RawStatement(db, sql: "SELECT case_id, visit, from_at, until_at, reason FROM suspension ORDER BY case_id, visit")
            while try suspensions.step() {
                guard let caseID = suspensions.string(0), let from = suspensions.timestamp(2) else { continue }
                pauses.append((caseID, suspensions.int(1), StageVisitRecord.Pause(
                    from: from, until: suspensions.timestamp(3), reason: suspensions.string(4) ?? "")))
            }
            let visits = try RawStatement(db, sql: """
                SELECT case_id, visit, stage, entered_at, left_at, suspended_days, working_days FROM stage_visit ORDER BY case_id, visit
                """)
            var owner = -1
            var nextPause = 0
            var casePauses = 0..<0
            var firstStage = 0
            var pending: StageVisitEntry?
            while try visits.step() {
                let caseID = visits.text(0)
                let startsCase = owner < 0 || !RawStatement.holds(standings[owner].id, caseID)
                if startsCase {
                    // Cases are read up to this visit's case (ids in SQLite's byte order).
                    repeat { owner += 1 } while owner < standings.count && CaseStore.sortsBefore(standings[owner].id, caseID)
                    guard owner < standings.count, RawStatement.holds(standings[owner].id, caseID) else {
                        throw StoreError.corrupt("stage visit \(visits.int(1)) of case \(String(decoding: caseID, as: UTF8.self)) has no case_state row")
                    }
                    while nextPause < pauses.count, CaseStore.sortsBefore(pauses[nextPause].caseID, caseID) { nextPause += 1 }
                    let first = nextPause
                    while nextPause < pauses.count, RawStatement.holds(pauses[nextPause].caseID, caseID) { nextPause += 1 }
                    casePauses = first..<nextPause
                }
                let visit = visits.int(1)
                guard let entered = visits.timestampDay(3) else {
                    throw StoreError.corrupt("stage visit \(visit) of case \(String(decoding: caseID, as: UTF8.self)) has no entry time")
                }
                let stage = stages.number(of: visits.text(2), hint: startsCase ? firstStage : (pending?.stage ?? 0) + 1)
                if startsCase { firstStage = stage }
                var visitPauses: [StageVisitRecord.Pause] = []
                for index in casePauses where pauses[index].visit == visit { visitPauses.append(pauses[index].pause) }
                if visitPauses.count > 1 { visitPauses.sort { $0.from < $1.from } }
                let entry = StageVisitEntry(
                    standing: owner, stage: stage, visit: visit, enteredOn: entered, leftOn: visits.timestampDay(4),
                    storedSuspendedDays: visits.int(5), storedWorkingDays: visits.isNull(6) ? nil : visits.int(6),
                    startsCase: startsCase, isLastVisit: false, pauses: visitPauses)
                if var previous = pending {
                    previous.isLastVisit = startsCase
                    body(previous)
                }
                pending = entry
            }
            if var last = pending {
                last.isLastVisit = true
                body(last)
            }
        }
    }

    /// Whether `text` sorts before `bytes` as SQLite orders TEXT.
    static func sortsBefore(_ text: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var text = text
        return text.withUTF8 { own in
            if let first = own.baseAddress, let second = bytes.baseAddress {
                let order = memcmp(first, second, min(own.count, bytes.count))
                if order != 0 { return order < 0 }
            }
            return own.count < bytes.count
        }
    }
}
