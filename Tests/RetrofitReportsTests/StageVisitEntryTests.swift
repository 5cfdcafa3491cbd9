import RetrofitCore
import RetrofitStore
import Testing

/// The visit scan that numbers cases and stages reads what the scan of ``StageVisitRecord`` reads.
@Suite("Stage visits read as numbers")
struct StageVisitEntryTests {
    @Test("every visit of the programme, with its case, stage, days, stored counts, pauses and whether it is the last")
    func entriesMatchRecords() async throws {
        let fixture = try await ReportFixture.programme()
        var records: [StageVisitRecord] = []
        try fixture.store.forEachStageVisit { records.append($0) }
        let standings = try fixture.store.caseStandings()
        let stages = StageNames(known: ["construction"])
        var entries: [StageVisitEntry] = []
        var suspensions: [StageVisitRecord.Pause] = []
        try fixture.store.forEachStageVisitEntry(standings: standings, stages: stages) { entry, all in
            entries.append(entry)
            suspensions = all
        }

        #expect(records.count > 20)
        #expect(entries.count == records.count)
        #expect(records.contains { !$0.pauses.isEmpty })
        #expect(stages.names.first == "construction")
        #expect(Set(stages.names) == Set(records.map(\.stage)))
        for (entry, record) in zip(entries, records) {
            #expect(standings[entry.standing].id == record.caseID)
            #expect(stages.names[entry.stage] == record.stage)
            #expect(entry.visit == record.visit)
            #expect(entry.enteredOn == record.enteredAt.date)
            #expect(entry.leftOn == record.leftAt?.date)
            #expect(entry.storedSuspendedDays == record.storedSuspendedDays)
            #expect(entry.storedWorkingDays == record.storedWorkingDays)
            #expect(Array(suspensions[entry.pauses]) == record.pauses)
            #expect(entry.startsCase == (record.visit == 1))
            #expect(entry.isLastVisit == record.isLastVisit)
        }
    }
}
