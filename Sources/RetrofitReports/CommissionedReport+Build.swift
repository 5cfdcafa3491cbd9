import RetrofitCore
import RetrofitStore

extension CommissionedReport {
    /// The fields holding the three identifiers of an elevator (DOMAIN.md §2, stage 14).
    public static let identifierFields = ["use_registration_no", "registration_code", "equipment_code"]

    /// Collects every case whose `commissioned` milestone falls in `year` (of one workflow, or all),
    /// with the audit findings and the audit head read in the same pass.
    public static func build(_ store: CaseStore, setting: ReportSetting, year: Int, workflowID: String? = nil) throws -> CommissionedReport {
        guard let first = CivilDate(year: year, month: 1, day: 1), let last = CivilDate(year: year, month: 12, day: 31) else {
            throw ReportInputError.badYear(year)
        }
        if let workflowID { _ = try setting.workflow(named: workflowID) }
        let head = try store.head()
        var pinned: [String: WorkflowDefinition] = [:]
        var counters: [String: WorkingDayCounter] = [:]
        var notes: [String] = []
        var cases: [CommissionedCase] = []
        var findings: [AuditFinding] = []
        let claims = AuditChecks.Claims(try store.fieldValues(identifierFields))
        for id in try store.commissionedCaseIDs(from: first, through: last, workflowID: workflowID) {
            guard let (state, source) = try store.loadCase(id), let commissionedOn = state.milestones["commissioned"] else { continue }
            let key = "\(state.workflowID)@\(state.workflowVersion)"
            if pinned[key] == nil {
                pinned[key] = try WorkflowCatalog.loadStored(source: source, id: state.workflowID, version: state.workflowVersion)
            }
            guard let workflow = pinned[key] else { continue }
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
            cases.append(CommissionedCase(
                id: id, workflow: state.workflowID, address: state.fields["address"], district: state.fields["district"],
                unit: state.fields["unit"], homes: state.fields["homes"].flatMap { Int($0) }, helper: state.helper,
                commissionedOn: commissionedOn,
                stages: state.visits.map { StageDates(stage: $0.stage, entered: $0.enteredAt.date, left: $0.leftAt?.date) },
                workingDays: workingDays, suspendedDays: suspendedDays,
                useRegistrationNo: state.fields["use_registration_no"], registrationCode: state.fields["registration_code"],
                equipmentCode: state.fields["equipment_code"], vote: AuditChecks.vote(state, workflow: workflow),
                subsidyAmount: state.fields["subsidy_amount"], subsidyPaidOn: state.fields["subsidy_paid_on"]))
            findings += AuditChecks.missingEvidence(state, workflow: workflow)
            findings += claims.duplicates(of: id, fields: identifierFields)
            findings += AuditChecks.commissionedBeforeInspection(state, commissionedOn: commissionedOn)
            findings += AuditChecks.recordedLate(try store.events(caseID: id), caseID: id)
        }
        notes += counters.keys.sorted().flatMap { calendar in counters[calendar]?.problems ?? [] }
        let districts = DistrictTotal.of(cases)
        return CommissionedReport(year: year, asOf: setting.asOf, workflow: workflowID, cases: cases, findings: findings,
                                  districts: districts.byDistrict, total: districts.total,
                                  auditHead: AuditHead(sequence: head.sequence, hash: head.hash), notes: notes,
                                  stageColumns: StageColumn.union(pinned.keys.sorted().compactMap { pinned[$0] }))
    }
}

extension DistrictTotal {
    /// Totals per district (by name, cases without one last) and overall.
    static func of(_ cases: [CommissionedCase]) -> (byDistrict: [DistrictTotal], total: DistrictTotal) {
        func total(_ group: [CommissionedCase], district: String?) -> DistrictTotal {
            var subsidy = Rational.zero
            for item in group {
                if let amount = item.subsidyAmount.flatMap({ Rational(parsing: $0) }), let sum = subsidy.adding(amount) { subsidy = sum }
            }
            return DistrictTotal(district: district, elevators: group.count, homes: group.reduce(0) { $0 + ($1.homes ?? 0) },
                                 subsidy: subsidy.decimalString(places: 2))
        }
        let districts = Set(cases.map(\.district)).sorted { ($0 ?? "\u{10FFFF}") < ($1 ?? "\u{10FFFF}") }
        return (districts.map { district in total(cases.filter { $0.district == district }, district: district) },
                total(cases, district: nil))
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
