import RetrofitCore

extension CommissionedReport {
    /// The report as text: the elevators, their stage dates, the findings, totals by district and the audit head.
    public func table() -> String {
        var writer = CommissionedTableWriter(to: BlockWriter())
        writer.start(heading)
        forEachCase { writer.add($0, findings: $1) }
        writer.finish(closing)
        return writer.out.text
    }
}

/// The report as text (see ``CommissionedReport/table()``), from the elevators as they are read. Every column
/// is as wide as its widest cell, so the rows are kept, packed, until the last elevator is in; then the
/// whole text is written out.
public struct CommissionedTableWriter: CommissionedWriter {
    public var out: BlockWriter
    private var elevators = PackedTextTable([
        "case", "district", "address", "unit", "homes", "helper", "commissioned", "working d", "susp. d",
        "use registration", "registration code", "equipment code", "vote", "subsidy", "paid on"])
    private var visits = StageDatesTable()
    private var problems = PackedTextTable(["case", "finding", "details"])

    public init(to out: BlockWriter) { self.out = out }

    public mutating func start(_ heading: CommissionedHeading) {}

    public mutating func add(_ item: CommissionedCase, findings: [AuditFinding]) {
        elevators.add([item.id, item.district ?? "—", item.address ?? "—", item.unit ?? "—", item.homes.map { "\($0)" } ?? "—",
                       item.helper ?? "—", "\(item.commissionedOn)", ReportNumber.text(item.workingDays), "\(item.suspendedDays)",
                       item.useRegistrationNo ?? "—", item.registrationCode ?? "—", item.equipmentCode ?? "—",
                       item.vote?.text ?? "no register", item.subsidyAmount ?? "—", item.subsidyPaidOn ?? "—"])
        visits.add(caseID: item.id, stages: item.stages)
        for finding in findings { problems.add([finding.caseID, finding.kind.rawValue, finding.text]) }
    }

    public mutating func finish(_ closing: CommissionedClosing) {
        let heading = closing.heading
        let scope = heading.workflow.map { "workflow \($0)" } ?? "all workflows"
        let count = elevators.rowCount
        out.write("Commissioned in \(heading.year): \(count) elevator\(count == 1 ? "" : "s") (\(scope)), as of \(heading.asOf)")
        if count > 0 {
            out.write("\n\n")
            elevators.render(to: &out)
            out.write("\n\nStage dates\n")
            visits.render(to: &out)
        }
        if problems.rowCount == 0 {
            out.write("\n\nFindings: none")
        } else {
            out.write("\n\nFindings (\(problems.rowCount))\n")
            problems.render(to: &out)
        }
        var totals = TextTable(["district", "elevators", "homes", "subsidy (yuan)"])
        for district in closing.districts {
            totals.add([district.district ?? "—", "\(district.elevators)", "\(district.homes)", district.subsidy])
        }
        totals.add(["total", "\(closing.total.elevators)", "\(closing.total.homes)", closing.total.subsidy])
        out.write("\n\nTotals by district\n" + totals.render())
        for note in closing.notes { out.write("\n\nnote: \(note)") }
        out.write("\n\naudit head: \(heading.auditHead)")
        out.write("\n" + AuditCheckpointStanding.line(heading.auditCheckpoint))
    }
}
