import RetrofitCore

/// The report's charts as inline SVG, drawn here: no script, no font or image fetched.
enum ReportCharts {
    static let width = 680.0
    static let ink = "#1f2937"
    static let accent = "#2563eb"
    static let muted = "#9ca3af"
    static let pale = "#bfdbfe"

    /// An `<svg>` element of the chart width and `height`, with a title for screen readers.
    static func svg(height: Double, label: String, _ body: [String]) -> String {
        let size = "viewBox=\"0 0 \(SVGNumber.text(width)) \(SVGNumber.text(height))\" width=\"100%\""
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" \(size) role=\"img\" aria-label=\"\(XMLText.escape(label))\">\n"
            + "<title>\(XMLText.escape(label))</title>\n" + body.joined(separator: "\n") + "\n</svg>"
    }

    static func text(_ content: String, x: Double, y: Double, anchor: String = "start", size: Int = 11, fill: String = ink) -> String {
        "<text x=\"\(SVGNumber.text(x))\" y=\"\(SVGNumber.text(y))\" text-anchor=\"\(anchor)\" font-size=\"\(size)\" fill=\"\(fill)\">\(XMLText.escape(content))</text>"
    }

    static func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String, width: Double = 1, dash: String? = nil) -> String {
        "<line x1=\"\(SVGNumber.text(x1))\" y1=\"\(SVGNumber.text(y1))\" x2=\"\(SVGNumber.text(x2))\" y2=\"\(SVGNumber.text(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(SVGNumber.text(width))\""
            + (dash.map { " stroke-dasharray=\"\($0)\"" } ?? "") + " />"
    }

    static func rect(x: Double, y: Double, width: Double, height: Double, fill: String) -> String {
        "<rect x=\"\(SVGNumber.text(x))\" y=\"\(SVGNumber.text(y))\" width=\"\(SVGNumber.text(max(0, width)))\" height=\"\(SVGNumber.text(height))\" fill=\"\(fill)\" />"
    }

    /// Cumulative commissionings by month against an even pace to the target, with the forecast to 31 December.
    static func progress(_ report: ProgressReport) -> String {
        let height = 280.0, left = 44.0, right = 96.0, top = 16.0, bottom = 34.0
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let highest = max(report.target, report.forecast?.expectedByYearEnd ?? 0, report.months.compactMap(\.cumulative).max() ?? 0, 1)
        let scale = Double(highest) * 1.1
        func x(_ month: Double) -> Double { left + plotWidth * month / 12 }
        func y(_ value: Int) -> Double { top + plotHeight * (1 - Double(value) / scale) }
        var body = [line(left, y(0), left + plotWidth, y(0), stroke: ink), line(left, top, left, y(0), stroke: ink)]
        for tick in Set([0, report.target / 2, report.target]).sorted() {
            body.append(line(left, y(tick), left + plotWidth, y(tick), stroke: "#e5e7eb"))
            body.append(text("\(tick)", x: left - 6, y: y(tick) + 4, anchor: "end"))
        }
        for month in 1...12 { body.append(text("\(month)月", x: x(Double(month) - 0.5), y: y(0) + 16, anchor: "middle", size: 10)) }
        body.append(line(x(0), y(0), x(12), y(report.target), stroke: muted, width: 1.5, dash: "6 4"))
        body.append(text("目标 \(report.target)", x: x(12) + 6, y: y(report.target) + 4, size: 10, fill: muted))
        let points = progressPoints(report)
        let path = points.map { "\(SVGNumber.text(x($0.month))),\(SVGNumber.text(y($0.count)))" }.joined(separator: " ")
        body.append("<polyline points=\"\(path)\" fill=\"none\" stroke=\"\(accent)\" stroke-width=\"2.5\" />")
        for point in points.dropFirst() {
            body.append("<circle cx=\"\(SVGNumber.text(x(point.month)))\" cy=\"\(SVGNumber.text(y(point.count)))\" r=\"3\" fill=\"\(accent)\" />")
        }
        if let last = points.last {
            body.append(text("已投用 \(last.count)", x: x(last.month) - 4, y: y(last.count) - 8, anchor: "end", size: 10, fill: accent))
            if let forecast = report.forecast, last.month < 12 {
                body.append(line(x(last.month), y(last.count), x(12), y(forecast.expectedByYearEnd), stroke: accent, width: 1.5, dash: "2 4"))
                // Keep the forecast's label clear of the target's.
                let clash = abs(y(forecast.expectedByYearEnd) - y(report.target)) < 14
                body.append(text("预计 \(forecast.expectedByYearEnd)", x: x(12) + 6, y: y(forecast.expectedByYearEnd) + (clash ? 18 : 4), size: 10, fill: accent))
            }
        }
        return svg(height: height, label: "\(report.year) 投入使用进度 / commissioned against target", body)
    }

    /// The cumulative line: the start of the year, each month-end passed, and the as-of day within its month.
    static func progressPoints(_ report: ProgressReport) -> [(month: Double, count: Int)] {
        var points: [(month: Double, count: Int)] = [(0, 0)]
        for (index, month) in report.months.enumerated() {
            guard let cumulative = month.cumulative else { break }
            let number = index + 1
            if report.asOf.year == report.year, report.asOf.month == number {
                let days = CivilDate.daysInMonth(year: report.year, month: number)
                points.append((Double(index) + Double(report.asOf.day) / Double(days), cumulative))
                break
            }
            points.append((Double(number), cumulative))
        }
        return points
    }

    /// Cases that reached each stage (bar) and are in it now (figure).
    static func funnel(_ stages: [FunnelStage]) -> String {
        let labelWidth = 190.0, barHeight = 18.0, gap = 8.0, top = 8.0
        let plotWidth = width - labelWidth - 130
        let most = max(stages.map(\.reached).max() ?? 0, 1)
        var body: [String] = []
        for (index, stage) in stages.enumerated() {
            let rowTop = top + Double(index) * (barHeight + gap)
            let barWidth = plotWidth * Double(stage.reached) / Double(most)
            body.append(text(StageTitle.chinese(stage.title), x: labelWidth - 8, y: rowTop + 13, anchor: "end"))
            body.append(rect(x: labelWidth + (plotWidth - barWidth) / 2, y: rowTop, width: barWidth, height: barHeight, fill: accent))
            body.append(text("到达 \(stage.reached) · 现有 \(stage.now)", x: labelWidth + plotWidth + 8, y: rowTop + 13, size: 10))
        }
        let height = top * 2 + Double(stages.count) * (barHeight + gap)
        return svg(height: height, label: "阶段漏斗 / stage funnel", body)
    }

    /// Median and 90th-percentile working days of the visits completed per stage.
    static func durations(_ stages: [BottleneckStage]) -> String {
        let labelWidth = 190.0, barHeight = 16.0, gap = 10.0, top = 8.0
        let plotWidth = width - labelWidth - 180
        let longest = max(stages.compactMap(\.workingDays.p90).max() ?? 0, 1)
        var body: [String] = []
        for (index, stage) in stages.enumerated() {
            let rowTop = top + Double(index) * (barHeight + gap)
            body.append(text(StageTitle.chinese(stage.title), x: labelWidth - 8, y: rowTop + 12, anchor: "end"))
            guard let median = stage.workingDays.median, let p90 = stage.workingDays.p90 else {
                body.append(text("— 无已完成 none completed", x: labelWidth, y: rowTop + 12, size: 10, fill: muted))
                continue
            }
            body.append(rect(x: labelWidth, y: rowTop, width: plotWidth * Double(p90) / Double(longest), height: barHeight, fill: pale))
            body.append(rect(x: labelWidth, y: rowTop, width: plotWidth * Double(median) / Double(longest), height: barHeight, fill: accent))
            body.append(text("中位 \(median) · P90 \(p90) 工作日 (\(stage.workingDays.count))", x: labelWidth + plotWidth + 8, y: rowTop + 12, size: 10))
        }
        let height = top * 2 + Double(stages.count) * (barHeight + gap)
        return svg(height: height, label: "各阶段用时（工作日）/ working days per stage", body)
    }
}
