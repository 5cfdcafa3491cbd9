import RetrofitCore

/// Commissioned elevators in a year against the target: by month, by district, the pipeline,
/// and a forecast of the year-end count from how long each stage has taken so far.
public struct ProgressReport: Sendable, Encodable {
    public let year: Int
    public let asOf: CivilDate
    public let workflow: String
    public let title: String
    public let target: Int
    /// Cases whose `commissioned` milestone falls in the year.
    public let commissioned: Int
    /// Target minus commissioned, never below 0.
    public let remaining: Int
    public let months: [ProgressMonth]
    public let districts: [ProgressDistrict]
    /// Active and suspended cases not yet commissioned, by stage in workflow order.
    public let pipeline: [PipelineStage]
    /// Nil once the year is over.
    public let forecast: ProgressForecast?
    /// Days the calendars could not count, and similar caveats.
    public let notes: [String]

    private enum CodingKeys: String, CodingKey {
        case year, asOf, workflow, title, target, commissioned, remaining, months, districts, pipeline, forecast, notes
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(year, forKey: .year)
        try container.encode(asOf, forKey: .asOf)
        try container.encode(workflow, forKey: .workflow)
        try container.encode(title, forKey: .title)
        try container.encode(target, forKey: .target)
        try container.encode(commissioned, forKey: .commissioned)
        try container.encode(remaining, forKey: .remaining)
        try container.encode(months, forKey: .months)
        try container.encode(districts, forKey: .districts)
        try container.encode(pipeline, forKey: .pipeline)
        try container.encode(forecast, forKey: .forecast)
        try container.encode(notes, forKey: .notes)
    }
}

/// One month of the year.
public struct ProgressMonth: Sendable, Encodable {
    /// `2025-03`.
    public let month: String
    public let commissioned: Int
    /// Commissioned from January through this month; nil for months after the as-of day.
    public let cumulative: Int?
    /// Where an even pace to the target would stand at the month's end: target × month ÷ 12, rounded half up.
    public let targetPace: Int

    private enum CodingKeys: String, CodingKey { case month, commissioned, cumulative, targetPace }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(month, forKey: .month)
        try container.encode(commissioned, forKey: .commissioned)
        try container.encode(cumulative, forKey: .cumulative)
        try container.encode(targetPace, forKey: .targetPace)
    }
}

/// Commissioned elevators of one district in the year.
public struct ProgressDistrict: Sendable, Encodable {
    /// Nil for cases without a district.
    public let district: String?
    public let commissioned: Int

    private enum CodingKeys: String, CodingKey { case district, commissioned }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(district, forKey: .district)
        try container.encode(commissioned, forKey: .commissioned)
    }
}

/// Cases waiting in one stage before commissioning.
public struct PipelineStage: Sendable, Encodable {
    public let stage: String
    public let title: String
    public let cases: Int
    /// Of ``cases``, those suspended.
    public let suspended: Int
}
