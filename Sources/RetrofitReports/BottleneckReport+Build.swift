import RetrofitCore
import RetrofitStore

extension BottleneckReport {
    /// Computes the report, streaming `stage_visit` once per workflow (the event log is not read).
    ///
    /// - Parameters:
    ///   - from: the period's first day (nil: since the first case).
    ///   - to: the period's last day (nil: ``ReportSetting/asOf``); open visits count up to it or to the as-of day, whichever is earlier.
    ///   - workflowID: one workflow, or nil for every workflow in the database.
    ///   - by: break every figure down by district or helper.
    public static func build(_ store: CaseStore, setting: ReportSetting, from: CivilDate? = nil, to: CivilDate? = nil,
                             workflowID: String? = nil, by: BottleneckGrouping? = nil) throws -> BottleneckReport {
        let end = to ?? setting.asOf
        if let from, from > end { throw ReportInputError.badPeriod(from: from, to: end) }
        let ids = try workflowID.map { id in [try setting.workflow(named: id).id] } ?? setting.workflowIDs
        var notes: [String] = []
        var tallies: [String: BottleneckTally] = [:]
        for id in ids {
            guard let workflow = setting.workflows[id] else { continue }
            tallies[id] = BottleneckTally(workflow: workflow, period: StayPeriod(from: from, to: end, asOf: setting.asOf),
                                          counter: setting.calendars[workflow.calendar].map(WorkingDayCounter.init), by: by)
            if tallies[id]?.counter == nil { notes.append(ReportInputError.missingCalendar(workflow.calendar, workflow: id).description) }
        }
        // One pass over the cases and one over the visits serve every workflow.
        let only = workflowID == nil ? nil : ids.first
        for standing in try store.caseStandings(workflowID: only) { tallies[standing.workflowID]?.add(standing) }
        try store.forEachStageVisit(workflowID: only) { tallies[$0.workflowID]?.add($0) }
        var workflows: [BottleneckWorkflow] = []
        for id in ids {
            guard let tally = tallies[id] else { continue }
            notes += tally.counter?.problems.map { "\(id): \($0)" } ?? []
            workflows.append(tally.result())
        }
        return BottleneckReport(asOf: setting.asOf, from: from, to: end, by: by, workflows: workflows, notes: notes)
    }
}

/// The days of a visit that fall in the report's period.
struct StayPeriod {
    let from: CivilDate?
    let to: CivilDate
    let asOf: CivilDate

    func contains(_ date: CivilDate) -> Bool { (from.map { $0 <= date } ?? true) && date <= to }

    /// The window `(after, through]` of a stay from `entered` to `left` (nil: still there) inside the period.
    func window(entered: CivilDate, left: CivilDate?) -> (after: CivilDate, through: CivilDate)? {
        let after = max(entered, from.map { $0.adding(days: -1) } ?? entered)
        let through = min(left ?? min(to, asOf), to)
        return through > after ? (after, through) : nil
    }
}

/// Running totals of one stage for one set of cases.
struct StageAccumulator {
    var inStage = 0
    var overdue = 0
    var suspended = 0
    var durations: [Int] = []
    var suspendedDays = 0
    var rework = 0
    var waitingDays = 0
}

/// Adds up standings and visits of one workflow into per-group, per-stage figures.
struct BottleneckTally {
    let workflow: WorkflowDefinition
    let period: StayPeriod
    var counter: WorkingDayCounter?
    let by: BottleneckGrouping?

    private var overall: [String: StageAccumulator] = [:]
    private var groups: [String?: [String: StageAccumulator]] = [:]
    private var extraStages: [String] = []
    private var currentCase = ""
    private var stagesSeen: Set<String> = []

    init(workflow: WorkflowDefinition, period: StayPeriod, counter: WorkingDayCounter?, by: BottleneckGrouping?) {
        self.workflow = workflow
        self.period = period
        self.counter = counter
        self.by = by
    }

    private func key(district: String?, helper: String?) -> String? {
        by == .district ? district : helper
    }

    private mutating func update(_ stage: String, group: String?, _ change: (inout StageAccumulator) -> Void) {
        if workflow.stage(stage) == nil, !extraStages.contains(stage) { extraStages.append(stage) }
        change(&overall[stage, default: StageAccumulator()])
        if by != nil { change(&groups[group, default: [:]][stage, default: StageAccumulator()]) }
    }

    mutating func add(_ standing: CaseStandingRecord) {
        let terminal = workflow.stage(standing.stage)?.isTerminal ?? false
        let present = standing.status == .active || standing.status == .suspended || (standing.status == .completed && terminal)
        let overdue = standing.status == .active && (standing.deadline.map { $0 < period.asOf } ?? false)
        update(standing.stage, group: key(district: standing.district, helper: standing.helper)) { figures in
            if present { figures.inStage += 1 }
            if overdue { figures.overdue += 1 }
            if standing.status == .suspended { figures.suspended += 1 }
        }
    }

    mutating func add(_ visit: StageVisitRecord) {
        if visit.caseID != currentCase {
            currentCase = visit.caseID
            stagesSeen = []
        }
        let returned = stagesSeen.contains(visit.stage)
        stagesSeen.insert(visit.stage)
        let entered = visit.enteredAt.date
        let left = visit.leftAt?.date
        // A visit completes when the case moves on (not when it is withdrawn) within the period.
        let completedOn = left.flatMap { !visit.endedByWithdrawal && period.contains($0) ? $0 : nil }
        let duration = completedOn.flatMap { counter?.days(after: entered, through: $0, suspensions: visit.suspendedSpans(asOf: $0)) }
        var waiting = 0
        if workflow.stage(visit.stage)?.isTerminal != true, let window = period.window(entered: entered, left: left) {
            waiting = counter?.days(after: window.after, through: window.through,
                                    suspensions: visit.suspendedSpans(asOf: window.through)) ?? 0
        }
        let rework = returned && period.contains(entered)
        update(visit.stage, group: key(district: visit.district, helper: visit.helper)) { figures in
            if let duration { figures.durations.append(duration) }
            if completedOn != nil { figures.suspendedDays += visit.storedSuspendedDays }
            if rework { figures.rework += 1 }
            figures.waitingDays += waiting
        }
    }

    func result() -> BottleneckWorkflow {
        let order = workflow.stages.map(\.id) + extraStages
        let grouped = by == nil ? [] : groups.keys.sorted { ($0 ?? "\u{10FFFF}") < ($1 ?? "\u{10FFFF}") }.map { key in
            group(key: key, figures: groups[key] ?? [:], order: order)
        }
        return BottleneckWorkflow(workflow: workflow.id, title: workflow.title,
                                  overall: group(key: nil, figures: overall, order: order), groups: grouped)
    }

    private func group(key: String?, figures: [String: StageAccumulator], order: [String]) -> BottleneckGroup {
        let total = figures.values.reduce(0) { $0 + $1.waitingDays }
        let stages = order.map { id in
            let figure = figures[id] ?? StageAccumulator()
            return BottleneckStage(
                stage: id, title: workflow.stage(id)?.title ?? id, inStage: figure.inStage, overdue: figure.overdue,
                suspended: figure.suspended, workingDays: DurationSummary(figure.durations), suspendedDays: figure.suspendedDays,
                rework: figure.rework, waitingDays: figure.waitingDays, waitingPercent: ReportNumber.percent(figure.waitingDays, of: total))
        }
        var busiest: BottleneckStage?
        for stage in stages where stage.waitingDays > (busiest?.waitingDays ?? 0) { busiest = stage }
        let headline: String
        if let busiest {
            let cases = busiest.overdue == 0 ? "no case is" : (busiest.overdue == 1 ? "1 case is" : "\(busiest.overdue) cases are")
            headline = "\(busiest.stage) (\(busiest.title)) holds \(ReportNumber.percentText(busiest.waitingDays, of: total)) of all waiting days "
                + "(\(ReportNumber.grouped(busiest.waitingDays)) of \(ReportNumber.grouped(total)) working days); \(cases) overdue there."
        } else {
            headline = "No case spent a working day waiting in the period."
        }
        return BottleneckGroup(key: key, headline: headline, busiestStage: busiest?.stage, totalWaitingDays: total, stages: stages)
    }
}
