/// One home (户) of a unit's household register: what the vote counts.
///
/// A home is valid by construction: its number and owner are trimmed and not empty, its
/// floor is in ``floors`` and its area is more than zero (and at most
/// ``Area/maximumHundredths``).
public struct Home: Hashable, Sendable {
    /// The home's number within the unit, such as `3-201`.
    public let number: String
    /// The floor, `1` for the ground floor; basements are `-1` to `-5`. There is no floor 0,
    /// as in Chinese usage (the ground floor is 一层).
    public let floor: Int
    /// The registered exclusive area (专有部分面积): else the surveyed, else the contract area.
    public let area: Area
    /// The owner's name as registered. Homes whose owners are written the same (after
    /// trimming) belong to one owner and count once in the headcount, a developer's unsold
    /// homes included.
    public let owner: String

    /// The floors a home may be on: five basement levels up to floor 200, without 0.
    public static let floors = -5...200

    /// A home, checked.
    ///
    /// - Parameters:
    ///   - number: the home number; white space around it is removed.
    ///   - floor: from -5 to 200, not 0.
    ///   - area: more than zero and at most 1,000,000 m².
    ///   - owner: the owner's name; white space around it is removed.
    /// - Throws: ``HomeProblem`` naming the first thing wrong.
    public init(number: String, floor: Int, area: Area, owner: String) throws(HomeProblem) {
        let number = PlainText.trimmed(number)
        let owner = PlainText.trimmed(owner)
        guard !number.isEmpty else { throw .emptyNumber }
        guard Home.floors.contains(floor), floor != 0 else { throw .floorOutOfRange(home: number, floor: floor) }
        guard (1...Area.maximumHundredths).contains(area.hundredths) else {
            throw .areaOutOfRange(home: number, area: area)
        }
        guard !owner.isEmpty else { throw .emptyOwner(home: number) }
        self.number = number
        self.floor = floor
        self.area = area
        self.owner = owner
    }
}

extension Home: Codable {
    private enum CodingKeys: String, CodingKey {
        case number, floor, area, owner
    }

    /// Decodes `{"number": "3-201", "floor": 2, "area": "89.53", "owner": "王伟"}`, checked
    /// like ``init(number:floor:area:owner:)``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let number = try container.decode(String.self, forKey: .number)
        let floor = try container.decode(Int.self, forKey: .floor)
        let area = try container.decode(Area.self, forKey: .area)
        let owner = try container.decode(String.self, forKey: .owner)
        do {
            try self.init(number: number, floor: floor, area: area, owner: owner)
        } catch {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(number, forKey: .number)
        try container.encode(floor, forKey: .floor)
        try container.encode(area, forKey: .area)
        try container.encode(owner, forKey: .owner)
    }
}

/// Why a home cannot be recorded. Each case reads as one sentence naming the home.
public enum HomeProblem: Error, Hashable, Sendable, CustomStringConvertible {
    case emptyNumber
    case floorOutOfRange(home: String, floor: Int)
    case areaOutOfRange(home: String, area: Area)
    case emptyOwner(home: String)

    public var description: String {
        switch self {
        case .emptyNumber:
            "the home number is empty; expected a number such as 3-201"
        case .floorOutOfRange(let home, let floor):
            "home \(home) is on floor \(floor); expected a floor from -5 to 200 other than 0"
        case .areaOutOfRange(let home, let area):
            "home \(home) has an area of \(area) m²; expected more than 0 and at most 1000000 m²"
        case .emptyOwner(let home):
            "home \(home) has no owner; expected the owner's name"
        }
    }
}

/// How a home voted.
public enum BallotChoice: String, Hashable, Sendable, Codable, CaseIterable, CustomStringConvertible {
    /// 同意: counts as participating and agreeing.
    case agree
    /// 反对: counts as participating and objecting.
    case object
    /// 弃权: counts as participating, but neither agreeing nor objecting.
    case abstain

    /// Reads `agree`, `object`, `abstain` (any case) or `同意`, `反对`, `弃权`; nil otherwise.
    public init?(parsing text: some StringProtocol) {
        switch PlainText.trimmed(text).lowercased() {
        case "agree", "同意": self = .agree
        case "object", "反对": self = .object
        case "abstain", "弃权": self = .abstain
        default: return nil
        }
    }

    public var description: String { rawValue }
}
