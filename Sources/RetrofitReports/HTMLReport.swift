import RetrofitCore
import RetrofitStore

/// One self-contained page for managers: for each workflow, progress to target, stage funnel and working
/// days per stage; then every overdue case. XHTML (well-formed XML), inline SVG, no script, nothing fetched;
/// every sentence in Chinese first, then in English; Chinese text in a CJK font stack; laid out for A4.
public struct HTMLReport: Sendable {
    public let year: Int
    public let asOf: CivilDate
    /// One section per workflow: the one asked for, or every workflow in the database (report order).
    public let sections: [HTMLWorkflowSection]
    /// The overdue cases of the same workflows: what `retrofit overdue` lists (with the same `--workflow`).
    public let overdue: [OverdueEntry]
    /// Stage titles by workflow and stage id, for the overdue table.
    let stageTitles: [String: [String: String]]
    public let auditHead: AuditHead

    /// Gathers the figures for `year` of one workflow, or of every workflow when `workflowID` is nil.
    public static func build(_ store: CaseStore, setting: ReportSetting, year: Int, workflowID: String? = nil) throws -> HTMLReport {
        let workflows = try workflowID.map { [try setting.workflow(named: $0)] } ?? setting.workflowIDs.compactMap { setting.workflows[$0] }
        guard !workflows.isEmpty else { throw ReportInputError.noCases }
        var from = CivilDate(year: year, month: 1, day: 1)
        var to = min(CivilDate(year: year, month: 12, day: 31) ?? setting.asOf, setting.asOf)
        if let start = from, start > to { (from, to) = (nil, setting.asOf) }
        var sections: [HTMLWorkflowSection] = []
        for workflow in workflows {
            let progress = try ProgressReport.build(store, setting: setting, year: year, workflowID: workflow.id)
            let bottlenecks = try BottleneckReport.build(store, setting: setting, from: from, to: to, workflowID: workflow.id)
            guard let group = bottlenecks.workflows.first?.overall else { continue }
            let timed = group.stages.filter { workflow.stage($0.stage)?.isTerminal != true }
            sections.append(HTMLWorkflowSection(progress: progress, bottlenecks: group, timedStages: timed,
                                                funnel: try FunnelReport.build(store, workflow: workflow)))
        }
        guard !sections.isEmpty else { throw ReportInputError.noCases }
        let overdue = try OverdueReport.fromProjection(store, on: setting.asOf, dueSoon: false, filter: CaseFilter(workflow: workflowID))
        let titles = setting.workflows.mapValues { workflow in
            Dictionary(workflow.stages.map { ($0.id, $0.title) }) { first, _ in first }
        }
        let head = try store.head()
        return HTMLReport(year: year, asOf: setting.asOf, sections: sections, overdue: overdue, stageTitles: titles,
                          auditHead: AuditHead(sequence: head.sequence, hash: head.hash))
    }

    /// The page.
    public func html() -> String {
        let title: String
        if sections.count == 1, let only = sections.first?.progress {
            title = "\(StageTitle.chinese(only.title)) \(year) 年度进度 / \(StageTitle.english(only.title)) progress \(year)"
        } else {
            title = "加装电梯工作 \(year) 年度进度 / Elevator programme progress \(year)"
        }
        let workflowIDs = sections.map(\.progress.workflow).joined(separator: ", ")
        var body = ["<h1>\(XMLText.escape(title))</h1>",
                    paragraph("meta", [
                        "截至 \(asOf)；流程：\(workflowIDs)；审计头：第 \(auditHead.sequence) 号事件，哈希 \(auditHead.hash)。",
                        "As of \(asOf); workflow\(sections.count == 1 ? "" : "s") \(workflowIDs); audit head: event \(auditHead.sequence), hash \(auditHead.hash).",
                    ])]
        for section in sections { body.append(workflowSection(section)) }
        body.append(overdueSection())
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

    /// One workflow: its progress, funnel and stage durations.
    private func workflowSection(_ section: HTMLWorkflowSection) -> String {
        let progress = section.progress
        var parts = ["<h2>\(XMLText.escape("\(StageTitle.chinese(progress.title))（\(progress.workflow)）/ \(StageTitle.english(progress.title)) (\(progress.workflow))"))</h2>"]
        parts.append(subsection("投入使用进度 / Commissioned against target", [
            paragraph("lead", HTMLReport.progressSentences(progress)),
            figure(ReportCharts.progress(progress), caption: "实线：累计投入使用；虚线：均匀进度到目标；点线：预测到年底。Solid: cumulative; dashed: even pace; dotted: forecast."),
        ]))
        parts.append(subsection("阶段漏斗 / Stage funnel", [
            figure(ReportCharts.funnel(section.funnel), caption: "到达：曾进入该阶段的案件数；现有：目前在该阶段的案件数。Reached: cases that entered the stage; now: cases in it today."),
        ]))
        parts.append(subsection("各阶段用时 / Working days per stage", [
            paragraph("lead", HTMLReport.bottleneckSentences(section.bottlenecks)),
            figure(ReportCharts.durations(section.timedStages), caption: "\(year) 年内完成的阶段停留，工作日（不含中止天数），最近秩法。Visits completed in \(year), working days without suspended days, nearest rank."),
        ]))
        return "<section>\n" + parts.joined(separator: "\n") + "\n</section>"
    }

    /// The count against the target and the forecast: the Chinese sentences, then the English ones. The page does
    /// not list the cases the forecast names, so it speaks of the earliest forecasts, never of "the cases listed".
    static func progressSentences(_ progress: ProgressReport) -> (chinese: String, english: String) {
        let percent = ReportNumber.percentText(progress.commissioned, of: progress.target)
        var chinese = "已投入使用 \(progress.commissioned) 台，目标 \(progress.target) 台（\(percent)）。"
        var english = "Commissioned: \(progress.commissioned) of a target of \(progress.target) (\(percent))."
        guard let forecast = progress.forecast else {
            return (chinese + "\(progress.year) 年已结束，不作预测。", english + " \(progress.year) is over: no forecast.")
        }
        chinese += "预计到 \(progress.year)-12-31 共 \(forecast.expectedByYearEnd) 台（已投用 \(progress.commissioned) 台，预测 \(forecast.expectedInYear) 台）。"
        english += " Expected by \(progress.year)-12-31: \(forecast.expectedByYearEnd) (\(progress.commissioned) commissioned, \(forecast.expectedInYear) forecast)."
        if forecast.needed == 0 {
            return (chinese + "目标已达成。", english + " The target is already met.")
        }
        let late = forecast.mustMove.filter { !$0.inYear }.count
        if forecast.expectedByYearEnd >= progress.target {
            chinese += "预测最早的 \(forecast.needed) 个案件按期投入使用即可达标。"
            english += " The target is met if the \(forecast.needed) case\(forecast.needed == 1 ? "" : "s") with the earliest forecasts keep\(forecast.needed == 1 ? "s" : "") to time."
        } else if forecast.mustMove.isEmpty {
            chinese += "要达到目标，今年还需投入使用 \(forecast.needed) 台。"
            english += " To meet it, \(forecast.needed) more must be commissioned this year."
        } else {
            chinese += "要达到目标，今年还需投入使用 \(forecast.needed) 台；预测最早的 \(forecast.mustMove.count) 个案件中，有 \(late) 个预测在年底之后。"
            english += " To meet it, \(forecast.needed) more must be commissioned this year; of the \(forecast.mustMove.count) case\(forecast.mustMove.count == 1 ? "" : "s") with the earliest forecasts, \(late) \(late == 1 ? "is" : "are") forecast after the year end."
        }
        if forecast.shortBy > 0 {
            chinese += "即使在途案件全部投入使用，仍差 \(forecast.shortBy) 台。"
            english += " Even if every case in the pipeline were commissioned, the target would be missed by \(forecast.shortBy)."
        }
        return (chinese, english)
    }

    /// Where the waiting days went, by stage title: Chinese, then English.
    static func bottleneckSentences(_ group: BottleneckGroup) -> (chinese: String, english: String) {
        guard let busiest = group.stages.first(where: { $0.stage == group.busiestStage }) else {
            return ("期间内没有案件等待任何工作日。", "No case spent a working day waiting in the period.")
        }
        let percent = ReportNumber.percentText(busiest.waitingDays, of: group.totalWaitingDays)
        let waiting = "\(ReportNumber.grouped(busiest.waitingDays))"
        let total = "\(ReportNumber.grouped(group.totalWaitingDays))"
        let cases = busiest.overdue == 0 ? "no case is" : (busiest.overdue == 1 ? "1 case is" : "\(busiest.overdue) cases are")
        return ("「\(StageTitle.chinese(busiest.title))」阶段占全部等待工作日的 \(percent)（\(waiting) / \(total) 个工作日）；\(busiest.overdue == 0 ? "该阶段没有逾期案件" : "该阶段有 \(busiest.overdue) 个案件逾期")。",
                "\(StageTitle.english(busiest.title)) holds \(percent) of all waiting days (\(waiting) of \(total) working days); \(cases) overdue there.")
    }

    private func subsection(_ heading: String, _ content: [String]) -> String {
        "<h3>\(XMLText.escape(heading))</h3>\n" + content.joined(separator: "\n")
    }

    /// Two paragraphs: the Chinese sentences, then the English ones.
    private func paragraph(_ style: String, _ text: (chinese: String, english: String)) -> String {
        "<p class=\"\(style)\" lang=\"zh-CN\" xml:lang=\"zh-CN\">\(XMLText.escape(text.chinese))</p>\n"
            + "<p class=\"\(style) en\" lang=\"en\" xml:lang=\"en\">\(XMLText.escape(text.english))</p>"
    }

    private func paragraph(_ style: String, _ sentences: [String]) -> String {
        paragraph(style, (sentences[0], sentences[1]))
    }

    private func figure(_ svg: String, caption: String) -> String {
        "<figure>\n\(svg)\n<figcaption>\(XMLText.escape(caption))</figcaption>\n</figure>"
    }

    private func overdueSection() -> String {
        let heading = "逾期案件（\(overdue.count) 件）/ Overdue cases (\(overdue.count))"
        return "<section>\n<h2>\(XMLText.escape(heading))</h2>\n\(overdueTable())\n</section>"
    }

    private func overdueTable() -> String {
        guard !overdue.isEmpty else { return paragraph("lead", ("无逾期案件。", "No case is overdue.")) }
        let several = Set(overdue.map(\.workflow)).count > 1 || sections.count > 1
        var header = ["案件 case", "阶段 stage", "期限 deadline", "逾期天数 days late", "帮办员 helper", "区县 district"]
        if several { header.insert("流程 workflow", at: 1) }
        var rows = ["<tr>" + header.map { "<th>\(XMLText.escape($0))</th>" }.joined() + "</tr>"]
        for entry in overdue {
            let stage = stageTitles[entry.workflow]?[entry.stage].map(StageTitle.chinese) ?? entry.stage
            var cells = [entry.id, stage, entry.deadline, "\(entry.daysLate)", entry.helper ?? "—", entry.district ?? "—"]
            if several { cells.insert(entry.workflow, at: 1) }
            rows.append("<tr>" + cells.map { "<td>\(XMLText.escape($0))</td>" }.joined() + "</tr>")
        }
        return "<table>\n<thead>\n\(rows[0])\n</thead>\n<tbody>\n\(rows.dropFirst().joined(separator: "\n"))\n</tbody>\n</table>"
    }

    static let style = """
        @page { size: A4; margin: 15mm 14mm; }
        body { font-family: "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "SimSun", sans-serif; color: #1f2937; font-size: 10.5pt; line-height: 1.5; margin: 0 auto; max-width: 180mm; }
        h1 { font-size: 16pt; margin: 0 0 2mm; }
        h2 { font-size: 13.5pt; margin: 8mm 0 2mm; break-after: avoid; page-break-after: avoid; }
        h3 { font-size: 11.5pt; margin: 5mm 0 2mm; break-after: avoid; page-break-after: avoid; }
        .meta { color: #6b7280; font-size: 9pt; word-break: break-all; margin: 0; }
        .lead { margin: 1mm 0 0; }
        .lead.en { margin: 0 0 2mm; color: #4b5563; }
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

/// One workflow's part of the page.
public struct HTMLWorkflowSection: Sendable {
    public let progress: ProgressReport
    /// The year's bottleneck figures (1 January through the as-of day, or 31 December).
    public let bottlenecks: BottleneckGroup
    /// Of those, the stages a case can wait in (not terminal): the duration chart's rows.
    public let timedStages: [BottleneckStage]
    public let funnel: [FunnelStage]
}
