import RetrofitCore
import Testing

private typealias Example = CalendarDeadlineExample

@Suite("Deadlines in working days")
struct WorkingDayDeadlineTests: CalendarTestHelpers {
    @Test("The deadline is the N-th working day after the entry day", arguments: [
        Example(entered: "2025-03-03", count: 5, deadline: "2025-03-10", why: "5 from a Monday end on the next Monday"),
        Example(entered: "2025-03-07", count: 1, deadline: "2025-03-10", why: "1 from a Friday is the Monday"),
        Example(entered: "2025-03-08", count: 1, deadline: "2025-03-10", why: "1 from a Saturday is the Monday"),
        Example(entered: "2025-01-20", count: 10, deadline: "2025-02-08",
                why: "across Spring Festival 2025 the 10th is make-up Saturday Feb 8"),
        Example(entered: "2025-01-20", count: 11, deadline: "2025-02-10",
                why: "across Spring Festival 2025 the 11th is the Monday after make-up Saturday Feb 8"),
        Example(entered: "2025-01-24", count: 5, deadline: "2025-02-07",
                why: "make-up Sunday Jan 26 counts and Jan 28 to Feb 4 does not"),
        Example(entered: "2025-01-27", count: 1, deadline: "2025-02-05", why: "1 from the eve of Spring Festival is after it"),
        Example(entered: "2025-09-15", count: 15, deadline: "2025-10-11",
                why: "across National Day 2025 both make-up days count"),
        Example(entered: "2025-05-30", count: 1, deadline: "2025-06-03", why: "Dragon Boat May 31 to Jun 2 is skipped"),
        Example(entered: "2025-04-25", count: 1, deadline: "2025-04-27", why: "make-up Sunday Apr 27 counts"),
        Example(entered: "2024-02-08", count: 2, deadline: "2024-02-18", why: "2024 Spring Festival ends on make-up Sunday Feb 18"),
        Example(entered: "2024-09-27", count: 3, deadline: "2024-10-08", why: "2024 make-up Sunday Sep 29 counts before National Day"),
        Example(entered: "2025-12-30", count: 3, deadline: "2026-01-05",
                why: "counting crosses into 2026 and make-up Sunday Jan 4 counts"),
        Example(entered: "2026-02-13", count: 2, deadline: "2026-02-24",
                why: "2026 make-up Saturday Feb 14 counts, Feb 15 to 23 does not"),
        Example(entered: "2024-12-25", count: 30, deadline: "2025-02-12", why: "30 across New Year and Spring Festival"),
    ])
    func workingDayDeadline(example: CalendarDeadlineExample) throws {
        let calendar = try ShippedCalendars.mainland()
        let reckoning = try calendar.deadline(
            entered: try day(example.entered), period: .workingDays(example.count), suspensions: []
        )
        #expect(reckoning.deadline == (try day(example.deadline)))
        #expect(reckoning.rolledForwardFrom == nil)
        #expect(reckoning.overdueFrom == (try day(example.deadline)).adding(days: 1))
    }

    @Test("A stage entered on a holiday starts counting after the holiday", arguments: [
        Example(entered: "2025-10-01", count: 1, deadline: "2025-10-09", why: "1 from National Day"),
        Example(entered: "2025-10-01", count: 3, deadline: "2025-10-11", why: "3 from National Day reach make-up Saturday Oct 11"),
        Example(entered: "2025-01-29", count: 1, deadline: "2025-02-05", why: "1 from inside Spring Festival"),
    ])
    func enteredOnAHoliday(example: CalendarDeadlineExample) throws {
        let calendar = try ShippedCalendars.mainland()
        let reckoning = try calendar.deadline(
            entered: try day(example.entered), period: .workingDays(example.count), suspensions: []
        )
        #expect(reckoning.deadline == (try day(example.deadline)))
    }

    @Test("A stage entered on a make-up working day does not count the entry day", arguments: [
        Example(entered: "2025-09-28", count: 2, deadline: "2025-09-30", why: "2 from make-up Sunday Sep 28"),
        Example(entered: "2025-09-28", count: 3, deadline: "2025-10-09", why: "3 from make-up Sunday Sep 28 skip National Day"),
        Example(entered: "2025-02-08", count: 1, deadline: "2025-02-10", why: "1 from make-up Saturday Feb 8"),
    ])
    func enteredOnAMakeUpDay(example: CalendarDeadlineExample) throws {
        let calendar = try ShippedCalendars.mainland()
        let reckoning = try calendar.deadline(
            entered: try day(example.entered), period: .workingDays(example.count), suspensions: []
        )
        #expect(reckoning.deadline == (try day(example.deadline)))
    }

    @Test("A reckoning lists each holiday day skipped and each make-up day counted")
    func reckoningListsItsDays() throws {
        let calendar = try ShippedCalendars.mainland()
        let reckoning = try calendar.deadline(entered: try day("2025-01-20"), period: .workingDays(11), suspensions: [])
        let festival = "春节 / Spring Festival"
        let skipped = try (0..<8).map { NamedDay(date: try day("2025-01-28").adding(days: $0), name: festival) }
        #expect(reckoning.holidaysSkipped == skipped)
        #expect(reckoning.makeUpWorkingDaysCounted == [
            NamedDay(date: try day("2025-01-26"), name: festival),
            NamedDay(date: try day("2025-02-08"), name: festival),
        ])
        #expect(reckoning.suspendedDays.isEmpty)
    }

    @Test("Working days between two dates count the days after the first through the second")
    func workingDaysBetweenDates() throws {
        let calendar = try ShippedCalendars.mainland()
        #expect(try calendar.workingDays(after: try day("2025-01-20"), through: try day("2025-02-10"), suspensions: []) == 11)
        #expect(try calendar.workingDays(after: try day("2025-01-20"), through: try day("2025-01-20"), suspensions: []) == 0)
        #expect(try calendar.workingDays(after: try day("2025-02-10"), through: try day("2025-01-20"), suspensions: []) == 0)
        #expect(try calendar.workingDays(after: try day("2025-01-27"), through: try day("2025-02-04"), suspensions: []) == 0)
        let suspended = [try suspension("2025-03-05", "2025-03-07")]
        #expect(try calendar.workingDays(after: try day("2025-03-03"), through: try day("2025-03-07"), suspensions: suspended) == 2)
    }
}
