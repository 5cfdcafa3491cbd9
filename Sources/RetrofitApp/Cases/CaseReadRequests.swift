import RetrofitCore
import RetrofitStore

/// A case now or as it stood on a past day.
public struct ShowCaseRequest: Sendable {
    public var caseID: String
    /// Answer as the log stood at the end of this day; nil: now, from the projection.
    public var asOf: CivilDate?
    /// With `asOf`: also leave out events recorded after that day (what was known then).
    public var asKnown: Bool

    public init(caseID: String, asOf: CivilDate? = nil, asKnown: Bool = false) {
        self.caseID = caseID
        self.asOf = asOf
        self.asKnown = asKnown
    }
}

/// A page of a case's events.
public struct CaseHistoryRequest: Sendable {
    public var caseID: String
    /// Start after this case version (0: from the first event).
    public var after: Int
    /// At most this many events (at least 1).
    public var limit: Int

    public init(caseID: String, after: Int = 0, limit: Int = 1000) {
        self.caseID = caseID
        self.after = after
        self.limit = limit
    }
}

/// Which cases to list, overdue or queue; nil means any. Names are checked against the workflows and the cases.
public typealias CaseSelection = CaseFilter

/// How a case's deadline was reached and what each move waits for.
public struct ExplainCaseRequest: Sendable {
    public var caseID: String
    /// Explain as the log stood at the end of this day; nil: today, from the projection.
    public var asOf: CivilDate?

    public init(caseID: String, asOf: CivilDate? = nil) {
        self.caseID = caseID
        self.asOf = asOf
    }
}

/// Which cases are late on a day.
public struct OverdueRequest: Sendable {
    /// Nil: today.
    public var asOf: CivilDate?
    /// Also leave out events recorded after `asOf` (what was known then).
    public var asKnown: Bool
    /// Also list cases inside their warning window.
    public var dueSoon: Bool
    /// Workflow, stage, district and helper are used; status is always active.
    public var selection: CaseSelection

    public init(asOf: CivilDate? = nil, asKnown: Bool = false, dueSoon: Bool = false, selection: CaseSelection = CaseSelection()) {
        self.asOf = asOf
        self.asKnown = asKnown
        self.dueSoon = dueSoon
        self.selection = selection
    }
}

/// A helper's work list.
public struct QueueRequest: Sendable {
    /// Only this helper's cases; the moves are checked for this person (else for the actor).
    public var helper: String?
    public var district: String?
    /// Nil: today.
    public var asOf: CivilDate?
    /// Keep each entry's checked move (`next`); a whole city's queue without them is much smaller.
    public var includeMoves: Bool

    public init(helper: String? = nil, district: String? = nil, asOf: CivilDate? = nil, includeMoves: Bool = true) {
        self.helper = helper
        self.district = district
        self.asOf = asOf
        self.includeMoves = includeMoves
    }
}
