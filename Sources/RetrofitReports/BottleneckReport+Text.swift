import RetrofitCore

extension BottleneckReport {
    /// The report as text: per workflow, the headline and a stage table, then each group's.
    public func table() -> String {
        var sections = ["Bottlenecks as of \(asOf); period \(from.map { "\($0)" } ?? "from the first case") through \(to)"
                        + (by.map { ", by \($0.rawValue)" } ?? "")]
        for workflow in workflows {
            sections.append("\(workflow.workflow) — \(workflow.title)\n" + BottleneckReport.section(workflow.overall, label: "All cases"))
            for group in workflow.groups {
                let label = group.key.map { "\(by?.rawValue ?? "group") \($0)" } ?? "no \(by?.rawValue ?? "group")"
                sections.append(BottleneckReport.section(group, label: label.prefix(1).uppercased() + label.dropFirst()))
            }
        }
        if workflows.isEmpty { sections.append("No cases.") }
        sections.append("""
            now: cases in the stage today · overdue/susp.: of those, past the deadline / suspended today
            done: visits completed in the period · median/p90/max: their working days (nearest rank), suspended days not counted
            susp. days: calendar days those visits were suspended · rework: returns to a stage already left
            waiting: working days all cases spent in the stage in the period · share: of all waiting days
            """)
        sections += notes.map { "note: \($0)" }
        return sections.joined(separator: "\n\n")
    }

    static func section(_ group: BottleneckGroup, label: String) -> String {
        var table = TextTable(["stage", "now", "overdue", "susp.", "done", "median", "p90", "max", "susp. days", "rework", "waiting", "share"])
        for stage in group.stages {
            table.add([
                "\(stage.stage) \(StageTitle.chinese(stage.title))", "\(stage.inStage)", "\(stage.overdue)", "\(stage.suspended)",
                "\(stage.workingDays.count)", ReportNumber.text(stage.workingDays.median), ReportNumber.text(stage.workingDays.p90),
                ReportNumber.text(stage.workingDays.maximum), "\(stage.suspendedDays)", "\(stage.rework)",
                "\(stage.waitingDays)", ReportNumber.percentText(stage.waitingDays, of: group.totalWaitingDays),
            ])
        }
        return "\(label): \(group.headline)\n" + table.render()
    }
}
