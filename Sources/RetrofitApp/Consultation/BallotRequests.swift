import RetrofitCore

/// Record a ballot: of one home, or of every home an owner holds (an owner casts one vote).
public struct CastBallotRequest: Sendable {
    /// Whose ballot it is.
    public enum Voter: Sendable, Hashable {
        /// One home, by number.
        case home(String)
        /// Every home of this owner, as the register writes the name.
        case owner(String)
    }

    public var caseID: String
    public var voter: Voter
    public var vote: BallotChoice
    /// When the ballot was signed; nil means now.
    public var at: Timestamp?

    public init(caseID: String, voter: Voter, vote: BallotChoice, at: Timestamp? = nil) {
        self.caseID = caseID
        self.voter = voter
        self.vote = vote
        self.at = at
    }
}

/// A ballot recorded.
public struct BallotCast: Encodable, Sendable {
    public let write: ConsultationWrite
    /// The home voted for (trimmed); nil for an owner's ballot.
    public let home: String?
    /// The owner voting for all their homes (trimmed); nil for one home's ballot.
    public let owner: String?
    public let vote: BallotChoice
    /// The ballot events appended: one per home whose vote changed.
    public let ballots: Int
    /// For one home's ballot, the ballot it replaces; nil when the home had not voted.
    public let replaced: BallotChoice?
}

/// A whole ballots file, as CSV records: recorded in one transaction, or not at all.
public struct BallotImportRequest: Sendable {
    public var caseID: String
    /// How messages and refusals name the file (the path as given).
    public var file: String
    /// The first record, naming the columns (home/房号, vote/投票/表决, optionally date/日期, in any order).
    public var header: [String]
    /// The records after the header.
    public var rows: [[String]]
    /// When undated ballots were signed; nil means now.
    public var undatedAt: Timestamp?

    public init(caseID: String, file: String, header: [String], rows: [[String]], undatedAt: Timestamp? = nil) {
        self.caseID = caseID
        self.file = file
        self.header = header
        self.rows = rows
        self.undatedAt = undatedAt
    }
}

/// A ballots file checked row by row against the case's register as it stood at ``caseVersion``: the ballots in the
/// order they will be recorded, or every problem found. Nothing is recorded from a file with problems.
public struct BallotImportPlan: Sendable {
    public let request: BallotImportRequest
    public let ballots: [BallotRow]
    public let problems: [ImportProblem]
    /// The case's version the plan was made on; the import is refused as a conflict if the case moved since.
    public let caseVersion: Int?
    /// Ballots of the file replacing a ballot already recorded for their home.
    public let replacing: Int
    /// One step per ballot, in the order and at the times they are recorded.
    let steps: [CaseService.Step]

    static func problems(_ request: BallotImportRequest, _ problems: [ImportProblem], caseVersion: Int? = nil) -> BallotImportPlan {
        BallotImportPlan(request: request, ballots: [], problems: problems, caseVersion: caseVersion, replacing: 0, steps: [])
    }
}

public struct BallotsImported: Encodable, Sendable {
    public let write: ConsultationWrite
    public let file: String
    public let recorded: Int
    /// Ballots that replace earlier ballots of their home.
    public let replacing: Int
}
