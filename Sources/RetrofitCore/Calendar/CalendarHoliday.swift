/// A run of statutory days off, as one year's notice lists it.
public struct CalendarHoliday: Hashable, Sendable {
    /// Chinese and English name, e.g. `春节 / Spring Festival`.
    public let name: String
    /// The first day off.
    public let from: CivilDate
    /// The last day off (inclusive).
    public let to: CivilDate

    public init(name: String, from: CivilDate, to: CivilDate) {
        self.name = name
        self.from = from
        self.to = to
    }

    /// How many days off, weekend days included.
    public var dayCount: Int { from.days(until: to) + 1 }

    /// Every day off, in order.
    public var days: [CivilDate] { (0..<dayCount).map { from.adding(days: $0) } }
}

/// A weekend day worked instead of a holiday day (调休上班): it counts as a working day.
public struct CalendarMakeUpDay: Hashable, Sendable {
    public let date: CivilDate
    /// The holiday it makes up for, as named in the same year's `holidays`.
    public let holiday: String

    public init(date: CivilDate, holiday: String) {
        self.date = date
        self.holiday = holiday
    }
}

/// One year's data of a calendar: one `calendars/ID-YEAR.yaml` file.
struct CalendarYear: Sendable {
    let year: Int
    let source: String
    let file: String
    let holidays: [CalendarHoliday]
    let makeUpWorkingDays: [CalendarMakeUpDay]
    /// Computed from the law because no notice is published yet (``StatutoryHolidays``).
    var isProvisional = false
}
