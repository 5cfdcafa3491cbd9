import RetrofitCore
import RetrofitStore

extension ProgressReport {
    /// Computes the progress of `year` as of the setting's day.
    ///
    /// - Parameters:
    ///   - target: elevators to commission in the year; nil for the workflow's `target` (100 when the file has none).
    ///   - workflowID: nil for `elevator-retrofit`, or the only workflow in the database.
    public static func build(_ store: CaseStore, setting: ReportSetting, year: Int, target: Int? = nil,
                             workflowID: String? = nil) throws -> ProgressReport {
        let workflow = try setting.workflow(named: workflowID)
        let target = target ?? workflow.yearlyTarget
        let standings = try store.caseStandings(workflowID: workflow.id)
        let done = standings.compactMap { standing in standing.commissionedOn.flatMap { $0.year == year ? (standing, $0) : nil } }

        var months: [ProgressMonth] = []
        var cumulative = 0
        for month in 1...12 {
            let count = done.filter { $0.1.month == month }.count
            cumulative += count
            let isFuture = (year, month) > (setting.asOf.year, setting.asOf.month)
            months.append(ProgressMonth(month: "\(String(format4: year))-\(String(format2: month))", commissioned: count,
                                        cumulative: isFuture ? nil : cumulative, targetPace: (2 * target * month + 12) / 24))
        }

        var byDistrict: [String?: Int] = [:]
        for (standing, _) in done { byDistrict[standing.district, default: 0] += 1 }
        let districts = byDistrict.sorted { ($1.value, $0.key ?? "\u{10FFFF}") < ($0.value, $1.key ?? "\u{10FFFF}") }
            .map { ProgressDistrict(district: $0.key, commissioned: $0.value) }

        let waiting = standings.filter { ($0.status == .active || $0.status == .suspended) && $0.commissionedOn == nil }
        let lastStage = workflow.stage(marking: "commissioned").flatMap { workflow.stageIndex($0.id) } ?? workflow.stages.count
        let pipeline = workflow.stages.prefix(lastStage).map { stage in
            let here = waiting.filter { $0.stage == stage.id }
            return PipelineStage(stage: stage.id, title: stage.title, cases: here.count, suspended: here.filter { $0.status == .suspended }.count)
        }

        var notes: [String] = []
        var forecast: ProgressForecast?
        if year >= setting.asOf.year {
            let built = try ProgressForecast.build(store, setting: setting, workflow: workflow, cases: waiting, year: year,
                                                   target: target, commissioned: done.count)
            forecast = built.forecast
            notes = built.notes
        }
        return ProgressReport(year: year, asOf: setting.asOf, workflow: workflow.id, title: workflow.title, target: target,
                              commissioned: done.count, remaining: max(0, target - done.count), months: months,
                              districts: districts, pipeline: pipeline, forecast: forecast, notes: notes)
    }
}

extension ProgressForecast {
    /// Forecasts each of `cases` (not yet commissioned) and the year-end count.
    static func build(_ store: CaseStore, setting: ReportSetting, workflow: WorkflowDefinition, cases: [CaseStandingRecord],
                      year: Int, target: Int, commissioned: Int) throws -> (forecast: ProgressForecast, notes: [String]) {
        var counter = WorkingDayCounter(try setting.calendar(for: workflow))
        let history = try BottleneckReport.build(store, setting: setting, workflowID: workflow.id)
        let durations = Dictionary((history.workflows.first?.overall.stages ?? []).map { ($0.stage, $0.workingDays) }) { first, _ in first }
        let goal = workflow.stage(marking: "commissioned")?.id
        let estimates = workflow.stages.filter { !$0.isTerminal && $0.id != goal }.map { stage in
            StageEstimate.of(stage, history: durations[stage.id] ?? DurationSummary([]))
        }
        let estimateByStage = Dictionary(estimates.map { ($0.stage, $0) }) { first, _ in first }
        guard let yearEnd = CivilDate(year: year, month: 12, day: 31) else { throw ReportInputError.badYear(year) }

        var forecasts: [ForecastCase] = []
        for standing in cases {
            guard let (state, _) = try store.loadCase(standing.id) else { continue }
            let path = goal.flatMap { StagePath.shortest(in: workflow, from: state.stage, to: $0) } ?? []
            var date: CivilDate? = state.currentVisit?.enteredAt.date ?? state.stageEnteredAt.date
            if path.isEmpty { date = nil }
            for (index, stage) in path.dropLast().enumerated() {
                guard let start = date, let estimate = estimateByStage[stage] else { date = nil; break }
                let spans = index == 0 ? state.currentVisit?.suspendedSpans(asOf: setting.asOf) ?? [] : []
                let end = counter.end(of: estimate.length, after: start, suspensions: spans)
                // A case cannot leave its current stage before today, however long it has been there.
                date = index == 0 ? end.map { max($0, setting.asOf) } : end
            }
            forecasts.append(ForecastCase(
                id: state.id, stage: state.stage, status: state.status.rawValue, district: state.fields["district"], helper: state.helper,
                path: path, expected: date, inYear: date?.year == year, beforeYear: date.map { $0.year < year } ?? false,
                daysAfterYearEnd: date.map { max(0, yearEnd.days(until: $0)) } ?? 0))
        }
        forecasts.sort { lhs, rhs in
            // Earliest forecast first; cases without one last; then by id.
            (lhs.expected == nil ? 1 : 0, lhs.expected?.dayNumber ?? 0, lhs.id) < (rhs.expected == nil ? 1 : 0, rhs.expected?.dayNumber ?? 0, rhs.id)
        }
        let expectedInYear = forecasts.filter(\.inYear).count
        let needed = max(0, target - commissioned)
        // A case forecast before the year (asked about a later year) counts for an earlier one: it cannot be among those the year needs.
        let candidates = forecasts.filter { !$0.beforeYear }
        let mustMove = Array(candidates.prefix(needed))
        let shortBy = max(0, needed - candidates.count)
        let summary = ProgressForecast.summary(year: year, target: target, commissioned: commissioned, expectedInYear: expectedInYear,
                                               needed: needed, mustMove: mustMove, shortBy: shortBy,
                                               beforeYear: forecasts.count - candidates.count)
        let forecast = ProgressForecast(estimates: estimates, cases: forecasts, expectedInYear: expectedInYear,
                                        expectedByYearEnd: commissioned + expectedInYear, needed: needed, mustMove: mustMove,
                                        shortBy: shortBy, summary: summary)
        return (forecast, history.notes + counter.problems.map { "\(workflow.id): \($0)" })
    }

    static func summary(year: Int, target: Int, commissioned: Int, expectedInYear: Int, needed: Int,
                        mustMove: [ForecastCase], shortBy: Int, beforeYear: Int = 0) -> String {
        var text = "Expected by \(year)-12-31: \(commissioned + expectedInYear) (\(commissioned) commissioned, \(expectedInYear) forecast) against a target of \(target)."
        if beforeYear > 0 {
            text += " \(beforeYear) case\(beforeYear == 1 ? " is" : "s are") forecast before \(year) and count\(beforeYear == 1 ? "s" : "") for an earlier year."
        }
        if needed == 0 { return text + " The target is already met." }
        let late = mustMove.filter { !$0.inYear }.count
        if commissioned + expectedInYear >= target {
            text += " The target is met if the \(needed) case\(needed == 1 ? "" : "s") with the earliest forecasts keep\(needed == 1 ? "s" : "") to time."
        } else {
            text += " To meet it, \(needed) more must be commissioned this year: the \(mustMove.count) listed, \(late) of them forecast after the year end."
        }
        if shortBy > 0 {
            text += " Even if every case in the pipeline were commissioned, the target would be missed by \(shortBy)."
        }
        return text
    }
}

extension StageEstimate {
    /// The estimate for `stage` from its past visits: the median of at least three, else the deadline.
    static func of(_ stage: StageDefinition, history: DurationSummary) -> StageEstimate {
        let basis: Basis
        let length: Period
        if history.count >= 3, let median = history.median {
            (basis, length) = (.median, Period(unit: .workingDays, count: median))
        } else if let deadline = stage.deadline {
            (basis, length) = (.deadline, deadline)
        } else if let median = history.median {
            (basis, length) = (.fewVisits, Period(unit: .workingDays, count: median))
        } else {
            (basis, length) = (.none, Period(unit: .workingDays, count: 0))
        }
        return StageEstimate(stage: stage.id, title: stage.title, visits: history.count, basis: basis,
                             period: PeriodText.of(length), length: length)
    }
}

/// Periods in words that do not depend on how a calendar module spells them.
enum PeriodText {
    /// `12 working days`, `1 day`, `3 months`.
    static func of(_ period: Period) -> String {
        let one = period.count == 1
        switch period.unit {
        case .workingDays: return "\(period.count) working day\(one ? "" : "s")"
        case .days: return "\(period.count) day\(one ? "" : "s")"
        case .months: return "\(period.count) month\(one ? "" : "s")"
        }
    }
}
