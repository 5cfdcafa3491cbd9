import RetrofitCore

extension CommissionedReport {
    /// The report as text: the elevators, their stage dates, the findings, totals by district and the audit head.
    public func table() -> String {
        let scope = workflow.map { "workflow \($0)" } ?? "all workflows"
        var sections = ["Commissioned in \(year): \(cases.count) elevator\(cases.count == 1 ? "" : "s") (\(scope)), as of \(asOf)"]

        var main = TextTable(["case", "district", "address", "unit", "homes", "helper", "commissioned", "working d", "susp. d",
                              "use registration", "registration code", "equipment code", "vote", "subsidy", "paid on"])
        for item in cases {
            main.add([item.id, item.district ?? "—", item.address ?? "—", item.unit ?? "—", item.homes.map { "\($0)" } ?? "—",
                      item.helper ?? "—", "\(item.commissionedOn)", ReportNumber.text(item.workingDays), "\(item.suspendedDays)",
                      item.useRegistrationNo ?? "—", item.registrationCode ?? "—", item.equipmentCode ?? "—",
                      item.vote?.text ?? "no register", item.subsidyAmount ?? "—", item.subsidyPaidOn ?? "—"])
        }
        if !cases.isEmpty { sections.append(main.render()) }

        var visits = TextTable(["case", "#", "stage", "entered", "left"])
        for item in cases {
            for (index, visit) in item.stages.enumerated() {
                visits.add([index == 0 ? item.id : "", "\(index + 1)", visit.stage, "\(visit.entered)", visit.left.map { "\($0)" } ?? "—"])
            }
        }
        if !cases.isEmpty { sections.append("Stage dates\n" + visits.render()) }

        var problems = TextTable(["case", "finding", "details"])
        for finding in findings { problems.add([finding.caseID, finding.kind.rawValue, finding.text]) }
        sections.append(findings.isEmpty ? "Findings: none" : "Findings (\(findings.count))\n" + problems.render())

        var totals = TextTable(["district", "elevators", "homes", "subsidy (yuan)"])
        for district in districts {
            totals.add([district.district ?? "—", "\(district.elevators)", "\(district.homes)", district.subsidy])
        }
        totals.add(["total", "\(total.elevators)", "\(total.homes)", total.subsidy])
        sections.append("Totals by district\n" + totals.render())
        sections += notes.map { "note: \($0)" }
        sections.append("audit head: \(auditHead)")
        return sections.joined(separator: "\n\n")
    }
}
