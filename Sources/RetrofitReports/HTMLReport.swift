import RetrofitCore
import RetrofitStore

/// One self-contained page for managers: progress to target, stage funnel, working days per
/// stage and the overdue list. XHTML (well-formed XML), inline SVG, no script, nothing fetched;
/// Chinese text in a CJK font stack; laid out for A4.
public struct HTMLReport: Sendable {
    public let progress: ProgressReport
    /// The year's bottleneck figures (1 January through the as-of day, or 31 December).
    public let bottlenecks: BottleneckGroup
    /// Of those, the stages a case can wait in (not terminal): the duration chart's rows.
    public let timedStages: [BottleneckStage]
    public let funnel: [FunnelStage]
    public let overdue: [OverdueEntry]
    public let auditHead: AuditHead

    /// Gathers the figures for `year` of one workflow (nil: `elevator-retrofit`, or the only one).
    public static func build(_ store: CaseStore, setting: ReportSetting, year: Int, workflowID: String? = nil) throws -> HTMLReport {
        let workflow = try setting.workflow(named: workflowID)
        let progress = try ProgressReport.build(store, setting: setting, year: year, workflowID: workflow.id)
        var from = CivilDate(year: year, month: 1, day: 1)
        var to = min(CivilDate(year: year, month: 12, day: 31) ?? setting.asOf, setting.asOf)
        if let start = from, start > to { (from, to) = (nil, setting.asOf) }
        let bottlenecks = try BottleneckReport.build(store, setting: setting, from: from, to: to, workflowID: workflow.id)
        let overdue = try OverdueReport.fromProjection(store, on: setting.asOf, dueSoon: false, filter: CaseFilter(workflow: workflow.id))
        let head = try store.head()
        guard let group = bottlenecks.workflows.first?.overall else { throw ReportInputError.noCases }
        let timed = group.stages.filter { workflow.stage($0.stage)?.isTerminal != true }
        return HTMLReport(progress: progress, bottlenecks: group, timedStages: timed, funnel: try FunnelReport.build(store, workflow: workflow),
                          overdue: overdue, auditHead: AuditHead(sequence: head.sequence, hash: head.hash))
    }

    /// The page.
    public func html() -> String {
        let title = "\(StageTitle.chinese(progress.title)) \(progress.year) 年度进度 / \(StageTitle.english(progress.title)) progress \(progress.year)"
        var body = ["<h1>\(XMLText.escape(title))</h1>",
                    "<p class=\"meta\">截至 as of \(progress.asOf) · 流程 workflow \(XMLText.escape(progress.workflow)) · 审计头 audit head \(XMLText.escape(auditHead.description))</p>"]
        body.append(section("投入使用进度 / Commissioned against target", [
            "<p class=\"lead\">已投入使用 <strong>\(progress.commissioned)</strong> / 目标 \(progress.target)（\(ReportNumber.percentText(progress.commissioned, of: progress.target))）。"
                + XMLText.escape(progress.forecast?.summary ?? "\(progress.year) is over.") + "</p>",
            figure(ReportCharts.progress(progress), caption: "实线：累计投入使用；虚线：均匀进度到目标；点线：预测到年底。Solid: cumulative; dashed: even pace; dotted: forecast."),
        ]))
        body.append(section("阶段漏斗 / Stage funnel", [
            figure(ReportCharts.funnel(funnel), caption: "到达：曾进入该阶段的案件数；现有：目前在该阶段的案件数。Reached: cases that entered the stage; now: cases in it today."),
        ]))
        body.append(section("各阶段用时 / Working days per stage", [
            "<p class=\"lead\">\(XMLText.escape(bottlenecks.headline))</p>",
            figure(ReportCharts.durations(timedStages), caption: "\(progress.year) 年内完成的阶段停留，工作日（不含中止天数），最近秩法。Visits completed in \(progress.year), working days without suspended days, nearest rank."),
        ]))
        body.append(section("逾期案件 / Overdue cases (\(overdue.count))", [overdueTable()]))
        return """
            <!DOCTYPE html>
            <html xmlns="http://www.w3.org/1999/xhtml" lang="zh-CN" xml:lang="zh-CN">
            <head>
            <meta charset="UTF-8" />
            <title>\(XMLText.escape(title))</title>
            <style>
            \(HTMLReport.style)
            </style>
            </head>
            <body>
            \(body.joined(separator: "\n"))
            </body>
            </html>

            """
    }

    private func section(_ heading: String, _ content: [String]) -> String {
        "<section>\n<h2>\(XMLText.escape(heading))</h2>\n" + content.joined(separator: "\n") + "\n</section>"
    }

    private func figure(_ svg: String, caption: String) -> String {
        "<figure>\n\(svg)\n<figcaption>\(XMLText.escape(caption))</figcaption>\n</figure>"
    }

    private func overdueTable() -> String {
        guard !overdue.isEmpty else { return "<p>无逾期案件。No case is overdue.</p>" }
        let header = ["案件 case", "阶段 stage", "期限 deadline", "逾期天数 days late", "帮办员 helper", "区县 district"]
        var rows = ["<tr>" + header.map { "<th>\(XMLText.escape($0))</th>" }.joined() + "</tr>"]
        for entry in overdue {
            let cells = [entry.id, entry.stage, entry.deadline, "\(entry.daysLate)", entry.helper ?? "—", entry.district ?? "—"]
            rows.append("<tr>" + cells.map { "<td>\(XMLText.escape($0))</td>" }.joined() + "</tr>")
        }
        return "<table>\n<thead>\n\(rows[0])\n</thead>\n<tbody>\n\(rows.dropFirst().joined(separator: "\n"))\n</tbody>\n</table>"
    }

    static let style = """
        @page { size: A4; margin: 15mm 14mm; }
        body { font-family: "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "SimSun", sans-serif; color: #1f2937; font-size: 10.5pt; line-height: 1.5; margin: 0 auto; max-width: 180mm; }
        h1 { font-size: 16pt; margin: 0 0 2mm; }
        h2 { font-size: 12.5pt; margin: 6mm 0 2mm; break-after: avoid; page-break-after: avoid; }
        .meta { color: #6b7280; font-size: 9pt; word-break: break-all; }
        .lead { margin: 1mm 0 2mm; }
        figure { margin: 0; break-inside: avoid; page-break-inside: avoid; }
        svg { display: block; max-width: 100%; height: auto; break-inside: avoid; page-break-inside: avoid; }
        svg text { font-family: inherit; }
        figcaption { color: #6b7280; font-size: 8.5pt; }
        table { border-collapse: collapse; width: 100%; font-size: 9pt; }
        th, td { border-bottom: 1px solid #e5e7eb; padding: 1mm 2mm; text-align: left; }
        tr { break-inside: avoid; page-break-inside: avoid; }
        thead { display: table-header-group; }
        """
}
