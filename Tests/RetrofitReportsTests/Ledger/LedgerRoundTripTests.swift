import Foundation
import RetrofitApp
import RetrofitCore
import RetrofitReports
import RetrofitStore
import RetrofitTestSupport
import Testing

@Suite("Ledger export and import: round trip and batches")
struct LedgerRoundTripTests {
    static let now = "2026-06-30T10:00"

    /// Checks and imports `data` into `store` in-process, as `retrofit import` does.
    @discardableResult
    static func importCSV(_ data: Data, into store: CaseStore, file: String = "l.csv", batch: Int = 500,
                          progress: (LedgerImporter.Progress) -> Void = { _ in }) throws -> LedgerImporter.Summary {
        let catalog = LedgerFixtures.catalog
        let plan = LedgerImportPlan.make(records: try LedgerCSV.read(data, file: file), file: file, source: file,
                                         sha256: EventHash.digest(data), defaultWorkflow: nil, now: LedgerFixtures.time(now),
                                         lookup: { try catalog.load($0) })
        #expect(plan.problems.isEmpty, "\(plan.problems)")
        let importer = LedgerImporter(store: store, calendars: LedgerFixtures.calendars, actor: "tester",
                                      now: LedgerFixtures.time(now), batchSize: batch)
        return try importer.run(plan.cases, progress: progress)
    }

    static func export(_ store: CaseStore) throws -> LedgerExport {
        LedgerExport(cases: try LedgerExport.cases(in: store, workflow: nil))
    }


    @Test("seeded: cases moved back and forth export, import into an empty database and export again to the same bytes")
    func randomHistoriesRoundTrip() async throws {
        var random = LedgerRandom.seeded("ledger round trip")
        let workflow = try LedgerFixtures.catalog.load("elevator-retrofit")
        let original = try TemporaryStore.inMemory()
        try Self.importCSV(LedgerHistories.ledger(workflow, cases: 24, using: &random), into: original)
        let service = LedgerFixtures.service(original, now: Self.now)
        for caseID in (0..<24).map(LedgerHistories.caseID) {
            try await LedgerHistories.walk(caseID, service: service, steps: Int.random(in: 0...14, using: &random), using: &random)
        }
        let first = try Self.export(original)
        let copy = try TemporaryStore.inMemory()
        let csv = Data(first.csv)
        try Self.importCSV(csv, into: copy, file: "export.csv")
        let second = try Self.export(copy)
        #expect(second.csv == first.csv, "seed \(random.seed)")
        #expect(second.exported == first.exported)
        let (mismatches, linear) = try LedgerHistories.compare(original, copy, leavingOut: Set(first.datesLeftOut.map(\.caseID)))
        #expect(mismatches.isEmpty, "seed \(random.seed): \(mismatches)")
        #expect(linear > 0)
    }

    @Test("batches are reported as they land; a second run skips every row; another file's rows are clashes")
    func batchesAndSkips() throws {
        let store = try TemporaryStore.inMemory()
        var random = LedgerRandom(seed: 7)
        let workflow = try LedgerFixtures.catalog.load("elevator-retrofit")
        let ledger = LedgerHistories.ledger(workflow, cases: 12, using: &random)
        var reports: [LedgerImporter.Progress] = []
        let first = try Self.importCSV(ledger, into: store, batch: 5) { reports.append($0) }
        #expect(first.imported == 12)
        #expect(reports.map(\.rowsDone) == [5, 10, 12])
        #expect(reports.map(\.batch) == [1, 2, 3])
        #expect(reports.allSatisfy { $0.batches == 3 && $0.rowsTotal == 12 })
        let again = try Self.importCSV(ledger, into: store, batch: 5)
        #expect(again.imported == 0)
        #expect(again.alreadyImported == 12)
        #expect(again.clashes.isEmpty)
        var other = random
        let changed = LedgerHistories.ledger(workflow, cases: 13, using: &other)
        let third = try Self.importCSV(changed, into: store, file: "other.csv")
        #expect(third.imported == 1)
        #expect(third.clashes.count == 12)
        #expect(third.clashes.first?.existing.hasPrefix("imported from l.csv row 2 (a different file, sha256 ") == true)
        #expect(try store.rebuild(calendars: LedgerFixtures.calendars, keep: false).identical)
        #expect(try store.verifyChain().events == 13)
    }
}
