import Foundation
import RetrofitApp
import RetrofitCore
import RetrofitReports

/// The plain-text views of a case.
enum CaseText {
    static func show(_ view: CaseView) -> String {
        let state = view.state, schedule = view.schedule, workflow = view.workflow, date = view.asOf
        var lines: [String] = []
        let stage = workflow.stage(state.stage)
        lines.append("\(state.id) — \(workflow.title) (workflow \(workflow.id) v\(workflow.version), case version \(state.version))")
        lines.append("Stage:     \(state.stage) — \(stage?.title ?? "") (since \(state.stageEnteredAt.date))")
        var status = state.status.rawValue
        if let suspension = state.activeSuspension {
            status += " (\(suspension.reason.rawValue) since \(suspension.from.date)\(suspension.note.map { ": \($0)" } ?? ""); clock stopped)"
        }
        if state.status == .withdrawn, let reason = state.withdrawnReason { status += " (\(reason))" }
        lines.append("Status:    \(status)")
        lines.append("Deadline:  \(deadlineText(schedule, stage: stage, asOf: date))")
        lines.append("Helper:    \(state.helper ?? "none assigned")")
        lines.append("Priority:  \(state.priority.rawValue), difficulty \(state.difficulty.rawValue)")
        if !state.milestones.isEmpty {
            lines.append("Milestones: " + state.milestones.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        }
        lines.append("")
        lines.append("Fields:")
        var fields = TextTable(["field", "title", "value"])
        for field in view.fields { fields.add([field.name, field.title, field.value ?? "(missing)"]) }
        lines.append(indent(fields.render()))
        lines.append("")
        lines.append("Stages:")
        var stages = TextTable(["stage", "entered", "left", "days", "suspended"])
        for visit in state.visits {
            let end = visit.leftAt?.date ?? date
            let suspended = visit.suspendedDays(asOf: end)
            let reasons = Set(visit.suspensions.map(\.reason.rawValue)).sorted().joined(separator: ", ")
            stages.add([visit.stage, visit.enteredAt.date.description, visit.leftAt?.date.description ?? "—",
                        "\(visit.enteredAt.date.days(until: end))", suspended == 0 ? "" : "\(suspended) d (\(reasons))"])
        }
        lines.append(indent(stages.render()))
        if !state.openObjections.isEmpty {
            lines.append("")
            lines.append("Open objections:")
            for objection in state.openObjections {
                lines.append("  #\(objection.number) from \(objection.from) on \(objection.raisedAt.date): \(objection.text)")
            }
        }
        if !state.register.homes.isEmpty {
            lines.append("")
            lines.append("Register: \(state.register.homes.count) homes (see 'retrofit consult tally \(state.id)')")
        }
        lines.append("")
        lines.append(view.timelineIsComplete ? "Timeline:" : "Timeline (latest \(view.timeline.count) events; all with 'retrofit case history'):")
        var table = TextTable(["#", "occurred", "event", "by", "details"])
        for event in view.timeline {
            table.add(["\(event.version)", minutes(event.occurredAt), event.type, event.actor, event.details])
        }
        lines.append(indent(table.render()))
        return lines.joined(separator: "\n")
    }

    static func deadlineText(_ schedule: CaseSchedule, stage: StageDefinition?, asOf date: CivilDate) -> String {
        let text = plainDeadlineText(schedule, stage: stage, asOf: date)
        guard let reckoning = schedule.reckoning, reckoning.isProvisional else { return text }
        return text + "; provisional (\(provisionalYearsText(reckoning.provisionalYears)) not yet published)"
    }

    /// `2027` or `2027, 2028`.
    static func provisionalYearsText(_ years: [Int]) -> String { DeadlineNotice.yearsText(years) }

    /// `2025-03-04 09:00` from a stored time.
    static func minutes(_ time: String) -> String { time.prefix(16).replacingOccurrences(of: "T", with: " ") }

    private static func plainDeadlineText(_ schedule: CaseSchedule, stage: StageDefinition?, asOf date: CivilDate) -> String {
        if let problem = schedule.problem { return "unknown: \(problem)" }
        guard let deadline = schedule.deadline, let rule = stage?.deadline else { return "none" }
        if schedule.isSuspended { return "\(deadline) if resumed on \(date) (\(rule)); clock stopped" }
        let late = schedule.daysLate(on: date)
        if late > 0 { return "\(deadline) (\(rule)) — \(late) day\(late == 1 ? "" : "s") late" }
        let left = date.days(until: deadline)
        let soon = schedule.isDueSoon(on: date) ? ", due soon" : ""
        return "\(deadline) (\(rule)) — \(left) day\(left == 1 ? "" : "s") left\(soon)"
    }

    static func indent(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n")
    }
}
