import RetrofitCore

extension RetrofitApp {
    /// A year's holidays and make-up working days.
    public func calendarYear(_ request: CalendarYearRequest, by actor: Actor) async throws(AppError) -> CalendarYearResult {
        try authorize(.readCatalog, by: actor)
        let calendar = try workingCalendar(request.calendarID)
        let year = request.year
        // A year the calendar has no data for is a thing asked for that does not exist.
        let holidays = try calendarCall(missing: .notFound) { () throws(CalendarError) in try calendar.holidays(in: year) }
        let makeUps = try calendarCall(missing: .notFound) { () throws(CalendarError) in try calendar.makeUpWorkingDays(in: year) }
        return CalendarYearResult(
            calendar: calendar.id, title: calendar.title, year: year, provisional: calendar.isProvisional(year), file: calendar.file(of: year),
            source: (try? calendar.source(of: year)) ?? "",
            holidays: holidays.map { .init(name: $0.name, from: $0.from, to: $0.to, days: $0.dayCount) },
            makeUpWorkingDays: makeUps.map { .init(date: $0.date, holiday: $0.holiday) })
    }

    /// Each calendar's years, official or provisional, as of the clock's day, with warnings of missing notices.
    public func calendarStatus(_ request: CalendarStatusRequest, by actor: Actor) async throws(AppError) -> CalendarStatusResult {
        try authorize(.readCatalog, by: actor)
        let today = now.date
        let calendars: [WorkingCalendar]
        if let id = request.calendarID {
            calendars = [try workingCalendar(id)]
        } else {
            calendars = try environment.loadCalendars().values.sorted { $0.id < $1.id }
        }
        var warnings: [String] = []
        var results: [CalendarStatusResult.Calendar] = []
        for calendar in calendars {
            warnings += CalendarYearStatus.warnings(of: calendar, today: today)
            results.append(.init(calendar: calendar.id, title: calendar.title, provisionalRule: calendar.followsStatutoryHolidays,
                                 years: CalendarYearStatus.years(of: calendar, today: today).map {
                                     .init(year: $0.year, status: $0.standing.rawValue, file: $0.file)
                                 }))
        }
        return CalendarStatusResult(today: today, calendars: results, warnings: warnings)
    }

    /// The deadline of a stage entered on a day (not counted), and why.
    public func deadline(_ request: DeadlineRequest, by actor: Actor) async throws(AppError) -> DeadlineResult {
        try authorize(.readCatalog, by: actor)
        let calendar = try workingCalendar(request.calendarID)
        let reckoning = try calendarCall { () throws(CalendarError) in
            try calendar.deadline(entered: request.entered, period: request.period, suspensions: [])
        }
        return DeadlineResult(deadline: reckoning.deadline, overdueFrom: reckoning.overdueFrom, deadlineProvisional: reckoning.isProvisional,
                              explanation: reckoning.explanation)
    }

    /// The working days after `from` up to and including `through`.
    public func workingDays(_ request: WorkingDaysRequest, by actor: Actor) async throws(AppError) -> WorkingDaysResult {
        try authorize(.readCatalog, by: actor)
        let calendar = try workingCalendar(request.calendarID)
        let count = try calendarCall { () throws(CalendarError) in
            try calendar.workingDays(after: request.from, through: request.through, suspensions: [])
        }
        return WorkingDaysResult(workingDays: count, calendarDays: request.from.days(until: request.through))
    }

    /// The calendar in force with this id.
    func workingCalendar(_ id: String) throws(AppError) -> WorkingCalendar {
        let calendars = try environment.loadCalendars()
        guard let calendar = calendars[id] else {
            throw .badInput("unknown calendar '\(id)'; available: \(calendars.keys.sorted().joined(separator: ", "))")
        }
        return calendar
    }
}

private func calendarCall<T>(missing: AppError.Category? = nil, _ body: () throws(CalendarError) -> T) throws(AppError) -> T {
    do { return try body() } catch {
        guard let missing else { throw AppError(error) }
        throw AppError(missing, error.description)
    }
}
