/// A group of owners in a tally, as the vote rules name it.
public enum VoteGroup: String, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    /// Everyone in the register.
    case total
    /// Owners who cast any ballot (agree, object or abstain), with the area of the homes that voted.
    case participating
    /// Owners who agreed.
    case agreeing
    /// Owners who objected.
    case objecting
    /// Owners who abstained: they take part but do not agree.
    case abstaining
    /// Owners who did not take part, with the area of every home that did not vote.
    case absent

    public var description: String { rawValue }

    /// How a sentence names the group after a quantity: "owners *agreeing*".
    var verb: String {
        switch self {
        case .total: "in total"
        case .participating: "participating"
        case .agreeing: "agreeing"
        case .objecting: "objecting"
        case .abstaining: "abstaining"
        case .absent: "absent"
        }
    }

    /// How a sentence names the group as a base: "8/12 *of participants*".
    var asBase: String {
        switch self {
        case .total: "of the total"
        case .participating: "of participants"
        case .agreeing: "of those agreeing"
        case .objecting: "of those objecting"
        case .abstaining: "of those abstaining"
        case .absent: "of those absent"
        }
    }

    /// Why a share of this group cannot be measured when it is empty.
    var emptyReason: String {
        switch self {
        case .total: "the register is empty"
        case .participating: "nobody took part"
        case .agreeing: "nobody agreed"
        case .objecting: "nobody objected"
        case .abstaining: "nobody abstained"
        case .absent: "nobody was absent"
        }
    }
}

/// What is counted: exclusive floor area, or owners (one per owner however many homes).
public enum VoteQuantity: String, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    case area
    case owners

    public var description: String { rawValue }
}

/// One figure of a tally, such as `agreeing owners` or `participating area`.
public struct VoteMeasure: Hashable, Sendable, CustomStringConvertible {
    public let group: VoteGroup
    public let quantity: VoteQuantity

    public init(_ group: VoteGroup, _ quantity: VoteQuantity) {
        self.group = group
        self.quantity = quantity
    }

    /// Every measure, in the order the error messages list them.
    public static let all: [VoteMeasure] = VoteGroup.allCases.flatMap { group in
        VoteQuantity.allCases.map { VoteMeasure(group, $0) }
    }

    /// Reads `agreeing owners` (words separated by any white space, any case); nil otherwise.
    public init?(parsing text: some StringProtocol) {
        let words = text.split(whereSeparator: \.isWhitespace).map { $0.lowercased() }
        guard words.count == 2, let group = VoteGroup(rawValue: words[0]),
              let quantity = VoteQuantity(rawValue: words[1]) else { return nil }
        self.init(group, quantity)
    }

    /// `agreeing owners`.
    public var description: String { "\(group) \(quantity)" }
}

/// How a measured figure is compared with its threshold.
public enum VoteComparison: String, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    /// ≥: includes the boundary (以上, Civil Code art. 1259). 8 of 12 is at least 2/3.
    case atLeast = "at least"
    /// >: excludes the boundary (过半数, 超过). 6 of 12 is not more than 1/2.
    case moreThan = "more than"
    /// ≤: includes the boundary (以下).
    case atMost = "at most"
    /// <: excludes the boundary (不满).
    case lessThan = "less than"

    public var description: String { rawValue }

    /// Whether `left` compares with `right` this way, where both are given as fractions
    /// `top/bottom` with positive bottoms; cross-multiplied in 128 bits, so exact.
    func holds(_ leftTop: Int, _ leftBottom: Int, _ rightTop: Int, _ rightBottom: Int) -> Bool {
        let left = Int128(leftTop) * Int128(rightBottom)
        let right = Int128(rightTop) * Int128(leftBottom)
        switch self {
        case .atLeast: return left >= right
        case .moreThan: return left > right
        case .atMost: return left <= right
        case .lessThan: return left < right
        }
    }
}
