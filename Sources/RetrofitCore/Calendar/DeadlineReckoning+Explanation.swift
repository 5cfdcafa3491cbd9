extension DeadlineReckoning {
    /// How the deadline was reached, in plain English lines, e.g.
    /// `Skipped 春节 / Spring Festival: 2025-01-28 to 2025-02-04 (8 days).`
    public var explanation: [String] {
        var lines = [
            "Entered on \(CalendarWording.dated(entered)); the entry day is not counted.",
            period.unit == .workingDays
                ? "Rule: \(period)."
                : "Rule: \(period); a last day that is not a working day moves to the next working day.",
        ]
        if let plainEnd {
            let clamped = period.unit == .months && plainEnd.day != entered.day
            lines.append(
                "\(entered) + \(period) = \(CalendarWording.dated(plainEnd))"
                    + (clamped ? ", the last day of that month." : ".")
            )
        }
        let holidayLines = runs(holidaysSkipped.map { ($0.date, $0.name) }).map { run in
            "Skipped \(run.label): \(CalendarWording.span(run.first, run.last)) (\(CalendarWording.days(run.count)))."
        }
        if period.unit == .workingDays { lines += holidayLines }
        lines += makeUpWorkingDaysCounted.map {
            "Counted make-up working day \(CalendarWording.dated($0.date)) for \($0.name)."
        }
        lines += runs(suspendedDays.map { ($0.date, $0.reason) }).map { run in
            let when = run.count == 1 ? "on \(run.first)" : "from \(run.first) to \(run.last)"
            return "Not counted: \(CalendarWording.days(run.count)) suspended (\(run.label)) \(when)."
        }
        if let plainEnd {
            let extendedEnd = rolledForwardFrom ?? deadline
            let extraDays = plainEnd.days(until: extendedEnd)
            if extraDays > 0 {
                lines.append(
                    "Extended by \(CalendarWording.days(extraDays)) for the suspension, "
                        + "to \(CalendarWording.dated(extendedEnd))."
                )
            }
            if let rolledForwardFrom {
                lines.append(
                    "\(CalendarWording.dated(rolledForwardFrom)) is not a working day; "
                        + "moved forward to \(CalendarWording.dated(deadline))."
                )
            }
            lines += holidayLines
        }
        lines.append(
            "Deadline: \(CalendarWording.dated(deadline)), ends at 24:00; overdue from \(overdueFrom)."
        )
        if isProvisional {
            lines.append(provisionalNote)
        }
        return lines
    }

    /// Says which years were computed from the law, e.g. `Provisional: 2027 has no State Council notice yet; …`.
    public var provisionalNote: String {
        let years = provisionalYears.map { "\($0)" }.joined(separator: ", ")
        let verb = provisionalYears.count == 1 ? "has" : "have"
        return "Provisional: \(years) \(verb) no State Council notice yet; its days off are computed from "
            + "《全国年节及纪念日放假办法》 without make-up working days, and the deadline may move when the notice is added."
    }

    /// Consecutive days with the same label, grouped.
    private typealias Run = (label: String, first: CivilDate, last: CivilDate, count: Int)

    private func runs(_ days: [(date: CivilDate, label: String)]) -> [Run] {
        var runs: [Run] = []
        for day in days {
            if let last = runs.last, last.label == day.label, last.last.adding(days: 1) == day.date {
                runs[runs.count - 1] = (last.label, last.first, day.date, last.count + 1)
            } else {
                runs.append((day.label, day.date, day.date, 1))
            }
        }
        return runs
    }
}
