import RetrofitCore
import RetrofitStore

extension CommissionedReport {
    /// The fields holding the three identifiers of an elevator (DOMAIN.md §2, stage 14).
    public static let identifierFields = ["use_registration_no", "registration_code", "equipment_code"]

    /// Collects every case whose `commissioned` milestone falls in `year` (of one workflow, or all),
    /// with the audit findings and the audit head read in the same pass.
    public static func build(_ store: CaseStore, setting: ReportSetting, year: Int, workflowID: String? = nil) throws -> CommissionedReport {
        var collector = Collector()
        let closing = try stream(store, setting: setting, year: year, workflowID: workflowID, into: &collector)
        let heading = closing.heading
        return CommissionedReport(year: heading.year, asOf: heading.asOf, workflow: heading.workflow, cases: collector.cases,
                                  findings: collector.findings, districts: closing.districts, total: closing.total,
                                  auditHead: heading.auditHead, notes: closing.notes, stageColumns: heading.stageColumns)
    }

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
            guard let source = try store.workflowSource(id: row.workflowID, version: row.workflowVersion) else { continue }
            pinned[key(row.workflowID, row.workflowVersion)] = try WorkflowCatalog.loadStored(
                source: source, id: row.workflowID, version: row.workflowVersion)
        }
        let heading = CommissionedHeading(year: year, asOf: setting.asOf, workflow: workflowID,
                                          auditHead: AuditHead(sequence: head.sequence, hash: head.hash),
                                          stageColumns: StageColumn.union(pinned.keys.sorted().compactMap { pinned[$0] }))
        let claims = AuditChecks.Claims(try store.sharedFieldValues(identifierFields))
        try sink.start(heading)

        var counters: [String: WorkingDayCounter] = [:]
        var notes: [String] = []
        var tally = DistrictTally()
        for row in rows {
            guard let (state, source) = try store.loadCase(row.id), let commissionedOn = state.milestones["commissioned"] else { continue }
            let workflowKey = key(state.workflowID, state.workflowVersion)
            if pinned[workflowKey] == nil {
                pinned[workflowKey] = try WorkflowCatalog.loadStored(source: source, id: state.workflowID, version: state.workflowVersion)
            }
            guard let workflow = pinned[workflowKey] else { continue }
            if counters[workflow.calendar] == nil, let calendar = setting.calendars[workflow.calendar] {
                counters[workflow.calendar] = WorkingDayCounter(calendar)
            }
            if counters[workflow.calendar] == nil {
                let problem = ReportInputError.missingCalendar(workflow.calendar, workflow: workflow.id).description
                if !notes.contains(problem) { notes.append(problem) }
            }
            let spans = state.visits.flatMap { $0.suspendedSpans(asOf: commissionedOn) }.filter { $0.from < commissionedOn }
            let workingDays = counters[workflow.calendar]?.days(after: state.openedAt.date, through: commissionedOn, suspensions: spans)
            let suspendedDays = spans.reduce(0) { $0 + max(0, $1.from.days(until: min($1.until, commissionedOn))) }
            let item = CommissionedCase(
                id: row.id, workflow: state.workflowID, address: state.fields["address"], district: state.fields["district"],
                unit: state.fields["unit"], homes: state.fields["homes"].flatMap { Int($0) }, helper: state.helper,
                commissionedOn: commissionedOn,
                stages: state.visits.map { StageDates(stage: $0.stage, entered: $0.enteredAt.date, left: $0.leftAt?.date) },
                workingDays: workingDays, suspendedDays: suspendedDays,
                useRegistrationNo: state.fields["use_registration_no"], registrationCode: state.fields["registration_code"],
                equipmentCode: state.fields["equipment_code"], vote: AuditChecks.vote(state, workflow: workflow),
                subsidyAmount: state.fields["subsidy_amount"], subsidyPaidOn: state.fields["subsidy_paid_on"])
            var findings = AuditChecks.missingEvidence(state, workflow: workflow)
            findings += claims.duplicates(of: row.id, fields: identifierFields)
            findings += AuditChecks.commissionedBeforeInspection(state, commissionedOn: commissionedOn)
            findings += AuditChecks.recordedLate(try store.eventTimings(caseID: row.id, recordedLaterThan: AuditChecks.lateCandidateDays), caseID: row.id)
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

    /// Keeps everything, for the report as one value.
    private struct Collector: CommissionedSink {
        var cases: [CommissionedCase] = []
        var findings: [AuditFinding] = []

        mutating func start(_ heading: CommissionedHeading) {}

        mutating func add(_ item: CommissionedCase, findings: [AuditFinding]) {
            cases.append(item)
            self.findings += findings
        }

        mutating func finish(_ closing: CommissionedClosing) {}
    }

    /// Calls `body` with each elevator of the report and its findings, as `stream` hands them to a sink.
    func forEachCase(_ body: (CommissionedCase, [AuditFinding]) throws -> Void) rethrows {
        let byCase = Dictionary(grouping: findings, by: \.caseID)
        for item in cases { try body(item, byCase[item.id] ?? []) }
    }

    var heading: CommissionedHeading {
        CommissionedHeading(year: year, asOf: asOf, workflow: workflow, auditHead: auditHead, stageColumns: stageColumns)
    }

    var closing: CommissionedClosing {
        CommissionedClosing(heading: heading, elevators: cases.count, districts: districts, total: total, notes: notes)
    }
}

extension StageColumn {
    /// Every stage of `workflows`, each once: the first workflow's order, then stages only later ones have.
    static func union(_ workflows: [WorkflowDefinition]) -> [StageColumn] {
        var columns: [StageColumn] = []
        for workflow in workflows.sorted(by: { ReportSetting.comesFirst($0.id, $1.id) }) {
            for stage in workflow.stages where !columns.contains(where: { $0.id == stage.id }) {
                columns.append(StageColumn(id: stage.id, title: stage.title))
            }
        }
        return columns
    }
}
