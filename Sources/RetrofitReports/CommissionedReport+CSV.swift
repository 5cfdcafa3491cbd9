import RetrofitCore

extension CommissionedReport {
    /// One row per elevator under a bilingual header (`案件编号 / Case`), stage dates (first entry,
    /// last exit of each stage), and the case's findings in the last cell. UTF-8 with a byte-order mark.
    /// The audit head is not a row: print it beside the file.
    public func csv() -> String {
        var writer = CommissionedCSVWriter(to: BlockWriter())
        writer.start(heading)
        forEachCase { writer.add($0, findings: $1) }
        writer.finish(closing)
        return writer.out.text
    }
}

/// The report as CSV (see ``CommissionedReport/csv()``), a row written as each elevator is read.
public struct CommissionedCSVWriter: CommissionedWriter {
    public var out: BlockWriter
    private var stageColumns: [StageColumn] = []

    public init(to out: BlockWriter) { self.out = out }

    public mutating func start(_ heading: CommissionedHeading) {
        stageColumns = heading.stageColumns
        var header = ["案件编号 / Case", "流程 / Workflow", "地址 / Address", "区县 / District", "单元 / Unit", "户数 / Homes",
                      "帮办员 / Helper", "投入使用日期 / Commissioned on", "工作日 / Working days", "中止天数 / Days suspended",
                      "使用登记证编号 / Use-registration certificate no.", "注册代码 / Registration code", "设备代码 / Equipment code",
                      "表决结果 / Vote", "同意业主 / Agreeing owners", "补贴金额（元） / Subsidy (yuan)", "补贴拨付日期 / Subsidy paid on"]
        for column in stageColumns {
            let name = StageTitle.chinese(column.title)
            header += ["\(name)进入 / \(column.id) entered", "\(name)离开 / \(column.id) left"]
        }
        header.append("审计发现 / Findings")
        out.write(CSVText.byteOrderMark)
        writeRow(header)
    }

    public mutating func add(_ item: CommissionedCase, findings: [AuditFinding]) {
        let vote = item.vote.map { $0.passes ? "通过 / passes" : "未通过 / fails" } ?? ""
        let agreeing = item.vote.map { "\($0.agreeingOwners)/\($0.totalOwners)" } ?? ""
        let homes = item.homes.map { "\($0)" } ?? ""
        let workingDays = item.workingDays.map { "\($0)" } ?? ""
        var row: [String] = [item.id, item.workflow, item.address ?? "", item.district ?? "", item.unit ?? "", homes, item.helper ?? ""]
        row += ["\(item.commissionedOn)", workingDays, "\(item.suspendedDays)"]
        row += [item.useRegistrationNo ?? "", item.registrationCode ?? "", item.equipmentCode ?? ""]
        row += [vote, agreeing, item.subsidyAmount ?? "", item.subsidyPaidOn ?? ""]
        for column in stageColumns {
            let visits = item.stages.filter { $0.stage == column.id }
            row.append(visits.first.map { "\($0.entered)" } ?? "")
            row.append(visits.last?.left.map { "\($0)" } ?? "")
        }
        row.append(findings.map { "\($0.kind.rawValue): \($0.text)" }.joined(separator: "\n"))
        writeRow(row)
    }

    public mutating func finish(_ closing: CommissionedClosing) {}

    private mutating func writeRow(_ cells: [String]) {
        out.write(CSVText.row(cells))
        out.write("\r\n")
    }
}
