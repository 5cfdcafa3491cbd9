import RetrofitCore

/// How `report bottlenecks` breaks its figures down.
public enum BottleneckGrouping: String, Sendable, Hashable, CaseIterable, Encodable {
    case district, helper
}

/// Where cases get stuck: per stage, in workflow order, for each workflow in the database.
///
/// Figures "now" (in the stage, overdue, suspended) are as of ``asOf``. Figures for the period
/// (``from`` through ``to``): visits completed in it and the working days they took (suspended
/// days shown separately and not counted), rework, and waiting days: the working days every
/// case spent in the stage within the period, whether or not it has left.
public struct BottleneckReport: Sendable, Encodable {
    public let asOf: CivilDate
    /// The period's first day; nil means since the first case.
    public let from: CivilDate?
    public let to: CivilDate
    public let by: BottleneckGrouping?
    public let workflows: [BottleneckWorkflow]
    /// Days the calendars could not count, and similar caveats.
    public let notes: [String]

    private enum CodingKeys: String, CodingKey { case asOf, from, to, by, workflows, notes }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(asOf, forKey: .asOf)
        try container.encode(from, forKey: .from)
        try container.encode(to, forKey: .to)
        try container.encode(by, forKey: .by)
        try container.encode(workflows, forKey: .workflows)
        try container.encode(notes, forKey: .notes)
    }
}

/// The bottleneck figures of one workflow: for all its cases, and per group when asked.
public struct BottleneckWorkflow: Sendable, Encodable {
    public let workflow: String
    public let title: String
    public let overall: BottleneckGroup
    /// One entry per district or helper (``BottleneckReport/by``), by key; empty without grouping.
    public let groups: [BottleneckGroup]
}

/// The figures of a set of cases (all, or one district's or helper's), stage by stage.
public struct BottleneckGroup: Sendable, Encodable {
    /// The district or helper; nil for cases without one (and for the overall figures).
    public let key: String?
    /// The stage holding the most waiting days, named in one sentence.
    public let headline: String
    /// The stage with the most waiting days, nil when no case waited.
    public let busiestStage: String?
    public let totalWaitingDays: Int
    public let stages: [BottleneckStage]

    private enum CodingKeys: String, CodingKey { case key, headline, busiestStage, totalWaitingDays, stages }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(key, forKey: .key)
        try container.encode(headline, forKey: .headline)
        try container.encode(busiestStage, forKey: .busiestStage)
        try container.encode(totalWaitingDays, forKey: .totalWaitingDays)
        try container.encode(stages, forKey: .stages)
    }
}

/// One stage's figures.
public struct BottleneckStage: Sendable, Encodable {
    public let stage: String
    public let title: String
    /// Cases in the stage now (active or suspended; for a terminal stage, the cases finished there).
    public let inStage: Int
    /// Active cases past the stage's deadline now.
    public let overdue: Int
    /// Cases suspended in the stage now.
    public let suspended: Int
    /// Working days of the visits completed (left for another stage) in the period.
    public let workingDays: DurationSummary
    /// Calendar days those completed visits were suspended; not part of ``workingDays``.
    public let suspendedDays: Int
    /// Visits in the period that returned to the stage after a case had left it.
    public let rework: Int
    /// Working days all cases spent in the stage within the period (suspended days not counted).
    public let waitingDays: Int
    /// ``waitingDays`` as a whole percentage of the workflow's (or group's) waiting days; nil when none.
    public let waitingPercent: Int?

    private enum CodingKeys: String, CodingKey {
        case stage, title, inStage, overdue, suspended, workingDays, suspendedDays, rework, waitingDays, waitingPercent
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(stage, forKey: .stage)
        try container.encode(title, forKey: .title)
        try container.encode(inStage, forKey: .inStage)
        try container.encode(overdue, forKey: .overdue)
        try container.encode(suspended, forKey: .suspended)
        try container.encode(workingDays, forKey: .workingDays)
        try container.encode(suspendedDays, forKey: .suspendedDays)
        try container.encode(rework, forKey: .rework)
        try container.encode(waitingDays, forKey: .waitingDays)
        try container.encode(waitingPercent, forKey: .waitingPercent)
    }
}
