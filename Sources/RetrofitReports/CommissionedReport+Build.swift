import RetrofitCore
import RetrofitStore

extension CommissionedReport {
    /// The fields holding the three identifiers of an elevator (DOMAIN.md §2, stage 14).
    public static let identifierFields = ["use_registration_no", "registration_code", "equipment_code"]

    /// Collects every case whose `commissioned` milestone falls in `year` (of one workflow, or all),
    /// with the audit findings and the audit head read in the same pass: what ``stream(_:setting:year:workflowID:into:)``
    /// hands out, kept as one value.
    public static func build(_ store: CaseStore, setting: ReportSetting, year: Int, workflowID: String? = nil) throws -> CommissionedReport {
        var collector = Collector()
        let closing = try stream(store, setting: setting, year: year, workflowID: workflowID, into: &collector)
        let heading = closing.heading
        return CommissionedReport(year: heading.year, asOf: heading.asOf, workflow: heading.workflow, cases: collector.cases,
                                  findings: collector.findings, districts: closing.districts, total: closing.total,
                                  auditHead: heading.auditHead, auditCheckpoint: heading.auditCheckpoint, notes: closing.notes, stageColumns: heading.stageColumns)
    }

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

    /// What `stream` handed out before the first case and after the last.
    var heading: CommissionedHeading {
        CommissionedHeading(year: year, asOf: asOf, workflow: workflow, auditHead: auditHead, auditCheckpoint: auditCheckpoint,
                            stageColumns: stageColumns)
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
