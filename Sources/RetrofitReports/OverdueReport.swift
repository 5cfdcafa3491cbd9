import RetrofitCore
import RetrofitStore

/// One line of the overdue list.
public struct OverdueEntry: Encodable, Sendable, Hashable {
    public let id: String
    public let workflow: String
    public let stage: String
    public let deadline: String
    public let daysLate: Int
    /// Working days left until the deadline (for due-soon cases; 0 when overdue).
    public let dueSoon: Bool
    @EncodeNil public var helper: String?
    @EncodeNil public var district: String?
    public let priority: String
    public let difficulty: String
    /// True when the deadline was computed with a year whose State Council notice is not yet published.
    public var deadlineProvisional = false
}

/// Which active cases are past their deadline (or close to it) on a day.
public enum OverdueReport {
    /// From the projection: the fast path for today and later days.
    public static func fromProjection(_ store: CaseStore, on date: CivilDate, dueSoon: Bool, filter: CaseFilter) throws -> [OverdueEntry] {
        let rows = try store.overdue(on: date, dueSoon: dueSoon, filter: filter)
        return sorted(rows.map { row in
            OverdueEntry(id: row.id, workflow: row.workflowID, stage: row.stage, deadline: row.deadline.description,
                         daysLate: max(0, row.deadline.days(until: date)), dueSoon: row.deadline >= date,
                         helper: row.helper, district: row.district, priority: row.priority.rawValue,
                         difficulty: row.difficulty.rawValue, deadlineProvisional: row.deadlineProvisional)
        })
    }

    /// By replaying every case's events that occurred by the end of `date` (and, with `asKnown`, were recorded by then).
    public static func replaying(_ store: CaseStore, calendars: [String: WorkingCalendar], on date: CivilDate, asKnown: Bool,
                                 dueSoon: Bool, filter: CaseFilter) throws -> [OverdueEntry] {
        var entries: [OverdueEntry] = []
        try LogReplay.states(store, asOf: date, asKnown: asKnown) { state, workflow in
            guard state.status == .active, matches(state, filter), let calendar = calendars[workflow.calendar] else { return }
            let schedule = CaseSchedule.of(state, workflow: workflow, calendar: calendar, asOf: date)
            guard let deadline = schedule.deadline, schedule.isOverdue(on: date) || (dueSoon && schedule.isDueSoon(on: date)) else { return }
            entries.append(OverdueEntry(id: state.id, workflow: state.workflowID, stage: state.stage, deadline: deadline.description,
                                        daysLate: schedule.daysLate(on: date), dueSoon: !schedule.isOverdue(on: date),
                                        helper: state.helper, district: state.fields["district"],
                                        priority: state.priority.rawValue, difficulty: state.difficulty.rawValue,
                                        deadlineProvisional: schedule.isProvisional))
        }
        return sorted(entries)
    }

    static func matches(_ state: CaseState, _ filter: CaseFilter) -> Bool {
        (filter.workflow == nil || filter.workflow == state.workflowID)
            && (filter.stage == nil || filter.stage == state.stage)
            && (filter.district == nil || filter.district == state.fields["district"])
            && (filter.helper == nil || filter.helper == state.helper)
    }

    /// Most late first; then the nearest deadline; then id.
    static func sorted(_ entries: [OverdueEntry]) -> [OverdueEntry] {
        entries.sorted { ($1.daysLate, $0.deadline, $0.id) < ($0.daysLate, $1.deadline, $1.id) }
    }

    public static func table(_ entries: [OverdueEntry], on date: CivilDate) -> String {
        var table = TextTable(["case", "stage", "deadline", "late", "helper", "district"])
        for entry in entries {
            table.add([entry.id, entry.stage, entry.deadline + (entry.deadlineProvisional ? " (provisional)" : ""),
                       entry.dueSoon ? "due soon" : String(entry.daysLate) + " d", entry.helper ?? "", entry.district ?? ""])
        }
        let overdue = entries.filter { !$0.dueSoon }.count
        let soon = entries.count - overdue
        let provisional = entries.contains(where: \.deadlineProvisional)
            ? "\n(provisional): counted with a year whose holiday notice is not yet published; the date may move" : ""
        return table.render() + "\n\(overdue) overdue" + (soon > 0 ? ", \(soon) due soon" : "") + " on \(date)" + provisional
    }
}
