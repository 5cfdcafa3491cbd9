import Synchronization

/// Working days up to and including each day of a calendar's official years: counting the working
/// days between two of those days costs two look-ups instead of a walk. Reports count hundreds of
/// thousands of stage visits, and the projections store each closed visit's count; both count with
/// ``WorkingCalendar/countWorkingDays(after:through:suspensions:)``, so they agree to the day.
public struct WorkingDayTable: Sendable {
    /// `cumulative[d - firstDay]`: the working days from `firstDay` through day number `d`.
    private let cumulative: [Int]
    private let firstDay: Int

    /// A table of the calendar's official years when they follow each other; empty otherwise.
    init(_ calendar: WorkingCalendar) {
        var cumulative: [Int] = []
        var firstDay = 0
        let years = calendar.years
        if let first = years.first, let last = years.last,
           let start = CivilDate(year: first, month: 1, day: 1), let end = CivilDate(year: last, month: 12, day: 31),
           years.count == last - first + 1 {
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

    /// Working days `d` with `start < d <= end`, suspended days not counted; nil when a day falls
    /// outside the table (the calendar itself then answers, or says why it cannot).
    public func count(after start: CivilDate, through end: CivilDate, suspensions: [SuspendedSpan]) -> Int? {
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
}

/// A calendar's table, built the first time a count asks for it (a command that counts nothing pays nothing).
final class WorkingDayTableCache: Sendable {
    private let table = Mutex<WorkingDayTable?>(nil)

    func table(of calendar: WorkingCalendar) -> WorkingDayTable {
        if let built = table.withLock({ $0 }) { return built }
        let built = WorkingDayTable(calendar)
        table.withLock { $0 = built }
        return built
    }
}

extension WorkingCalendar {
    /// The table of this calendar's official years (built once, shared by copies of the calendar).
    public var workingDayTable: WorkingDayTable { dayTable.table(of: self) }

    /// Working days `d` with `start < d <= end`, suspended days not counted: from the table of the
    /// official years when both ends lie in them, otherwise day by day (``workingDays(after:through:suspensions:)``).
    ///
    /// - Throws: what ``workingDays(after:through:suspensions:)`` throws, when the table cannot answer.
    public func countWorkingDays(after start: CivilDate, through end: CivilDate,
                                 suspensions: [SuspendedSpan]) throws(CalendarError) -> Int {
        guard start < end else { return 0 }
        if let count = workingDayTable.count(after: start, through: end, suspensions: suspensions) { return count }
        return try workingDays(after: start, through: end, suspensions: suspensions)
    }
}
