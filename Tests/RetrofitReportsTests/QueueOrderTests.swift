import RetrofitApp
import RetrofitCore
import RetrofitReports
import RetrofitStore
import RetrofitTestSupport
import Foundation
import Testing

@Suite("The helper's queue follows 先急后缓、先易后难")
struct QueueOrderTests {
    static func entry(_ id: String, late: Int = 0, dueSoon: Bool = false, priority: CasePriority = .normal,
                      difficulty: CaseDifficulty = .normal, deadline: String? = "2025-06-30") -> QueueEntry {
        QueueEntry(id: id, stage: "consultation", deadline: deadline, daysLate: late, dueSoon: dueSoon, priority: priority.rawValue,
                   difficulty: difficulty.rawValue, helper: "李娜", district: "德城区", action: "")
    }

    @Test func overdueThenDueSoonThenUrgentThenEasyThenOldestDeadline() {
        let fixture = [
            Self.entry("normal-hard", difficulty: .hard, deadline: "2025-06-01"),
            Self.entry("urgent-hard", priority: .urgent, difficulty: .hard),
            Self.entry("late-2", late: 2, deadline: "2025-05-29"),
            Self.entry("normal-easy-later", difficulty: .easy, deadline: "2025-07-15"),
            Self.entry("due-soon", dueSoon: true, deadline: "2025-06-03"),
            Self.entry("late-9", late: 9, difficulty: .hard, deadline: "2025-05-22"),
            Self.entry("normal-easy-sooner", difficulty: .easy, deadline: "2025-06-20"),
            Self.entry("urgent-easy", priority: .urgent, difficulty: .easy, deadline: "2025-09-01"),
            Self.entry("no-deadline", deadline: nil),
        ]
        let order = QueueReport.order(fixture.shuffled()).map(\.id)
        #expect(order == ["late-9", "late-2", "due-soon", "urgent-easy", "urgent-hard", "normal-easy-sooner",
                          "normal-easy-later", "no-deadline", "normal-hard"])
    }

    @Test func theQueueOfAStoreNamesTheActionEachCaseWaitsFor() async throws {
        let store = try TemporaryStore.inMemory()
        let service = Fixtures.service(store, now: "2025-06-02T10:00")
        _ = try await service.open(workflowID: "elevator-retrofit", caseID: "A", fields: Fixtures.intakeFields(), priority: .urgent, at: Fixtures.time("2025-05-26"))
        _ = try await service.open(workflowID: "elevator-retrofit", caseID: "B", fields: Fixtures.intakeFields(), at: Fixtures.time("2025-05-06"))
        _ = try await service.execute(.advance(to: nil, fields: [:], note: nil), caseID: "B", at: Fixtures.time("2025-05-07"))
        let entries = try QueueReport.build(store, calendars: Fixtures.calendars, on: Fixtures.date("2025-06-02"), helper: nil)
        #expect(entries.map(\.id) == ["B", "A"])            // B is overdue; A (urgent) is not yet
        #expect(entries[0].action == "assign a helper")
        #expect(entries[0].daysLate == 21)                  // 3 working days after Wed 05-07 end Mon 05-12; 21 days before 06-02
        #expect(entries[1].action == "accept → helper-assignment")
    }
}
