import Foundation
import RetrofitApp
import RetrofitCore
import RetrofitReports
import RetrofitStore

/// The plain-text views of a case.
enum CaseText {
    static func show(_ state: CaseState, schedule: CaseSchedule, workflow: WorkflowDefinition, asOf date: CivilDate,
                     timeline: [StoredEvent]) -> String {
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
        for field in workflow.fields {
            let value = state.fields[field.name]
            let required = workflow.fieldsRequired(in: state.stage).contains(field)
            guard value != nil || required else { continue }
            fields.add([field.name, field.title, value ?? "(missing)"])
        }
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
        lines.append(timeline.first?.version == 1 ? "Timeline:" : "Timeline (latest \(timeline.count) events; all with 'retrofit case history'):")
        var table = TextTable(["#", "occurred", "event", "by", "details"])
        for event in timeline {
            table.add(["\(event.version)", event.occurredAt.prefix(16).replacingOccurrences(of: "T", with: " "),
                       event.type, event.actor, details(event)])
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
    static func provisionalYearsText(_ years: [Int]) -> String { years.map { "\($0)" }.joined(separator: ", ") }

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

    /// One line saying what an event did.
    static func details(_ stored: StoredEvent) -> String {
        guard let event = try? stored.decodedEvent() else { return stored.payload }
        switch event {
        case .opened(let opened): return "in \(opened.stage)" + fieldList(opened.fields)
        case .imported(let imported): return "from \(imported.source) row \(imported.row), in \(imported.stage)"
        case .advanced(let advanced):
            return "\(advanced.from) → \(advanced.to) (\(advanced.transition))" + fieldList(advanced.fields) + (advanced.note.map { " — \($0)" } ?? "")
        case .fieldsSet(let set): return fieldList(set.fields).trimmingCharacters(in: .whitespaces) + (set.note.map { " — \($0)" } ?? "")
        case .fieldsCleared(let cleared): return "cleared " + cleared.fields.joined(separator: ", ") + (cleared.note.map { " — \($0)" } ?? "")
        case .helperAssigned(let assigned): return "helper \(assigned.helper)" + (assigned.anyDistrict == true ? " (another district, assigned explicitly)" : "")
        case .classified(let classified): return "\(classified.priority.rawValue), \(classified.difficulty.rawValue)"
        case .suspended(let suspended): return suspended.reason.rawValue + (suspended.note.map { " — \($0)" } ?? "")
        case .resumed(let resumed): return resumed.note ?? ""
        case .withdrawn(let withdrawn): return withdrawn.reason
        case .noted(let noted): return noted.text
        case .homeRecorded(let recorded): return "home \(recorded.home.number), floor \(recorded.home.floor), \(recorded.home.area) m², \(recorded.home.owner)"
        case .homeRemoved(let removed): return "home \(removed.home)"
        case .ballotCast(let ballot): return "home \(ballot.home): \(ballot.vote.rawValue)"
        case .objectionRaised(let raised): return "#\(raised.number) from \(raised.from): \(raised.text)"
        case .objectionResolved(let resolved): return "#\(resolved.number) \(resolved.outcome.rawValue)" + (resolved.note.map { " — \($0)" } ?? "")
        }
    }

    private static func fieldList(_ fields: [String: String]) -> String {
        fields.isEmpty ? "" : " " + fields.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
    }

    static func indent(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n")
    }
}
