import RetrofitCore

/// Record a home in a case's register, or correct the home recorded under the same number.
public struct RecordHomeRequest: Sendable {
    public var caseID: String
    public var home: Home
    /// When it happened; nil means now.
    public var at: Timestamp?

    public init(caseID: String, home: Home, at: Timestamp? = nil) {
        self.caseID = caseID
        self.home = home
        self.at = at
    }
}

/// A home recorded or corrected.
public struct HomeRecorded: Encodable, Sendable {
    public let write: ConsultationWrite
    public let home: HomeEntry
    /// True when a home of that number was already in the register.
    public let corrected: Bool
}

/// Remove a home, and its ballot, from a case's register.
public struct RemoveHomeRequest: Sendable {
    public var caseID: String
    /// The home number; white space around it is ignored.
    public var home: String
    public var at: Timestamp?

    public init(caseID: String, home: String, at: Timestamp? = nil) {
        self.caseID = caseID
        self.home = home
        self.at = at
    }
}

public struct HomeRemoved: Encodable, Sendable {
    public let write: ConsultationWrite
    /// The home number, trimmed.
    public let home: String
}

/// A case's register: each home with its latest ballot.
public struct HomeListRequest: Sendable {
    public var caseID: String

    public init(caseID: String) { self.caseID = caseID }
}

public struct HomeList: Encodable, Sendable {
    public let caseID: String
    public let homes: [HomeEntry]
    public let size: RegisterSize
}

/// A whole register file, as CSV records: recorded in one transaction, or not at all.
public struct HomeImportRequest: Sendable {
    public var caseID: String
    /// How messages name the file (the path as given).
    public var file: String
    /// The first record, naming the columns (home/房号, floor/楼层, area/面积, owner/业主, in any order).
    public var header: [String]
    /// The records after the header.
    public var rows: [[String]]
    public var at: Timestamp?

    public init(caseID: String, file: String, header: [String], rows: [[String]], at: Timestamp? = nil) {
        self.caseID = caseID
        self.file = file
        self.header = header
        self.rows = rows
        self.at = at
    }
}

/// A register file read and checked row by row: its homes, or every problem found in it.
/// Nothing is recorded from a file with problems.
public struct HomeImportPlan: Sendable {
    public let request: HomeImportRequest
    public let homes: [Home]
    public let problems: [ImportProblem]
}

public struct HomesImported: Encodable, Sendable {
    public let write: ConsultationWrite
    public let file: String
    /// Homes in the file: new ones and corrections.
    public let recorded: Int
    /// Homes of the file that were already in the register.
    public let corrected: Int
}
