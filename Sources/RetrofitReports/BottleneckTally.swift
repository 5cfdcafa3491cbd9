import RetrofitCore
import RetrofitStore

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

    // Stages are numbered (the workflow's in order, then any others met in the data), and so are
    // groups, so that a visit costs array look-ups only; the figures are arrays by stage number.
    private var stageNumbers: [String: Int] = [:]
    private var stageIDs: [String] = []
    private var terminal: [Bool] = []
    private var overall: [StageAccumulator] = []
    /// By the number a visit scan gave the stage (``StageNames``): the stage's number here, -1 until met.
    private var scannedStages: [Int] = []
    private var groupNumbers: [String?: Int] = [:]
    private var groupKeys: [String?] = []
    private var groups: [[StageAccumulator]] = []
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

    private mutating func number(scanned stage: Int, names: StageNames) -> Int {
        if stage < scannedStages.count, scannedStages[stage] >= 0 { return scannedStages[stage] }
        if stage >= scannedStages.count { scannedStages.append(contentsOf: repeatElement(-1, count: stage + 1 - scannedStages.count)) }
        scannedStages[stage] = number(of: names.names[stage])
        return scannedStages[stage]
    }

    private mutating func group(district: String?, helper: String?) -> Int {
        guard by != nil else { return 0 }
        let key = by == .district ? district : helper
        if let number = groupNumbers[key] { return number }
        groupNumbers[key] = groupKeys.count
        groupKeys.append(key)
        groups.append([])
        return groupKeys.count - 1
    }

    private mutating func update(_ stage: Int, group: Int, _ change: (inout StageAccumulator) -> Void) {
        change(&overall[stage])
        if by != nil {
            let missing = stageIDs.count - groups[group].count
            if missing > 0 { groups[group].append(contentsOf: repeatElement(StageAccumulator(), count: missing)) }
            change(&groups[group][stage])
        }
    }

    /// Adds a case's standing; returns the number of its group, which its visits are added with.
    mutating func add(_ standing: CaseStandingRecord) -> Int {
        let stage = number(of: standing.stage)
        let present = standing.status == .active || standing.status == .suspended || (standing.status == .completed && terminal[stage])
        let overdue = standing.status == .active && (standing.deadline.map { $0 < period.asOf } ?? false)
        let group = group(district: standing.district, helper: standing.helper)
        update(stage, group: group) { figures in
            if present { figures.inStage += 1 }
            if overdue { figures.overdue += 1 }
            if standing.status == .suspended { figures.suspended += 1 }
        }
        return group
    }

    /// Adds a visit of a case whose standing was added.
    ///
    /// - Parameters:
    ///   - pauses: the suspensions the scan passed with the visit.
    ///   - group: what ``add(_:)`` returned for the case.
    ///   - withdrawn: whether the case was withdrawn.
    ///   - names: the scan's stage names.
    mutating func add(_ visit: StageVisitEntry, pauses: [StageVisitRecord.Pause], group: Int, withdrawn: Bool, names: StageNames) {
        if visit.startsCase { stagesSeen.removeAll(keepingCapacity: true) }
        let stage = number(scanned: visit.stage, names: names)
        let returned = stagesSeen.contains(stage)
        if !returned { stagesSeen.append(stage) }
        let entered = visit.enteredOn
        let left = visit.leftOn
        // A visit completes when the case moves on (not when it is withdrawn) within the period.
        let endedByWithdrawal = visit.isLastVisit && withdrawn
        let completedOn = left.flatMap { !endedByWithdrawal && period.contains($0) ? $0 : nil }
        // The projection stored the working days of (entered, left] when the visit closed: the same count,
        // without counting. Only when the calendar it was counted in is the one counting here.
        let stored = counter != nil && storedCountsApply ? visit.storedWorkingDays : nil
        let duration = completedOn.flatMap { day in
            stored ?? counter?.days(after: entered, through: day, suspensions: visit.suspendedSpans(asOf: day, in: pauses))
        }
        var waiting = 0
        if !terminal[stage], let window = period.window(entered: entered, left: left) {
            if let stored, window.after == entered, window.through == left {
                waiting = stored   // the whole visit lies in the period
            } else {
                waiting = counter?.days(after: window.after, through: window.through,
                                        suspensions: visit.suspendedSpans(asOf: window.through, in: pauses)) ?? 0
            }
        }
        let rework = returned && period.contains(entered)
        update(stage, group: group) { figures in
            if let duration { figures.durations.append(duration) }
            if completedOn != nil { figures.suspendedDays += visit.storedSuspendedDays }
            if rework { figures.rework += 1 }
            figures.waitingDays += waiting
        }
    }

    func result() -> BottleneckWorkflow {
        let grouped = by == nil ? [] : groupKeys.indices.sorted { (groupKeys[$0] ?? "\u{10FFFF}") < (groupKeys[$1] ?? "\u{10FFFF}") }.map { number in
            group(key: groupKeys[number], figures: groups[number])
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
