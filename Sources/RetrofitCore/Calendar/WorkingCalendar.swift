/// A working-day calendar: which days are working days, year by year, loaded from data files.
///
/// A calendar answers only for years it has data for; any other date throws
/// ``CalendarError/missingYear(calendar:year:)``. Load one with ``load(id:files:)``.
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

    init(id: String, title: String, warnBefore: Int, years: [CalendarYear]) {
        self.id = id
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

    /// The years this calendar has data for, in order.
    public var years: [Int] { yearData.keys.sorted() }

    /// What kind of day `date` is.
    ///
    /// - Throws: ``CalendarError/missingYear(calendar:year:)`` when the calendar has no data for
    ///   the date's year.
    public func kind(of date: CivilDate) throws(CalendarError) -> DayKind {
        guard yearData[date.year] != nil else { throw .missingYear(calendar: id, year: date.year) }
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
        guard let data = yearData[year] else { throw .missingYear(calendar: id, year: year) }
        return data
    }
}
