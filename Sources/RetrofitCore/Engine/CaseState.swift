/// Everything known about a case now: the result of applying its events in order.
public struct CaseState: Sendable, Hashable, Codable {
    public var id: String
    public var workflowID: String
    public var workflowVersion: Int
    public var stage: String
    public var status: CaseStatus
    /// How many events the case has; the next event gets `version + 1`.
    public var version: Int
    public var helper: String?
    /// Field values as entered; the workflow's field types give them meaning.
    public var fields: [String: String]
    public var priority: CasePriority
    public var difficulty: CaseDifficulty
    public var openedAt: Timestamp
    public var lastOccurredAt: Timestamp
    /// Every stage the case has been in, in order; the last is the current one.
    public var visits: [StageVisit]
    /// Dates each milestone was first reached, e.g. `commissioned`.
    public var milestones: [String: CivilDate]
    public var register: HouseholdRegister
    public var objections: [Objection]
    public var withdrawnReason: String?
    public var notes: Int

    public var currentVisit: StageVisit? { visits.last }

    public var stageEnteredAt: Timestamp { currentVisit?.enteredAt ?? openedAt }

    /// The suspension now in force, if any.
    public var activeSuspension: Suspension? {
        guard status == .suspended else { return nil }
        return currentVisit?.suspensions.last.flatMap { $0.until == nil ? $0 : nil }
    }

    public var openObjections: [Objection] { objections.filter { $0.outcome == nil } }
}

public enum CaseStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case active, suspended, withdrawn, completed
}

/// One stay of a case in one stage.
public struct StageVisit: Sendable, Hashable, Codable {
    public var stage: String
    public var enteredAt: Timestamp
    public var leftAt: Timestamp?
    public var suspensions: [Suspension]

    public init(stage: String, enteredAt: Timestamp, leftAt: Timestamp?, suspensions: [Suspension]) {
        self.stage = stage
        self.enteredAt = enteredAt
        self.leftAt = leftAt
        self.suspensions = suspensions
    }

    /// Calendar days on which the clock stood still, from each suspension day to the day before resumption.
    public func suspendedDays(asOf date: CivilDate) -> Int {
        suspensions.reduce(0) { total, suspension in
            total + max(0, suspension.from.date.days(until: (suspension.until?.date ?? date)))
        }
    }

    /// The suspensions as spans the calendar skips; one still running is taken to end on `date`.
    public func suspendedSpans(asOf date: CivilDate) -> [SuspendedSpan] {
        suspensions.map {
            SuspendedSpan(from: $0.from.date, until: $0.until?.date ?? date, reason: $0.reason.rawValue)
        }
    }
}

public struct Suspension: Sendable, Hashable, Codable {
    public var from: Timestamp
    public var until: Timestamp?
    public var reason: SuspensionReason
    public var note: String?
}

public struct Objection: Sendable, Hashable, Codable {
    public var number: Int
    public var from: String
    public var text: String
    public var raisedAt: Timestamp
    public var outcome: ObjectionOutcome?
    public var resolvedAt: Timestamp?
}
