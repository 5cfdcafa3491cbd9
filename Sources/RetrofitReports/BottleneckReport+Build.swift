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
        var tallies: [BottleneckTally] = []
        for id in ids {
            guard let workflow = setting.workflows[id] else { continue }
            let tally = BottleneckTally(workflow: workflow, period: StayPeriod(from: from, to: end, asOf: setting.asOf),
                                        counter: setting.calendars[workflow.calendar].map(WorkingDayCounter.init), by: by,
                                        storedCountsApply: !setting.workflowsChangingCalendar.contains(id))
            if tally.counter == nil { notes.append(ReportInputError.missingCalendar(workflow.calendar, workflow: id).description) }
            tallies.append(tally)
        }
        // One pass over the cases and one over the visits serve every workflow (cases come in id order,
        // so the workflow of the previous record usually answers).
        let only = workflowID == nil ? nil : ids.first
        var index = 0
        func tally(of workflowID: String) -> Int? {
            if index < tallies.count, tallies[index].workflow.id == workflowID { return index }
            guard let found = tallies.firstIndex(where: { $0.workflow.id == workflowID }) else { return nil }
            index = found
            return found
        }
        let standings = try store.caseStandings()
        for standing in standings where only == nil || standing.workflowID == only {
            if let index = tally(of: standing.workflowID) { tallies[index].add(standing) }
        }
        try store.forEachStageVisit(workflowID: only, standings: standings) { visit in
            if let index = tally(of: visit.workflowID) { tallies[index].add(visit) }
        }
        var workflows: [BottleneckWorkflow] = []
        for tally in tallies {
            notes += tally.counter?.problems.map { "\(tally.workflow.id): \($0)" } ?? []
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
    /// Whether the visits' stored working days were counted in the calendar of ``counter``.
    let storedCountsApply: Bool

    // Stages are numbered (the workflow's in order, then any others met in the data) so that a visit
    // costs one dictionary look-up; the figures are arrays by stage number.
    private var stageNumbers: [String: Int] = [:]
    private var stageIDs: [String] = []
    private var terminal: [Bool] = []
    private var overall: [StageAccumulator] = []
    private var groups: [String?: [StageAccumulator]] = [:]
    private var currentCase = ""
    private var stagesSeen: [Int] = []

    init(workflow: WorkflowDefinition, period: StayPeriod, counter: WorkingDayCounter?, by: BottleneckGrouping?,
         storedCountsApply: Bool = true) {
        self.workflow = workflow
        self.period = period
        self.counter = counter
        self.by = by
        self.storedCountsApply = storedCountsApply
        for stage in workflow.stages { _ = number(of: stage.id, terminal: stage.isTerminal) }
    }

    private mutating func number(of stage: String, terminal isTerminal: Bool = false) -> Int {
        if let number = stageNumbers[stage] { return number }
        stageNumbers[stage] = stageIDs.count
        stageIDs.append(stage)
        terminal.append(isTerminal)
        overall.append(StageAccumulator())
        return stageIDs.count - 1
    }

    private func key(district: String?, helper: String?) -> String? {
        by == .district ? district : helper
    }

    private mutating func update(_ stage: Int, group: String?, _ change: (inout StageAccumulator) -> Void) {
        change(&overall[stage])
        if by != nil {
            let missing = stageIDs.count - (groups[group]?.count ?? 0)
            if missing > 0 { groups[group, default: []].append(contentsOf: repeatElement(StageAccumulator(), count: missing)) }
            change(&groups[group, default: []][stage])
        }
    }

    mutating func add(_ standing: CaseStandingRecord) {
        let stage = number(of: standing.stage)
        let present = standing.status == .active || standing.status == .suspended || (standing.status == .completed && terminal[stage])
        let overdue = standing.status == .active && (standing.deadline.map { $0 < period.asOf } ?? false)
        update(stage, group: key(district: standing.district, helper: standing.helper)) { figures in
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
        let stage = number(of: visit.stage)
        let returned = stagesSeen.contains(stage)
        if !returned { stagesSeen.append(stage) }
        let entered = visit.enteredAt.date
        let left = visit.leftAt?.date
        // A visit completes when the case moves on (not when it is withdrawn) within the period.
        let completedOn = left.flatMap { !visit.endedByWithdrawal && period.contains($0) ? $0 : nil }
        // The projection stored the working days of (entered, left] when the visit closed: the same count,
        // without counting. Only when the calendar it was counted in is the one counting here.
        let stored = counter != nil && storedCountsApply ? visit.storedWorkingDays : nil
        let duration = completedOn.flatMap { day in
            stored ?? counter?.days(after: entered, through: day, suspensions: visit.suspendedSpans(asOf: day))
        }
        var waiting = 0
        if !terminal[stage], let window = period.window(entered: entered, left: left) {
            if let stored, window.after == entered, window.through == left {
                waiting = stored   // the whole visit lies in the period
            } else {
                waiting = counter?.days(after: window.after, through: window.through,
                                        suspensions: visit.suspendedSpans(asOf: window.through)) ?? 0
            }
        }
        let rework = returned && period.contains(entered)
        update(stage, group: key(district: visit.district, helper: visit.helper)) { figures in
            if let duration { figures.durations.append(duration) }
            if completedOn != nil { figures.suspendedDays += visit.storedSuspendedDays }
            if rework { figures.rework += 1 }
            figures.waitingDays += waiting
        }
    }

    func result() -> BottleneckWorkflow {
        let grouped = by == nil ? [] : groups.keys.sorted { ($0 ?? "\u{10FFFF}") < ($1 ?? "\u{10FFFF}") }.map { key in
            group(key: key, figures: groups[key] ?? [])
        }
        return BottleneckWorkflow(workflow: workflow.id, title: workflow.title, overall: group(key: nil, figures: overall), groups: grouped)
    }

    /// - Parameter figures: by stage number; missing at the end when the group has no visit there.
    private func group(key: String?, figures: [StageAccumulator]) -> BottleneckGroup {
        let total = figures.reduce(0) { $0 + $1.waitingDays }
        let stages = stageIDs.indices.map { number in
            let id = stageIDs[number]
            let figure = number < figures.count ? figures[number] : StageAccumulator()
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
