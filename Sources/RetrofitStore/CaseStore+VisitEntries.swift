import Foundation
import GRDB
import RetrofitCore

extension CaseStore {
    /// Calls `body` with every stage visit, ordered by case and visit, as ``StageVisitEntry`` values:
    /// what ``forEachStageVisit(workflowID:standings:_:)`` reads, without a `String` per visit.
    ///
    /// - Parameters:
    ///   - standings: every case's standing as ``caseStandings(workflowID:)`` read it (of all workflows);
    ///     an entry names its case by index into it.
    ///   - stages: where an entry's stage number is looked up; names met for the first time are appended.
    ///   - body: called with each visit and every suspension read (an entry's are ``StageVisitEntry/pauses`` of them).
    public func forEachStageVisitEntry(standings: [CaseStandingRecord], stages: StageNames,
                                       _ body: (StageVisitEntry, [StageVisitRecord.Pause]) -> Void) throws(StoreError) {
        try read { db in
            let (pauses, pauseKeys) = try CaseStore.suspensionsInKeyOrder(db)
            let visits = try RawStatement(db, sql: """
                SELECT case_id, visit, stage, entered_at, left_at, suspended_days, working_days FROM stage_visit ORDER BY case_id, visit
                """)
            var spellings = StageSpellings()
            for name in stages.names { spellings.append(name) }
            var caseID: [UInt8] = []
            var owner = -1
            var nextPause = 0
            var casePauses = 0..<0
            var firstStage = 0
            var pending: StageVisitEntry?
            while try visits.step() {
                let rowCase = visits.text(0)
                let startsCase = owner < 0 || !caseID.withUnsafeBufferPointer { CaseStore.same($0, rowCase) }
                if startsCase {
                    // Cases are read up to this visit's case (ids in SQLite's byte order).
                    repeat { owner += 1 } while owner < standings.count && CaseStore.sortsBefore(standings[owner].id, rowCase)
                    guard owner < standings.count, RawStatement.holds(standings[owner].id, rowCase) else {
                        throw StoreError.corrupt("stage visit \(visits.int(1)) of case \(String(decoding: rowCase, as: UTF8.self)) has no case_state row")
                    }
                    caseID.removeAll(keepingCapacity: true)
                    caseID.append(contentsOf: rowCase)
                    while nextPause < pauseKeys.count, CaseStore.sortsBefore(pauseKeys[nextPause].caseID, rowCase) { nextPause += 1 }
                    let first = nextPause
                    while nextPause < pauseKeys.count, RawStatement.holds(pauseKeys[nextPause].caseID, rowCase) { nextPause += 1 }
                    casePauses = first..<nextPause
                }
                let visit = visits.int(1)
                guard let entered = visits.timestampDay(3) else {
                    throw StoreError.corrupt("stage visit \(visit) of case \(String(decoding: rowCase, as: UTF8.self)) has no entry time")
                }
                let stageText = visits.text(2)
                // A case usually moves on to the stage numbered after its last one, so the hint mostly answers.
                var stage = spellings.number(of: stageText, hint: startsCase ? firstStage : (pending?.stage ?? 0) + 1) ?? -1
                if stage < 0 {
                    stage = stages.number(of: String(decoding: stageText, as: UTF8.self))
                    if stage == spellings.count { spellings.append(stages.names[stage]) }
                }
                if startsCase { firstStage = stage }
                var visitPauses = casePauses.endIndex..<casePauses.endIndex
                if !casePauses.isEmpty, let first = casePauses.first(where: { pauseKeys[$0].visit == visit }) {
                    visitPauses = first..<(casePauses[first...].first { pauseKeys[$0].visit != visit } ?? casePauses.endIndex)
                }
                let entry = StageVisitEntry(
                    standing: owner, stage: stage, visit: visit, enteredOn: entered, leftOn: visits.timestampDay(4),
                    storedSuspendedDays: visits.int(5), storedWorkingDays: visits.optionalInt(6),
                    startsCase: startsCase, isLastVisit: false, pauses: visitPauses)
                if var previous = pending {
                    previous.isLastVisit = startsCase
                    body(previous, pauses)
                }
                pending = entry
            }
            if var last = pending {
                last.isLastVisit = true
                body(last, pauses)
            }
        }
    }

    /// Every suspension, by case (in SQLite's byte order of ids), visit and start, with the keys beside them.
    private static func suspensionsInKeyOrder(_ db: Database) throws -> ([StageVisitRecord.Pause], [(caseID: String, visit: Int)]) {
        var rows: [(caseID: String, visit: Int, pause: StageVisitRecord.Pause)] = []
        let suspensions = try RawStatement(db, sql: "SELECT case_id, visit, from_at, until_at, reason FROM suspension ORDER BY case_id, visit")
        while try suspensions.step() {
            guard let caseID = suspensions.string(0), let from = suspensions.timestamp(2) else { continue }
            rows.append((caseID, suspensions.int(1), StageVisitRecord.Pause(
                from: from, until: suspensions.timestamp(3), reason: suspensions.string(4) ?? "")))
        }
        // Within a visit, by start (the rows are already by case and visit; the sort is stable).
        var start = rows.startIndex
        while start < rows.endIndex {
            let end = rows[start...].firstIndex { !sameID($0.caseID, rows[start].caseID) || $0.visit != rows[start].visit } ?? rows.endIndex
            if end - start > 1 { rows[start..<end].sort { $0.pause.from < $1.pause.from } }
            start = end
        }
        return (rows.map(\.pause), rows.map { ($0.caseID, $0.visit) })
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

    /// Whether two byte sequences are equal.
    static func same(_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>) -> Bool {
        guard left.count == right.count else { return false }
        guard let first = left.baseAddress, let second = right.baseAddress else { return true }
        return memcmp(first, second, left.count) == 0
    }
}
