extension WorkingCalendar {
    /// The last day of a period that starts when a stage is entered on `entered` (DOMAIN.md §4).
    ///
    /// The entry day is never counted. *N working days* ends on the N-th working day after it.
    /// *N days* ends on entry + N, and *N months* on the same day-of-month N months later (or
    /// that month's last day); either is then extended by one day for each suspended day after
    /// entry, and moved forward to the next working day on which the case is not suspended.
    /// Suspended days (`from..<until` of each span) are never counted; those on or before the
    /// entry day change nothing, and so does a span that resumes the day it began.
    ///
    /// - Parameters:
    ///   - entered: The day the stage was entered.
    ///   - period: How long the stage may take; its count must be 1 to ``Period/maximumCount``.
    ///   - suspensions: When the case's clock stood still, in any order; spans may overlap.
    /// - Returns: The deadline with the holidays, make-up days and suspended days behind it.
    /// - Throws: ``CalendarError/missingYear(calendar:year:)`` when a day the reckoning needs
    ///   lies in a year without data (counting may cross into the next year);
    ///   ``CalendarError/periodNotPositive(_:)``, ``CalendarError/periodTooLong(_:)`` and
    ///   ``CalendarError/suspensionEndsBeforeStart(_:)`` for bad inputs.
    public func deadline(
        entered: CivilDate, period: Period, suspensions: [SuspendedSpan]
    ) throws(CalendarError) -> DeadlineReckoning {
        guard period.count >= 1 else { throw .periodNotPositive(period) }
        guard period.count <= Period.maximumCount else { throw .periodTooLong(period) }
        let timeline = try SuspensionTimeline(suspensions, after: entered)
        var reckoning: DeadlineReckoning
        switch period.unit {
        case .workingDays:
            reckoning = try countWorkingDays(entered: entered, period: period, timeline: timeline)
        case .days:
            let plainEnd = entered.adding(days: period.count)
            reckoning = try moveToWorkingDay(entered: entered, period: period, plainEnd: plainEnd, timeline: timeline)
        case .months:
            let plainEnd = try monthsLater(entered, period.count)
            reckoning = try moveToWorkingDay(entered: entered, period: period, plainEnd: plainEnd, timeline: timeline)
        }
        reckoning.provisionalYears = provisionalYears(after: entered, through: reckoning.deadline)
        return reckoning
    }

    /// The provisional years among those of the days after `start` up to `end`.
    public func provisionalYears(after start: CivilDate, through end: CivilDate) -> [Int] {
        guard followsStatutoryHolidays, start < end else { return [] }
        return (start.adding(days: 1).year...end.year).filter { isProvisional($0) }
    }

    /// How many working days `d` there are with `start < d <= end`, not counting suspended
    /// days; 0 when `end <= start`.
    ///
    /// For a working-day deadline, `workingDays(after: entered, through: deadline)` is the period's count.
    ///
    /// - Throws: ``CalendarError/missingYear(calendar:year:)`` when a day in the range lies in a
    ///   year without data; ``CalendarError/suspensionEndsBeforeStart(_:)`` for a bad span.
    public func workingDays(
        after start: CivilDate, through end: CivilDate, suspensions: [SuspendedSpan]
    ) throws(CalendarError) -> Int {
        guard start < end else { return 0 }
        let timeline = try SuspensionTimeline(suspensions, after: start)
        var count = 0
        for dayNumber in (start.dayNumber + 1)...end.dayNumber {
            let date = CivilDate(dayNumber: dayNumber)
            if try isWorkingDay(date), timeline.reason(on: date) == nil { count += 1 }
        }
        return count
    }

    private func countWorkingDays(
        entered: CivilDate, period: Period, timeline: SuspensionTimeline
    ) throws(CalendarError) -> DeadlineReckoning {
        var date = entered
        var counted = 0
        var holidays: [NamedDay] = []
        var makeUpDays: [NamedDay] = []
        while counted < period.count {
            date = date.adding(days: 1)
            let kind = try kind(of: date)
            guard timeline.reason(on: date) == nil else { continue }
            switch kind {
            case .workingDay: counted += 1
            case let .makeUpWorkingDay(name):
                counted += 1
                makeUpDays.append(NamedDay(date: date, name: name))
            case let .holiday(name): holidays.append(NamedDay(date: date, name: name))
            case .weekend: break
            }
        }
        return DeadlineReckoning(
            entered: entered, period: period, deadline: date, holidaysSkipped: holidays,
            makeUpWorkingDaysCounted: makeUpDays, suspendedDays: timeline.suspendedDays(through: date),
            rolledForwardFrom: nil, plainEnd: nil
        )
    }

    private func moveToWorkingDay(
        entered: CivilDate, period: Period, plainEnd: CivilDate, timeline: SuspensionTimeline
    ) throws(CalendarError) -> DeadlineReckoning {
        let extendedEnd = timeline.nthRunningDay(after: entered, count: entered.days(until: plainEnd))
        var date = extendedEnd
        var holidays: [NamedDay] = []
        var makeUpDays: [NamedDay] = []
        // Also step over suspended days: a case must not fall due, or go overdue, while its clock stands still.
        while true {
            let kind = try kind(of: date)
            let running = timeline.reason(on: date) == nil
            if running, kind.isWorkingDay {
                if case let .makeUpWorkingDay(name) = kind { makeUpDays.append(NamedDay(date: date, name: name)) }
                break
            }
            if running, case let .holiday(name) = kind { holidays.append(NamedDay(date: date, name: name)) }
            date = date.adding(days: 1)
        }
        return DeadlineReckoning(
            entered: entered, period: period, deadline: date, holidaysSkipped: holidays,
            makeUpWorkingDaysCounted: makeUpDays, suspendedDays: timeline.suspendedDays(through: date),
            rolledForwardFrom: date == extendedEnd ? nil : extendedEnd, plainEnd: plainEnd
        )
    }

    /// The same day-of-month `count` months after `date`, or that month's last day.
    private func monthsLater(_ date: CivilDate, _ count: Int) throws(CalendarError) -> CivilDate {
        let monthIndex = date.year * 12 + (date.month - 1) + count
        let year = monthIndex / 12
        let month = monthIndex % 12 + 1
        // CivilDate stops at year 9999; a calendar never has data that far, so say which year is missing.
        let day = min(date.day, CivilDate.daysInMonth(year: year, month: month))
        guard let end = CivilDate(year: year, month: month, day: day) else {
            throw .missingYear(calendar: id, year: year)
        }
        return end
    }
}
