import RetrofitCore
import Testing

@Suite("Deadline properties over random stages")
struct CalendarDeadlinePropertyTests: CalendarTestHelpers {
    static let seed: UInt64 = 0x5EED_2025_0128_CA1E
    static let caseCount = 400

    /// Random entry days from 2024-01-01 through 2026-10-31, so 30 working days stay inside 2026.
    private func randomStage(_ generator: inout SplitMix64) throws -> (entered: CivilDate, count: Int) {
        let first = try day("2024-01-01").dayNumber
        let last = try day("2026-10-31").dayNumber
        return (CivilDate(dayNumber: Int.random(in: first...last, using: &generator)), Int.random(in: 1...30, using: &generator))
    }

    @Test("A working-day deadline is a working day after entry with exactly N working days up to it")
    func workingDayDeadlineProperties() throws {
        print("CalendarDeadlinePropertyTests seed: 0x\(String(Self.seed, radix: 16, uppercase: true))")
        let calendar = try ShippedCalendars.mainland()
        var generator = SplitMix64(seed: Self.seed)
        for _ in 0..<Self.caseCount {
            let (entered, count) = try randomStage(&generator)
            let deadline = try calendar.deadline(entered: entered, period: .workingDays(count), suspensions: []).deadline
            let stage = "entered \(entered), \(count) working days, deadline \(deadline)"
            #expect(try calendar.isWorkingDay(deadline), "\(stage)")
            #expect(deadline > entered, "\(stage)")
            #expect(try calendar.workingDays(after: entered, through: deadline, suspensions: []) == count, "\(stage)")
            #expect(try calendar.workingDays(after: entered, through: deadline.adding(days: -1), suspensions: []) == count - 1,
                    "\(stage): no earlier day would do")
        }
    }

    @Test("With a random suspension, the deadline is a running working day and the count still holds")
    func suspendedWorkingDayDeadlineProperties() throws {
        print("CalendarDeadlinePropertyTests seed: 0x\(String(Self.seed, radix: 16, uppercase: true))")
        let calendar = try ShippedCalendars.mainland()
        var generator = SplitMix64(seed: Self.seed ^ 0xFFFF)
        for _ in 0..<Self.caseCount {
            let (entered, count) = try randomStage(&generator)
            let from = entered.adding(days: Int.random(in: -5...20, using: &generator))
            let span = SuspendedSpan(from: from, until: from.adding(days: Int.random(in: 0...10, using: &generator)), reason: "test")
            let deadline = try calendar.deadline(entered: entered, period: .workingDays(count), suspensions: [span]).deadline
            let stage = "entered \(entered), \(count) working days, suspended \(span.from)..<\(span.until), deadline \(deadline)"
            #expect(try calendar.isWorkingDay(deadline) && !span.contains(deadline), "\(stage)")
            #expect(try calendar.workingDays(after: entered, through: deadline, suspensions: [span]) == count, "\(stage)")
            #expect(try calendar.workingDays(after: entered, through: deadline.adding(days: -1), suspensions: [span]) == count - 1,
                    "\(stage): no earlier day would do")
        }
    }

    @Test("A calendar-day deadline is the first running working day on or after entry + N + suspended days")
    func calendarDayDeadlineProperties() throws {
        print("CalendarDeadlinePropertyTests seed: 0x\(String(Self.seed, radix: 16, uppercase: true))")
        let calendar = try ShippedCalendars.mainland()
        var generator = SplitMix64(seed: Self.seed ^ 0xFFFF_0000)
        for _ in 0..<Self.caseCount {
            let (entered, count) = try randomStage(&generator)
            let from = entered.adding(days: Int.random(in: -5...20, using: &generator))
            let span = SuspendedSpan(from: from, until: from.adding(days: Int.random(in: 0...10, using: &generator)), reason: "test")
            let reckoning = try calendar.deadline(entered: entered, period: .days(count), suspensions: [span])
            let deadline = reckoning.deadline
            let stage = "entered \(entered), \(count) days, suspended \(span.from)..<\(span.until), deadline \(deadline)"
            #expect(try calendar.isWorkingDay(deadline) && !span.contains(deadline), "\(stage)")
            let runningDays = (entered.dayNumber + 1...deadline.dayNumber).filter { !span.contains(CivilDate(dayNumber: $0)) }
            try #require(runningDays.count >= count, "\(stage): at least N running days")
            let lastCounted = CivilDate(dayNumber: runningDays[count - 1])
            var day = lastCounted
            while day < deadline {
                #expect(try !calendar.isWorkingDay(day) || span.contains(day), "\(stage): \(day) could have been the deadline")
                day = day.adding(days: 1)
            }
        }
    }

    /// SplitMix64: a tiny, well-mixed generator, so each run is reproducible from its printed seed.
    private struct SplitMix64: RandomNumberGenerator {
        private var state: UInt64

        init(seed: UInt64) { state = seed }

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var mixed = state
            mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
            mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
            return mixed ^ (mixed >> 31)
        }
    }
}
