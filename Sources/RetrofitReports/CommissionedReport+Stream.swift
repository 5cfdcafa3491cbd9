import RetrofitCore
import RetrofitStore

extension CommissionedReport {
    /// Reads the cases whose `commissioned` milestone falls in `year` one at a time, handing each to `sink`
    /// with its findings as soon as it is read; only the totals and the identifiers held by more than one case
    /// are kept meanwhile.
    @discardableResult
    public static func stream(_ store: CaseStore, setting: ReportSetting, year: Int, workflowID: String? = nil,
                              into sink: inout some CommissionedSink) throws -> CommissionedClosing {
        guard let first = CivilDate(year: year, month: 1, day: 1), let last = CivilDate(year: year, month: 12, day: 31) else {
            throw ReportInputError.badYear(year)
        }
        if let workflowID { _ = try setting.workflow(named: workflowID) }
        let head = try store.head()
        let rows = try store.commissionedCases(from: first, through: last, workflowID: workflowID)
        // Every workflow version is read before the first case, so the CSV header can name all their stages.
        var pinned: [String: WorkflowDefinition] = [:]
        for row in rows where pinned[key(row.workflowID, row.workflowVersion)] == nil {
            guard let stored = try store.storedWorkflow(id: row.workflowID, version: row.workflowVersion) else { continue }
            pinned[key(row.workflowID, row.workflowVersion)] = try stored.load()
        }
        let heading = CommissionedHeading(year: year, asOf: setting.asOf, workflow: workflowID,
                                          auditHead: AuditHead(sequence: head.sequence, hash: head.hash),
                                          auditCheckpoint: try AuditCheckpointStanding.latest(store),
                                          stageColumns: StageColumn.union(pinned.keys.sorted().compactMap { pinned[$0] }))
        let claims = AuditChecks.Claims(try store.sharedFieldValues(identifierFields))
        try sink.start(heading)

        var counters: [String: WorkingDayCounter] = [:]
        var notes: [String] = []
        var tally = DistrictTally()
        for row in rows {
            guard let (state, stored) = try store.loadCase(row.id), let commissionedOn = state.milestones["commissioned"] else { continue }
            let workflowKey = key(state.workflowID, state.workflowVersion)
            if pinned[workflowKey] == nil { pinned[workflowKey] = try stored.load() }
            guard let workflow = pinned[workflowKey] else { continue }
            if counters[workflow.calendar] == nil, let calendar = setting.calendars[workflow.calendar] {
                counters[workflow.calendar] = WorkingDayCounter(calendar)
            }
            if counters[workflow.calendar] == nil {
                let problem = ReportInputError.missingCalendar(workflow.calendar, workflow: workflow.id).description
                if !notes.contains(problem) { notes.append(problem) }
            }
            let item = commissionedCase(row.id, state, commissionedOn: commissionedOn, workflow: workflow,
                                        counter: &counters[workflow.calendar])
            var findings = AuditChecks.missingEvidence(state, workflow: workflow)
            findings += claims.duplicates(of: row.id, fields: identifierFields)
            findings += AuditChecks.commissionedBeforeInspection(state, commissionedOn: commissionedOn)
            findings += AuditChecks.recordedLate(try store.eventTimings(caseID: row.id, recordedLaterThan: AuditChecks.lateCandidateDays),
                                                 caseID: row.id)
            tally.add(item)
            try sink.add(item, findings: findings)
        }
        notes += counters.keys.sorted().flatMap { calendar in counters[calendar]?.problems ?? [] }
        let totals = tally.totals
        let closing = CommissionedClosing(heading: heading, elevators: tally.elevators, districts: totals.byDistrict,
                                          total: totals.total, notes: notes)
        try sink.finish(closing)
        return closing
    }

    private static func key(_ workflowID: String, _ version: Int) -> String { "\(workflowID)@\(version)" }

    /// The report's line for one case: its fields, stage dates, working and suspended days up to commissioning, vote.
    private static func commissionedCase(_ id: String, _ state: CaseState, commissionedOn: CivilDate, workflow: WorkflowDefinition,
                                         counter: inout WorkingDayCounter?) -> CommissionedCase {
        let spans = state.visits.flatMap { $0.suspendedSpans(asOf: commissionedOn) }.filter { $0.from < commissionedOn }
        return CommissionedCase(
            id: id, workflow: state.workflowID, address: state.fields["address"], district: state.fields["district"],
            unit: state.fields["unit"], homes: state.fields["homes"].flatMap { Int($0) }, helper: state.helper,
            commissionedOn: commissionedOn,
            stages: state.visits.map { StageDates(stage: $0.stage, entered: $0.enteredAt.date, left: $0.leftAt?.date) },
            workingDays: counter?.days(after: state.openedAt.date, through: commissionedOn, suspensions: spans),
            suspendedDays: spans.reduce(0) { $0 + max(0, $1.from.days(until: min($1.until, commissionedOn))) },
            useRegistrationNo: state.fields["use_registration_no"], registrationCode: state.fields["registration_code"],
            equipmentCode: state.fields["equipment_code"], vote: AuditChecks.vote(state, workflow: workflow),
            subsidyAmount: state.fields["subsidy_amount"], subsidyPaidOn: state.fields["subsidy_paid_on"])
    }
}
