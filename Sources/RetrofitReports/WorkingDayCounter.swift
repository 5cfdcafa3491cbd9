import RetrofitCore

/// Counts working days in one calendar, collecting what it could not count instead of failing,
/// so one year missing from a calendar leaves a note rather than no report.
struct WorkingDayCounter {
    let calendar: WorkingCalendar
    /// One sentence per distinct problem, e.g. a calendar year without data.
    private(set) var problems: [String] = []

    /// Working days up to and including each day of the calendar's years: `cumulative[d - firstDay]`.
    /// Reports count hundreds of thousands of visits; this makes each count two lookups instead of a walk.
    private let cumulative: [Int]
    private let firstDay: Int

    init(_ calendar: WorkingCalendar) {
        self.calendar = calendar
        var cumulative: [Int] = []
        var firstDay = 0
        if let first = calendar.years.first, let last = calendar.years.last,
           let start = CivilDate(year: first, month: 1, day: 1), let end = CivilDate(year: last, month: 12, day: 31),
           calendar.years.count == last - first + 1 {
            firstDay = start.dayNumber
            var total = 0
            cumulative.reserveCapacity(end.dayNumber - firstDay + 1)
            for day in firstDay...end.dayNumber {
                if (try? calendar.isWorkingDay(CivilDate(dayNumber: day))) == true { total += 1 }
                cumulative.append(total)
            }
        }
        self.cumulative = cumulative
        self.firstDay = firstDay
    }

    /// Working days `d` with `start < d <= end`, suspended days not counted; nil when the calendar cannot say.
    mutating func days(after start: CivilDate, through end: CivilDate, suspensions: [SuspendedSpan]) -> Int? {
        guard start < end else { return 0 }
        if let count = tableCount(after: start, through: end, suspensions: suspensions) { return count }
        do {
            return try calendar.workingDays(after: start, through: end, suspensions: suspensions)
        } catch {
            note("\(error)")
            return nil
        }
    }

    /// The day `period` after `start` ends (suspensions skipped); `start` itself for an empty period; nil when the calendar cannot say.
    mutating func end(of period: Period, after start: CivilDate, suspensions: [SuspendedSpan]) -> CivilDate? {
        guard period.count > 0 else { return start }
        do {
            return try calendar.deadline(entered: start, period: period, suspensions: suspensions).deadline
        } catch {
            note("\(error)")
            return nil
        }
    }

    /// The count from the table, or nil when a day falls outside the calendar's years (the calendar then says why).
    private func tableCount(after start: CivilDate, through end: CivilDate, suspensions: [SuspendedSpan]) -> Int? {
        func upTo(_ day: Int) -> Int? {
            let index = day - firstDay
            return index >= 0 && index < cumulative.count ? cumulative[index] : nil
        }
        guard let total = upTo(end.dayNumber), let before = upTo(start.dayNumber) else { return nil }
        var count = total - before
        // Suspended days are not counted: subtract the working days of each suspension's part of
        // (start, end], merging overlapping suspensions so no day is subtracted twice.
        var covered = start.dayNumber   // days up to here are already outside the count
        for span in suspensions.count > 1 ? suspensions.sorted(by: { $0.from < $1.from }) : suspensions {
            let from = max(span.from.dayNumber - 1, covered)
            let through = min(span.until.dayNumber - 1, end.dayNumber)
            guard through > from, let upper = upTo(through), let lower = upTo(from) else { continue }
            count -= upper - lower
            covered = through
        }
        return count
    }

    private mutating func note(_ problem: String) {
        if !problems.contains(problem) { problems.append(problem) }
    }
}
