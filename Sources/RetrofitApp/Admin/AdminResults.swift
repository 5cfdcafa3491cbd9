/// What `admin rebuild` did: every projection recomputed from the events, kept or only compared.
public struct RebuildResult: Encodable, Sendable {
    /// True when only compared (nothing was changed).
    public let checkedOnly: Bool
    public let cases: Int
    public let events: Int
    /// True when the recomputed projections equal the live ones.
    public let identical: Bool
    /// The first table whose rows differ, if any.
    public let firstDifference: String?

    /// The findings to report when only comparing found a difference.
    public var findings: AppError? { checkedOnly && !identical ? .findings(nil) : nil }
}

/// What `admin check` found: SQLite's integrity check, the hash chain, and a rebuild compared with the live tables.
public struct DatabaseCheckResult: Encodable, Sendable {
    /// SQLite's complaints; empty when the file is sound.
    public let integrityProblems: [String]
    public let chainIntact: Bool
    /// `ok: N events, head H` or where the chain breaks.
    public let chain: String
    public let rebuild: RebuildResult

    /// True when all three passed.
    public var passed: Bool { integrityProblems.isEmpty && chainIntact && rebuild.identical }

    /// The findings to report when a check failed (the result's lines say which).
    public var findings: AppError? { passed ? nil : .findings("the database failed a check") }
}

/// `admin backup`: a consistent copy of the database.
public struct BackupRequest: Sendable {
    /// The copy to write; it must not exist yet.
    public var destination: String

    public init(destination: String) { self.destination = destination }
}

public struct BackupResult: Encodable, Sendable {
    public let database: String
    public let destination: String
}
