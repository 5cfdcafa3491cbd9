import RetrofitCore

extension ProgressReport {
    /// The report as text: the count against the target, months, districts, pipeline and forecast.
    public func table() -> String {
        var sections = ["Progress \(year) — \(workflow) \(title), as of \(asOf)\n"
                        + "Commissioned: \(commissioned) of target \(target) (\(ReportNumber.percentText(commissioned, of: target))); \(remaining) to go."]

        var monthTable = TextTable(["month", "commissioned", "cumulative", "target pace"])
        for month in months {
            monthTable.add([month.month, "\(month.commissioned)", ReportNumber.text(month.cumulative), "\(month.targetPace)"])
        }
        sections.append(monthTable.render())

        var districtTable = TextTable(["district", "commissioned"])
        for district in districts { districtTable.add([district.district ?? "—", "\(district.commissioned)"]) }
        sections.append(districts.isEmpty ? "No elevator commissioned in \(year) yet." : "By district\n" + districtTable.render())

        var pipelineTable = TextTable(["stage", "cases", "suspended"])
        for stage in pipeline {
            pipelineTable.add(["\(stage.stage) \(StageTitle.chinese(stage.title))", "\(stage.cases)", "\(stage.suspended)"])
        }
        let waiting = pipeline.reduce(0) { $0 + $1.cases }
        sections.append("Pipeline (not yet commissioned): \(waiting) case\(waiting == 1 ? "" : "s")\n" + pipelineTable.render())

        if let forecast {
            sections.append(ProgressReport.forecastText(forecast, year: year))
        } else {
            sections.append("\(year) is over: no forecast.")
        }
        sections += notes.map { "note: \($0)" }
        return sections.joined(separator: "\n\n")
    }

    static func forecastText(_ forecast: ProgressForecast, year: Int) -> String {
        var estimates = TextTable(["stage", "past visits", "estimate", "basis"])
        for estimate in forecast.estimates {
            estimates.add(["\(estimate.stage) \(StageTitle.chinese(estimate.title))", "\(estimate.visits)", estimate.period, estimate.explanation])
        }
        var cases = TextTable(["case", "now in", "status", "expected", "in \(year)", "stages left", "district", "helper"])
        for item in forecast.cases {
            cases.add([item.id, item.stage, item.status, item.expected.map { "\($0)" } ?? "—",
                       item.inYear ? "yes" : item.beforeYear ? "before" : (item.daysAfterYearEnd > 0 ? "\(item.daysAfterYearEnd) d late" : "no"),
                       "\(max(0, item.path.count - 1))", item.district ?? "—", item.helper ?? "—"])
        }
        var lines = ["Forecast: each stage still to pass takes the median working days of its past visits, or its workflow deadline when it has",
                     "fewer than 3; no case leaves its current stage before today, and a suspended case is taken to resume today",
                     estimates.render(), "", cases.render(), "", forecast.summary]
        if !forecast.mustMove.isEmpty {
            let list = forecast.mustMove.map { item in
                "\(item.id) (\(item.expected.map { "\($0)" } ?? "no forecast")\(item.daysAfterYearEnd > 0 ? ", \(item.daysAfterYearEnd) d late" : ""))"
            }
            lines.append("Must be commissioned in \(year): " + list.joined(separator: ", "))
        }
        return lines.joined(separator: "\n")
    }
}
