import RetrofitCore
import RetrofitReports

/// `demo`: a sample database of Dezhou's retrofit cases, built into the environment's database path (which must
/// be new) as of the environment's clock.
public struct DemoRequest: Sendable {
    public var cases: Int
    /// The same seed gives the same database.
    public var seed: UInt64
    /// Case openings are spread over this many years before now.
    public var years: Int
    /// Homes per building.
    public var homes: ClosedRange<Int>
    /// False to build only (large data sets): the result then has no overdue list and no stage counts.
    public var summarise: Bool

    public init(cases: Int = 60, seed: UInt64 = 2025, years: Int = 2, homes: ClosedRange<Int> = 10...18, summarise: Bool = true) {
        self.cases = cases
        self.seed = seed
        self.years = years
        self.homes = homes
        self.summarise = summarise
    }
}

/// The demo database built, and what is in it.
public struct DemoResult: Encodable, Sendable {
    public let databasePath: String
    public let cases: Int
    public let events: Int
    /// The clock's day the sample was built as of.
    public let asOf: CivilDate
    /// How long building took, in seconds.
    public let seconds: Double
    /// Simulated commands the engine refused (none, normally).
    public let rejections: [String]
    /// The cases overdue as of the clock, most late first (empty unless summarised).
    public let overdue: [OverdueEntry]
    /// Cases per stage of each demo workflow, stages in workflow order (empty unless summarised).
    public let stages: [DemoStageCount]
    /// The first case in the database, by id (nil unless summarised).
    public let firstCaseID: String?
}

/// How many cases of one workflow stage are in each status.
public struct DemoStageCount: Encodable, Sendable, Hashable {
    public let workflow: String
    public let stage: String
    public let stageTitle: String
    public let active: Int
    public let suspended: Int
    public let completed: Int
    public let withdrawn: Int
}
