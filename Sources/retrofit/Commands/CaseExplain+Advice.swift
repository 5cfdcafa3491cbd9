import RetrofitApp
import RetrofitCore
import RetrofitReports
import RetrofitStore

/// What `case explain` adds after the deadline: why the case is or is not due soon, and what
/// blocks each move out of its stage (the engine's own checks, as `case advance` makes them).
struct ExplainAdvice {
    let lines: [String]
    let json: [String: JSONValue]

    init(state: CaseState, workflow: WorkflowDefinition, schedule: CaseSchedule, calendar: WorkingCalendar,
         on date: CivilDate, actor: String, people: [PersonRegistered]) {
        var lines = ExplainAdvice.dueSoon(state: state, workflow: workflow, schedule: schedule, calendar: calendar, on: date)
        let role = people.first { $0.name == actor }?.role
        let moves = MoveAdvice.moves(of: state, workflow: workflow, calendar: calendar, on: date, actor: actor, role: role)
        if !people.isEmpty, role == nil {
            lines.append("\(actor) is not in the people register, so cannot move the case; the moves below are checked without a role.")
        }
        for move in moves {
            if move.ready {
                lines.append("Move \(move.move) → \(move.to): ready on \(date)\(role.map { " for \(actor) (\($0.withArticle))" } ?? "").")
            } else {
                lines.append("Move \(move.move) → \(move.to): blocked on \(date):")
                lines += move.blockers.map { "  - \($0.text)" }
            }
        }
        if moves.isEmpty, state.status == .suspended {
            lines.append("No move can be made while the case is suspended; resume it first.")
        }
        self.lines = lines
        let warning = workflow.stage(state.stage)?.warnBefore ?? calendar.warnBefore
        json = [
            "dueSoon": .boolean(schedule.isDueSoon(on: date)),
            "dueSoonFrom": .optional(schedule.dueSoonFrom?.description),
            "warnBefore": schedule.dueSoonFrom == nil ? .null : .integer(warning),
            "moves": .encoded(moves),
        ]
    }

    /// Why the case is or is not due soon on `date`: the window, where its length comes from,
    /// and the day it opens.
    static func dueSoon(state: CaseState, workflow: WorkflowDefinition, schedule: CaseSchedule,
                        calendar: WorkingCalendar, on date: CivilDate) -> [String] {
        guard let deadline = schedule.deadline, let from = schedule.dueSoonFrom else { return [] }
        let stage = workflow.stage(state.stage)
        let warning = stage?.warnBefore ?? calendar.warnBefore
        let source = stage?.warnBefore != nil ? "warn_before of stage \(state.stage)" : "warn_before of calendar \(calendar.id)"
        var window = "Due soon from \(from): the last \(warning) working day(s) before the deadline (\(source))"
        if let entered = state.currentVisit?.enteredAt.date, from == entered.adding(days: 1) {
            window += "; the window never opens before the day after entry (\(from))"
        }
        var lines = [window + "."]
        if schedule.isSuspended {
            lines.append("A suspended case is never due soon.")
        } else if schedule.isOverdue(on: date) {
            lines.append("On \(date) it is past the deadline, so overdue rather than due soon.")
        } else if schedule.isDueSoon(on: date) {
            lines.append("On \(date) it is due soon: \(from) ≤ \(date) ≤ \(deadline).")
        } else {
            lines.append("On \(date) it is not due soon: the window opens on \(from).")
        }
        return lines
    }
}
