import RetrofitCore

/// Counts working days in one calendar, collecting what it could not count instead of failing,
/// so one year missing from a calendar leaves a note rather than no report.
struct WorkingDayCounter {
    let calendar: WorkingCalendar
    /// One sentence per distinct problem, e.g. a calendar year without data.
    private(set) var problems: [String] = []

    /// The calendar's table of working days: each count is two look-ups instead of a walk.
    private let table: WorkingDayTable

    init(_ calendar: WorkingCalendar) {
        self.calendar = calendar
        table = calendar.workingDayTable
    }

    /// Working days `d` with `start < d <= end`, suspended days not counted; nil when the calendar cannot say.
    mutating func days(after start: CivilDate, through end: CivilDate, suspensions: [SuspendedSpan]) -> Int? {
        guard start < end else { return 0 }
        // As WorkingCalendar.countWorkingDays counts, which the projections' stored counts come from.
        if let count = table.count(after: start, through: end, suspensions: suspensions) { return count }
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

    private mutating func note(_ problem: String) {
        if !problems.contains(problem) { problems.append(problem) }
    }
}
