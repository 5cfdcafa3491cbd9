import RetrofitCore

/// The year-end forecast: for each case still in the pipeline, the day it is expected to be
/// commissioned, from the working-day medians of the stages on its shortest path there.
public struct ProgressForecast: Sendable, Encodable {
    /// How long each stage is expected to take, and on what that rests.
    public let estimates: [StageEstimate]
    public let cases: [ForecastCase]
    /// Cases forecast to be commissioned by 31 December.
    public let expectedInYear: Int
    /// Commissioned so far plus ``expectedInYear``.
    public let expectedByYearEnd: Int
    /// Commissionings still needed to meet the target (0 when met).
    public let needed: Int
    /// The cases that must be commissioned this year for the target to be met: the `needed`
    /// cases with the earliest forecasts (all of them, when there are too few).
    public let mustMove: [ForecastCase]
    /// How many the target would be missed by even if every case in the pipeline made it.
    public let shortBy: Int
    /// The forecast in one or two sentences.
    public let summary: String
}

/// The expected time in one stage.
public struct StageEstimate: Sendable, Encodable {
    public enum Basis: String, Sendable, Encodable {
        /// The median of at least three past visits.
        case median
        /// Fewer than three past visits: the stage's deadline in the workflow.
        case deadline
        /// Fewer than three past visits and no deadline: the median of those there are.
        case fewVisits = "few-visits"
        /// No past visit and no deadline: counted as no time.
        case none
    }

    public let stage: String
    public let title: String
    /// Completed past visits of the stage.
    public let visits: Int
    public let basis: Basis
    /// The period added for the stage: `12 working days`, or the deadline such as `3 months`.
    public let period: String
    let length: Period

    private enum CodingKeys: String, CodingKey { case stage, title, visits, basis, period }

    /// `median of 12 visits`, `deadline (2 visits)`.
    public var explanation: String {
        switch basis {
        case .median: "median of \(visits) visits"
        case .deadline: "workflow deadline (\(visits) past visit\(visits == 1 ? "" : "s"))"
        case .fewVisits: "median of only \(visits) visit\(visits == 1 ? "" : "s"), no deadline"
        case .none: "no past visit, no deadline"
        }
    }
}

/// One case's forecast.
public struct ForecastCase: Sendable, Encodable {
    public let id: String
    public let stage: String
    public let status: String
    public let district: String?
    public let helper: String?
    /// The stages still to pass, current first, ending with the stage that marks `commissioned`.
    public let path: [String]
    /// Nil when no path leads to commissioning or the calendar cannot count that far.
    public let expected: CivilDate?
    public let inYear: Bool
    /// Forecast before 1 January of the year asked for: commissioned in an earlier year, if it keeps to time.
    /// (Not a JSON key: `inYear` false with `daysAfterYearEnd` 0 and a date already says so.)
    public let beforeYear: Bool
    /// Calendar days the forecast lies after 31 December of the year asked for (0 when in or before it).
    public let daysAfterYearEnd: Int

    private enum CodingKeys: String, CodingKey { case id, stage, status, district, helper, path, expected, inYear, daysAfterYearEnd }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(stage, forKey: .stage)
        try container.encode(status, forKey: .status)
        try container.encode(district, forKey: .district)
        try container.encode(helper, forKey: .helper)
        try container.encode(path, forKey: .path)
        try container.encode(expected, forKey: .expected)
        try container.encode(inYear, forKey: .inYear)
        try container.encode(daysAfterYearEnd, forKey: .daysAfterYearEnd)
    }
}
