import RetrofitCore
import RetrofitReports

extension CaseExplanation {
    /// Where the case is and how its deadline was reached.
    static func deadlineLines(state: CaseState, workflow: WorkflowDefinition, schedule: CaseSchedule, on date: CivilDate) -> [String] {
        let stage = workflow.stage(state.stage)
        var lines = ["Case \(state.id) is in \(state.stage) — \(stage?.title ?? "") (\(state.status.rawValue))."]
        if let problem = schedule.problem {
            lines.append("Its deadline cannot be computed: \(problem).")
        } else if let reckoning = schedule.reckoning {
            lines += reckoning.explanation
            if schedule.isSuspended {
                lines.append("The case is suspended: the clock is stopped, so the deadline above assumes it resumes on \(date).")
            } else if schedule.isOverdue(on: date) {
                lines.append("On \(date) it is \(schedule.daysLate(on: date)) day(s) late.")
            } else {
                lines.append("On \(date) it is not overdue\(schedule.isDueSoon(on: date) ? " but due soon" : "").")
            }
        } else {
            lines.append(state.status == .active || state.status == .suspended
                         ? "Stage \(state.stage) has no deadline." : "The case is \(state.status.rawValue); no deadline runs.")
        }
        return lines
    }

    /// Why the case is or is not due soon on `date`: the window, where its length comes from, and the day it opens.
    static func dueSoonLines(state: CaseState, workflow: WorkflowDefinition, schedule: CaseSchedule,
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

    /// Each move: ready, or every blocker the engine finds.
    static func moveLines(_ moves: [MoveAdvice], state: CaseState, on date: CivilDate, actor: String, role: Role?,
                          anyoneRegistered: Bool) -> [String] {
        var lines: [String] = []
        if anyoneRegistered, role == nil {
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
        return lines
    }
}
