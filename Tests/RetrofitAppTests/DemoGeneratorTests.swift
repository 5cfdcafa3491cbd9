import Foundation
import RetrofitApp
import RetrofitCore
import RetrofitReports
import RetrofitStore
import RetrofitTestSupport
import Testing

@Suite("The demo builds a realistic sample through the real engine")
struct DemoGeneratorTests {
    @Test(arguments: [2025, 7, 42])
    func theSampleCoversEveryDistrictStageAndStatus(seed: UInt64) throws {
        print("DemoGeneratorTests seed: \(seed)")
        let store = try TemporaryStore.inMemory()
        let workflows = [try Fixtures.workflow("elevator-retrofit"), try Fixtures.workflow("elevator-renewal")]
        let now = Fixtures.time("2025-12-15T17:00")
        let generator = DemoGenerator(workflows: workflows, calendars: Fixtures.calendars,
                                      options: .init(cases: 60, seed: seed, years: 2, now: now, batchSize: 25))
        let summary = try generator.run(into: store)
        #expect(summary.rejections.isEmpty, "\(summary.rejections.prefix(3))")
        #expect(summary.cases == 60)

        let rows = try store.cases()
        #expect(rows.count >= 40)
        #expect(Set(rows.compactMap(\.district)).count >= 10)
        for status in CaseStatus.allCases { #expect(rows.contains { $0.status == status }, "no \(status) case") }
        #expect(try !store.overdue(on: now.date, dueSoon: false).isEmpty)

        var visited: Set<String> = []
        try store.forEachEvent { event in
            if event.type == "opened" { visited.insert("elevator-retrofit:intake") }
            if case .advanced(let advanced)? = try? CaseEvent.decode(type: event.type, payload: event.payload) {
                visited.insert("\(event.workflowID):\(advanced.to)")
            }
        }
        for stage in workflows[0].stages { #expect(visited.contains("elevator-retrofit:\(stage.id)"), "no case reached \(stage.id)") }
        #expect(try store.rebuild(calendars: Fixtures.calendars, keep: false).identical)
        #expect(try store.verifyChain().isIntact)
    }

    @Test func theSameSeedGivesTheSameDatabase() throws {
        func head(seed: UInt64) throws -> String {
            let store = try TemporaryStore.inMemory()
            let generator = DemoGenerator(workflows: [try Fixtures.workflow("elevator-retrofit")], calendars: Fixtures.calendars,
                                          options: .init(cases: 20, seed: seed, years: 1, now: Fixtures.time("2025-12-15T17:00")))
            _ = try generator.run(into: store)
            return try store.head().hash
        }
        #expect(try head(seed: 3) == head(seed: 3))
        #expect(try head(seed: 3) != head(seed: 4))
    }
}
