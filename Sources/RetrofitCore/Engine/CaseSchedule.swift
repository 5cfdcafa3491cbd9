/// Where a case stands against its stage's clock on a given day: the deadline, the due-soon
/// window, how late it is. Pure: computed from the state, the workflow and the calendar.
public struct CaseSchedule: Sendable, Hashable {
    /// The deadline reckoning; nil when the stage has none, the case is not running, or it could not be computed.
    public let reckoning: DeadlineReckoning?
    /// Why there is no deadline although the stage has one (a calendar year missing).
    public let problem: String?
    /// The first day on which the case counts as due soon.
    public let dueSoonFrom: CivilDate?
    /// True while the clock is stopped: the deadline shown is where it would be if resumed on the as-of day.
    public let isSuspended: Bool
    /// The working days of each of the case's visits, by visit (nil for one still open or one the calendar
    /// cannot count); empty unless made by ``atLastEvent(_:workflow:calendar:)``.
    public private(set) var visitWorkingDays: [VisitWorkingDays?] = []

    public init(reckoning: DeadlineReckoning?, problem: String?, dueSoonFrom: CivilDate?, isSuspended: Bool) {
        self.reckoning = reckoning
        self.problem = problem
        self.dueSoonFrom = dueSoonFrom
        self.isSuspended = isSuspended
    }

    public var deadline: CivilDate? { reckoning?.deadline }

    /// Whether the deadline was computed with a year not yet published (see ``DeadlineReckoning/isProvisional``).
    public var isProvisional: Bool { reckoning?.isProvisional ?? false }

    /// Days past the deadline on `date` (0 when not overdue).
    public func daysLate(on date: CivilDate) -> Int {
        guard let deadline, !isSuspended else { return 0 }
        return max(0, deadline.days(until: date))
    }

    public func isOverdue(on date: CivilDate) -> Bool { daysLate(on: date) > 0 }

    public func isDueSoon(on date: CivilDate) -> Bool {
        guard let deadline, let dueSoonFrom, !isSuspended else { return false }
        return date >= dueSoonFrom && date <= deadline
    }

    /// The schedule of `state` as of `date` (suspensions still running are taken to end that day).
    public static func of(_ state: CaseState, workflow: WorkflowDefinition, calendar: WorkingCalendar, asOf date: CivilDate) -> CaseSchedule {
        guard state.status == .active || state.status == .suspended,
              let stage = workflow.stage(state.stage), let period = stage.deadline, let visit = state.currentVisit else {
            return CaseSchedule(reckoning: nil, problem: nil, dueSoonFrom: nil, isSuspended: state.status == .suspended)
        }
        do {
            let reckoning = try calendar.deadline(entered: visit.enteredAt.date, period: period,
                                                  suspensions: visit.suspendedSpans(asOf: date))
            let warning = stage.warnBefore ?? calendar.warnBefore
            let dueSoonFrom = try firstDueSoonDay(deadline: reckoning.deadline, warnBefore: warning,
                                                  entered: visit.enteredAt.date, calendar: calendar)
            return CaseSchedule(reckoning: reckoning, problem: nil, dueSoonFrom: dueSoonFrom, isSuspended: state.status == .suspended)
        } catch {
            return CaseSchedule(reckoning: nil, problem: "\(error)", dueSoonFrom: nil, isSuspended: state.status == .suspended)
        }
    }

    /// The schedule as of the case's last event, with the working days of each closed visit: what the
    /// projections keep for a case after its events.
    ///
    /// - Parameter first: the first visit to count; those before it are left nil (a write that rewrites
    ///   only the latest visits keeps the counts already stored for the others).
    public static func atLastEvent(_ state: CaseState, workflow: WorkflowDefinition, calendar: WorkingCalendar,
                                   countingFrom first: Int = 0) -> CaseSchedule {
        var schedule = of(state, workflow: workflow, calendar: calendar, asOf: state.lastOccurredAt.date)
        schedule.visitWorkingDays = state.visits.indices.map { index in
            index >= first ? state.visits[index].workingDays(in: calendar) : nil
        }
        return schedule
    }

    /// The earliest day from which at most `warnBefore` working days remain up to the deadline.
    static func firstDueSoonDay(deadline: CivilDate, warnBefore: Int, entered: CivilDate, calendar: WorkingCalendar) throws(CalendarError) -> CivilDate {
        var day = deadline
        var workingDaysAfter = 0
        // Walking back from the deadline, `workingDaysAfter` counts the working days in [day, deadline],
        // which is what remains on the day before `day`; once that exceeds the window, `day` is the first due-soon day.
        while day > entered {
            if try calendar.isWorkingDay(day) { workingDaysAfter += 1 }
            if workingDaysAfter > warnBefore { return day }
            day = day.adding(days: -1)
        }
        return entered.adding(days: 1)
    }
}
