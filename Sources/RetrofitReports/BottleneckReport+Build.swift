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
        // One pass over the cases and one over the visits serve every workflow.
        let only = workflowID == nil ? nil : ids.first
        let standings = try store.caseStandings()
        let slots = CaseSlot.of(standings, only: only, tallies: &tallies)
        let stages = StageNames(known: tallies.flatMap { $0.workflow.stages.map(\.id) })
        try store.forEachStageVisitEntry(standings: standings, stages: stages) { visit, pauses in
            let owner = slots[visit.standing]
            if owner.tally >= 0 { tallies[owner.tally].add(visit, pauses: pauses, group: owner.group, withdrawn: owner.withdrawn, names: stages) }
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

/// Where the visits of one case are added: the tally (-1: none, the case's workflow is not reported),
/// the case's group in it, and whether the case was withdrawn.
private struct CaseSlot {
    let tally: Int
    let group: Int
    let withdrawn: Bool

    /// Adds each standing (of `only`, or of any workflow) to its workflow's tally; returns the cases' slots,
    /// by their index in `standings`.
    static func of(_ standings: [CaseStandingRecord], only: String?, tallies: inout [BottleneckTally]) -> [CaseSlot] {
        var slots: [CaseSlot] = []
        slots.reserveCapacity(standings.count)
        var index = 0
        for standing in standings {
            // Cases come in id order, so the workflow of the previous case usually answers.
            if index >= tallies.count || tallies[index].workflow.id != standing.workflowID {
                index = tallies.firstIndex { $0.workflow.id == standing.workflowID } ?? tallies.count
            }
            guard only == nil || standing.workflowID == only, index < tallies.count else {
                slots.append(CaseSlot(tally: -1, group: 0, withdrawn: false))
                continue
            }
            slots.append(CaseSlot(tally: index, group: tallies[index].add(standing), withdrawn: standing.status == .withdrawn))
        }
        return slots
    }
}
