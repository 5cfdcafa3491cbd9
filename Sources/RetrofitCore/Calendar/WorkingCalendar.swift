import Synchronization

/// A working-day calendar: which days are working days, year by year, loaded from data files.
///
/// A calendar answers for the years it has data for. A calendar that follows the statutory
/// holidays (`provisional: statutory-holidays`) also answers, provisionally, for the years
/// ``StatutoryHolidays/firstYear`` to ``StatutoryHolidays/lastYear`` without a file; any other
/// date throws ``CalendarError/missingYear(calendar:year:)``. Load one with ``load(id:files:)``.
public struct WorkingCalendar: Sendable {
    /// The calendar's id, e.g. `cn-mainland`; workflows name their calendar by it.
    public let id: String
    /// Chinese and English title.
    public let title: String
    /// Default due-soon window, in working days before a deadline.
    public let warnBefore: Int

    let yearData: [Int: CalendarYear]
    let holidayByDayNumber: [Int: String]
    let makeUpByDayNumber: [Int: String]
    /// Whether years without a file are computed from the statutory holidays.
    public let followsStatutoryHolidays: Bool
    private let provisionalYears = ProvisionalYearCache()
    let dayTable = WorkingDayTableCache()

    init(id: String, title: String, warnBefore: Int, years: [CalendarYear], followsStatutoryHolidays: Bool = false) {
        self.id = id
        self.followsStatutoryHolidays = followsStatutoryHolidays
        self.title = title
        self.warnBefore = warnBefore
        var yearData: [Int: CalendarYear] = [:]
        var holidays: [Int: String] = [:]
        var makeUps: [Int: String] = [:]
        for year in years {
            yearData[year.year] = year
            for holiday in year.holidays {
                for day in holiday.days { holidays[day.dayNumber] = holiday.name }
            }
            for makeUp in year.makeUpWorkingDays { makeUps[makeUp.date.dayNumber] = makeUp.holiday }
        }
        self.yearData = yearData
        holidayByDayNumber = holidays
        makeUpByDayNumber = makeUps
    }

    /// The years this calendar has data files for (official years), in order.
    public var years: [Int] { yearData.keys.sorted() }

    /// Whether `year` is computed provisionally: no file for it, and the statutory holidays apply.
    public func isProvisional(_ year: Int) -> Bool { provisionalYear(year) != nil }

    /// The file `year`'s data comes from; nil for a provisional year or one without data.
    public func file(of year: Int) -> String? { yearData[year]?.file }

    private func provisionalYear(_ year: Int) -> CalendarYear? {
        guard followsStatutoryHolidays, yearData[year] == nil else { return nil }
        return provisionalYears.year(year)?.data
    }

    /// What kind of day `date` is.
    ///
    /// - Throws: ``CalendarError/missingYear(calendar:year:)`` when the calendar has no data for
    ///   the date's year.
    public func kind(of date: CivilDate) throws(CalendarError) -> DayKind {
        if yearData[date.year] == nil {
            guard followsStatutoryHolidays, let provisional = provisionalYears.year(date.year) else {
                throw .missingYear(calendar: id, year: date.year)
            }
            // A notice may put a make-up working day in the year after its own.
            if let holiday = makeUpByDayNumber[date.dayNumber] { return .makeUpWorkingDay(holiday) }
            if let holiday = provisional.holidayByDayNumber[date.dayNumber] { return .holiday(holiday) }
            return date.isWeekend ? .weekend : .workingDay
        }
        if let holiday = makeUpByDayNumber[date.dayNumber] { return .makeUpWorkingDay(holiday) }
        if let holiday = holidayByDayNumber[date.dayNumber] { return .holiday(holiday) }
        return date.isWeekend ? .weekend : .workingDay
    }

    /// Whether `date` is a working day: Monday to Friday and not a holiday, or a make-up
    /// working day.
    ///
    /// - Throws: ``CalendarError/missingYear(calendar:year:)`` for a year without data.
    public func isWorkingDay(_ date: CivilDate) throws(CalendarError) -> Bool {
        try kind(of: date).isWorkingDay
    }

    /// The holidays of `year`, in date order.
    ///
    /// - Throws: ``CalendarError/missingYear(calendar:year:)`` for a year without data.
    public func holidays(in year: Int) throws(CalendarError) -> [CalendarHoliday] {
        try data(for: year).holidays
    }

    /// The make-up working days listed in `year`'s notice, in date order.
    ///
    /// - Throws: ``CalendarError/missingYear(calendar:year:)`` for a year without data.
    public func makeUpWorkingDays(in year: Int) throws(CalendarError) -> [CalendarMakeUpDay] {
        try data(for: year).makeUpWorkingDays
    }

    /// Where `year`'s data comes from, e.g. the State Council notice's title.
    ///
    /// - Throws: ``CalendarError/missingYear(calendar:year:)`` for a year without data.
    public func source(of year: Int) throws(CalendarError) -> String {
        try data(for: year).source
    }

    private func data(for year: Int) throws(CalendarError) -> CalendarYear {
        guard let data = yearData[year] ?? provisionalYear(year) else { throw .missingYear(calendar: id, year: year) }
        return data
    }
}

/// Provisional years, computed once each when first asked for (lunar dates cost Foundation calls).
private final class ProvisionalYearCache: Sendable {
    struct Year: Sendable {
        let data: CalendarYear
        let holidayByDayNumber: [Int: String]
    }

    private let years = Mutex<[Int: Year]>([:])

    /// The provisional year, or nil outside the years the statutory holidays are computed for.
    func year(_ year: Int) -> Year? {
        if let known = years.withLock({ $0[year] }) { return known }
        guard let data = StatutoryHolidays.provisionalYear(year) else { return nil }
        var holidays: [Int: String] = [:]
        for holiday in data.holidays {
            for day in holiday.days { holidays[day.dayNumber] = holiday.name }
        }
        let computed = Year(data: data, holidayByDayNumber: holidays)
        years.withLock { $0[year] = computed }
        return computed
    }
}
