import RetrofitCore
import Testing

private typealias Example = CalendarSuspensionExample

/// A stage with suspensions (`from..<until` pairs) and its expected last day.
struct CalendarSuspensionExample: Sendable, CustomTestStringConvertible {
    let entered: String
    let period: Period
    let spans: [(String, String)]
    let deadline: String
    let why: String
    var testDescription: String { why }
}

@Suite("Suspension stops the clock")
struct CalendarSuspensionTests: CalendarTestHelpers {
    @Test("Suspended days are not counted and the deadline moves out", arguments: [
        Example(entered: "2025-03-03", period: .workingDays(5), spans: [("2025-03-05", "2025-03-05")],
                deadline: "2025-03-10", why: "suspending and resuming the same day changes nothing (working days)"),
        Example(entered: "2025-03-03", period: .days(10), spans: [("2025-03-07", "2025-03-07")],
                deadline: "2025-03-13", why: "suspending and resuming the same day changes nothing (days)"),
        Example(entered: "2025-03-03", period: .workingDays(5), spans: [("2025-03-05", "2025-03-07")],
                deadline: "2025-03-12", why: "two suspended weekdays add two working days"),
        Example(entered: "2025-01-20", period: .workingDays(10), spans: [("2025-01-27", "2025-02-06")],
                deadline: "2025-02-11", why: "across Spring Festival only the suspended working days move it (working days)"),
        Example(entered: "2025-01-20", period: .days(10), spans: [("2025-01-27", "2025-02-06")],
                deadline: "2025-02-10", why: "across Spring Festival every suspended day moves it (days)"),
        Example(entered: "2025-03-03", period: .workingDays(5),
                spans: [("2025-03-04", "2025-03-05"), ("2025-03-10", "2025-03-12")],
                deadline: "2025-03-13", why: "twice in one stage (working days)"),
        Example(entered: "2025-03-03", period: .days(10),
                spans: [("2025-03-05", "2025-03-07"), ("2025-03-14", "2025-03-16")],
                deadline: "2025-03-17", why: "twice in one stage, the second inside the extension (days)"),
        Example(entered: "2025-03-03", period: .days(10), spans: [("2025-03-05", "2025-03-10")],
                deadline: "2025-03-18", why: "five suspended days extend ten days by five"),
        Example(entered: "2024-01-31", period: .months(1), spans: [("2024-02-05", "2024-02-08")],
                deadline: "2024-03-04", why: "a month extended by three days lands on Sunday and moves to Monday"),
        Example(entered: "2025-03-03", period: .workingDays(5), spans: [("2025-02-20", "2025-03-04")],
                deadline: "2025-03-10", why: "days on or before the entry day never count"),
        Example(entered: "2025-03-03", period: .workingDays(5), spans: [("2025-03-01", "2025-03-05")],
                deadline: "2025-03-11", why: "a suspension begun before entry stops only the days after it"),
        Example(entered: "2025-03-03", period: .workingDays(5),
                spans: [("2025-03-05", "2025-03-07"), ("2025-03-06", "2025-03-08")],
                deadline: "2025-03-13", why: "overlapping suspensions stop each day once"),
        Example(entered: "2025-03-03", period: .workingDays(5), spans: [("2025-03-11", "2025-03-20")],
                deadline: "2025-03-10", why: "a suspension after the deadline changes nothing"),
        Example(entered: "2025-03-03", period: .days(5), spans: [("2025-03-10", "2025-03-12")],
                deadline: "2025-03-12", why: "moving off a weekend also steps over suspended days"),
    ])
    func suspendedDeadline(example: CalendarSuspensionExample) throws {
        let calendar = try ShippedCalendars.mainland()
        let spans = try example.spans.map { try suspension($0.0, $0.1) }
        let reckoning = try calendar.deadline(entered: try day(example.entered), period: example.period, suspensions: spans)
        #expect(reckoning.deadline == (try day(example.deadline)))
        #expect(!spans.contains { $0.contains(reckoning.deadline) }, "a case never falls due while suspended")
    }

    @Test("A reckoning lists the suspended days it did not count, with the reason")
    func suspendedDaysAreListed() throws {
        let calendar = try ShippedCalendars.mainland()
        let spans = [try suspension("2025-01-27", "2025-02-06", "litigation")]
        let reckoning = try calendar.deadline(entered: try day("2025-01-20"), period: .workingDays(10), suspensions: spans)
        #expect(reckoning.suspendedDays.count == 10)
        #expect(reckoning.suspendedDays.first == SuspendedDay(date: try day("2025-01-27"), reason: "litigation"))
        #expect(reckoning.suspendedDays.last == SuspendedDay(date: try day("2025-02-05"), reason: "litigation"))
        #expect(reckoning.holidaysSkipped.isEmpty, "suspended holiday days are listed as suspended, once")
    }

    @Test("A suspension that resumes before it began is refused")
    func suspensionResumingBeforeItBeganIsRefused() throws {
        let calendar = try ShippedCalendars.mainland()
        let span = try suspension("2025-03-05", "2025-03-01")
        #expect(throws: CalendarError.suspensionEndsBeforeStart(span)) {
            try calendar.deadline(entered: try day("2025-03-03"), period: .workingDays(5), suspensions: [span])
        }
        #expect(CalendarError.suspensionEndsBeforeStart(span).description
            == "the suspension (litigation) resumes on 2025-03-01, before it began on 2025-03-05")
    }
}
