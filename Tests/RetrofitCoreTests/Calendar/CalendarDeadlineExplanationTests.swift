import RetrofitCore
import Testing

@Suite("Deadline explanations")
struct CalendarDeadlineExplanationTests: CalendarTestHelpers {
    @Test("A working-day explanation names each holiday skipped with its dates and each make-up day counted")
    func workingDayExplanation() throws {
        let calendar = try ShippedCalendars.mainland()
        let reckoning = try calendar.deadline(entered: try day("2024-12-25"), period: .workingDays(30), suspensions: [])
        #expect(reckoning.explanation == [
            "Entered on 2024-12-25 (Wednesday); the entry day is not counted.",
            "Rule: 30 working days.",
            "Skipped 元旦 / New Year's Day: 2025-01-01 (1 day).",
            "Skipped 春节 / Spring Festival: 2025-01-28 to 2025-02-04 (8 days).",
            "Counted make-up working day 2025-01-26 (Sunday) for 春节 / Spring Festival.",
            "Counted make-up working day 2025-02-08 (Saturday) for 春节 / Spring Festival.",
            "Deadline: 2025-02-12 (Wednesday), ends at 24:00; overdue from 2025-02-13.",
        ])
    }

    @Test("An explanation states the days not counted for a suspension, with the reason")
    func suspensionExplanation() throws {
        let calendar = try ShippedCalendars.mainland()
        let spans = [try suspension("2025-03-05", "2025-03-07", "litigation"), try suspension("2025-03-10", "2025-03-11", "owner objection")]
        let reckoning = try calendar.deadline(entered: try day("2025-03-03"), period: .workingDays(5), suspensions: spans)
        #expect(reckoning.explanation == [
            "Entered on 2025-03-03 (Monday); the entry day is not counted.",
            "Rule: 5 working days.",
            "Not counted: 2 days suspended (litigation) from 2025-03-05 to 2025-03-06.",
            "Not counted: 1 day suspended (owner objection) on 2025-03-10.",
            "Deadline: 2025-03-13 (Thursday), ends at 24:00; overdue from 2025-03-14.",
        ])
    }

    @Test("A calendar-day explanation shows the plain end, the move off the holiday and the holiday passed over")
    func calendarDayExplanation() throws {
        let calendar = try ShippedCalendars.mainland()
        let reckoning = try calendar.deadline(entered: try day("2025-01-20"), period: .days(10), suspensions: [])
        #expect(reckoning.explanation == [
            "Entered on 2025-01-20 (Monday); the entry day is not counted.",
            "Rule: 10 days; a last day that is not a working day moves to the next working day.",
            "2025-01-20 + 10 days = 2025-01-30 (Thursday).",
            "2025-01-30 (Thursday) is not a working day; moved forward to 2025-02-05 (Wednesday).",
            "Skipped 春节 / Spring Festival: 2025-01-30 to 2025-02-04 (6 days).",
            "Deadline: 2025-02-05 (Wednesday), ends at 24:00; overdue from 2025-02-06.",
        ])
    }

    @Test("A month explanation says when the month had no such day, and shows the extension for a suspension")
    func monthExplanation() throws {
        let calendar = try ShippedCalendars.mainland()
        let spans = [try suspension("2024-11-04", "2024-11-06", "litigation")]
        let reckoning = try calendar.deadline(entered: try day("2024-10-31"), period: .months(1), suspensions: spans)
        #expect(reckoning.explanation == [
            "Entered on 2024-10-31 (Thursday); the entry day is not counted.",
            "Rule: 1 month; a last day that is not a working day moves to the next working day.",
            "2024-10-31 + 1 month = 2024-11-30 (Saturday), the last day of that month.",
            "Not counted: 2 days suspended (litigation) from 2024-11-04 to 2024-11-05.",
            "Extended by 2 days for the suspension, to 2024-12-02 (Monday).",
            "Deadline: 2024-12-02 (Monday), ends at 24:00; overdue from 2024-12-03.",
        ])
    }

    @Test("Every holiday a long period skips is named in its explanation", arguments: ["2024-03-20", "2025-04-01", "2024-12-20"])
    func everySkippedHolidayIsNamed(entered: String) throws {
        let calendar = try ShippedCalendars.mainland()
        let reckoning = try calendar.deadline(entered: try day(entered), period: .workingDays(60), suspensions: [])
        let names = Set(reckoning.holidaysSkipped.map(\.name))
        #expect(names.count >= 2)
        for name in names {
            let days = reckoning.holidaysSkipped.filter { $0.name == name }.map(\.date)
            let first = try #require(days.min())
            let last = try #require(days.max())
            let dates = first == last ? "\(first)" : "\(first) to \(last)"
            #expect(reckoning.explanation.contains("Skipped \(name): \(dates) (\(days.count == 1 ? "1 day" : "\(days.count) days"))."))
        }
    }
}
