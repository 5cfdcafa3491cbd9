/// Where a calendar's years stand: which have an official notice file, which are computed
/// provisionally, and whether next year's notice is overdue to be added.
public struct CalendarYearStatus: Hashable, Sendable {
    public enum Standing: String, Sendable {
        /// From a year file: a State Council notice.
        case official
        /// Computed from the statutory holidays (no notice yet).
        case provisional
    }

    public let year: Int
    public let standing: Standing
    /// The year file, for an official year.
    public let file: String?

    /// The State Council publishes next year's holidays in October or November; from this day of
    /// the year on, a missing next year is worth a warning.
    public static let noticeExpectedFrom = (month: 10, day: 1)

    /// Every official year, and each provisional year from the first year after the official
    /// ones (or this year, if later) through next year.
    public static func years(of calendar: WorkingCalendar, today: CivilDate) -> [CalendarYearStatus] {
        var statuses = calendar.years.map { CalendarYearStatus(year: $0, standing: .official, file: calendar.file(of: $0)) }
        let first = (calendar.years.first).map { min($0, today.year) } ?? today.year
        for year in first...(today.year + 1) where calendar.isProvisional(year) {
            statuses.append(CalendarYearStatus(year: year, standing: .provisional, file: nil))
        }
        return statuses.sorted { $0.year < $1.year }
    }

    /// Warnings about missing notices as of `today`: this year without a notice file, and from
    /// 1 October next year without one.
    public static func warnings(of calendar: WorkingCalendar, today: CivilDate) -> [String] {
        var warnings: [String] = []
        let official = Set(calendar.years)
        func missing(_ year: Int) -> String {
            let fallback = calendar.isProvisional(year)
                ? "its deadlines are provisional, computed from 《全国年节及纪念日放假办法》"
                : "deadlines that reach it cannot be computed"
            return "calendar \(calendar.id) has no official schedule for \(year) (\(calendar.id)-\(year).yaml); \(fallback)"
        }
        if !official.contains(today.year) { warnings.append(missing(today.year)) }
        let noticeDue = (today.month, today.day) >= (noticeExpectedFrom.month, noticeExpectedFrom.day)
        if noticeDue, !official.contains(today.year + 1) {
            warnings.append(missing(today.year + 1) + "; add the State Council notice once it is published")
        }
        return warnings
    }
}
