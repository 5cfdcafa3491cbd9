import RetrofitCore

/// One home of a case's register with its latest ballot: an element of `consult home list --json`.
public struct HomeEntry: Encodable, Sendable, Hashable {
    public let home: String
    public let floor: Int
    /// m², two decimals.
    public let area: String
    public let owner: String
    /// agree, object or abstain; left out while the home has not voted.
    public let vote: String?

    public init(_ home: Home, vote: BallotChoice?) {
        self.home = home.number
        floor = home.floor
        area = home.area.description
        owner = home.owner
        self.vote = vote?.rawValue
    }
}
