/// The household register (户籍表) of one unit or building, with the ballot of each home.
///
/// Homes keep the order in which they were first entered, and are found by number. A value:
/// copy it, change it, compare it.
public struct HouseholdRegister: Hashable, Sendable {
    /// The homes in the order they were first recorded.
    public private(set) var homes: [Home] = []
    private var positions: [String: Int] = [:]
    /// Each home's latest ballot, by home number. Homes without an entry have not voted.
    public private(set) var ballots: [String: BallotChoice] = [:]

    /// An empty register.
    public init() {}

    /// A register of `homes` in order, none voted. A later home with the same number
    /// corrects the earlier one, as ``record(_:)`` does.
    public init(homes: [Home]) {
        for home in homes { record(home) }
    }

    /// The home numbered `number` (white space around it ignored), or nil.
    public func home(_ number: String) -> Home? {
        positions[PlainText.trimmed(number)].map { homes[$0] }
    }

    /// The latest ballot of home `number`, or nil when it has not voted.
    public func ballot(_ number: String) -> BallotChoice? {
        ballots[PlainText.trimmed(number)]
    }

    /// Adds `home`, or corrects the home already recorded under its number.
    ///
    /// A correction replaces the home's floor, area and owner but keeps its place in the
    /// entry order and keeps its ballot: correcting a typo in an area does not undo a vote.
    /// Withdraw the ballot explicitly (``withdrawBallot(_:)``) if the new owner has not voted.
    /// - Returns: whether the home was new (`true`) or a correction (`false`).
    @discardableResult
    public mutating func record(_ home: Home) -> Bool {
        if let position = positions[home.number] {
            homes[position] = home
            return false
        }
        positions[home.number] = homes.count
        homes.append(home)
        return true
    }

    /// Removes home `number` and its ballot.
    /// - Throws: ``RegisterError/unknownHome(_:)`` when there is no such home.
    public mutating func remove(_ number: String) throws(RegisterError) {
        let number = PlainText.trimmed(number)
        guard let position = positions[number] else { throw .unknownHome(number) }
        homes.remove(at: position)
        ballots[number] = nil
        positions = [:]
        for (index, home) in homes.enumerated() { positions[home.number] = index }
    }

    /// Records the ballot of home `number`. A later ballot replaces the earlier one.
    /// - Throws: ``RegisterError/unknownHome(_:)`` when the home is not in the register.
    public mutating func cast(_ number: String, _ choice: BallotChoice) throws(RegisterError) {
        let number = PlainText.trimmed(number)
        guard positions[number] != nil else { throw .unknownHome(number) }
        ballots[number] = choice
    }

    /// Removes the ballot of home `number`, so it counts as not having voted. Withdrawing
    /// when there is no ballot is not an error.
    /// - Throws: ``RegisterError/unknownHome(_:)`` when the home is not in the register.
    public mutating func withdrawBallot(_ number: String) throws(RegisterError) {
        let number = PlainText.trimmed(number)
        guard positions[number] != nil else { throw .unknownHome(number) }
        ballots[number] = nil
    }
}

extension HouseholdRegister: Codable {
    private enum CodingKeys: String, CodingKey {
        case homes, ballots
    }

    /// Decodes `{"homes": [...], "ballots": {"3-201": "agree"}}`; a ballot for a home that is
    /// not listed, or a home listed twice, is a decoding error.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let homes = try container.decode([Home].self, forKey: .homes)
        let ballots = try container.decodeIfPresent([String: BallotChoice].self, forKey: .ballots) ?? [:]
        for home in homes {
            guard record(home) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .homes, in: container, debugDescription: "home \(home.number) is listed twice")
            }
        }
        for (number, choice) in ballots.sorted(by: { $0.key < $1.key }) {
            do {
                try cast(number, choice)
            } catch {
                throw DecodingError.dataCorruptedError(forKey: .ballots, in: container, debugDescription: error.description)
            }
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(homes, forKey: .homes)
        try container.encode(ballots, forKey: .ballots)
    }
}

/// Why a change to the register was refused.
public enum RegisterError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No home with this number is in the register.
    case unknownHome(String)

    public var description: String {
        switch self {
        case .unknownHome(let number):
            "there is no home \(number) in the register; record the home before using it"
        }
    }
}
