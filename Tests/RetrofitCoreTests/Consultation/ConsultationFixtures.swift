import RetrofitCore

/// One line of an example register: a home, its area, its owner and its ballot (nil: none).
typealias ExampleHome = (home: String, area: String, owner: String, vote: BallotChoice?)

/// A register built from example lines, with each ballot cast.
func makeRegister(_ lines: [ExampleHome]) throws -> HouseholdRegister {
    var register = HouseholdRegister()
    for (offset, line) in lines.enumerated() {
        register.record(try Home(number: line.home, floor: offset / 2 + 1, area: Area(parsing: line.area), owner: line.owner))
        if let vote = line.vote { try register.cast(line.home, vote) }
    }
    return register
}

/// `count` homes of 80 m², each with its own owner, the first `agreeing` agreeing, the next
/// `objecting` objecting, the next `abstaining` abstaining and the rest absent.
func makeUnit(count: Int, agreeing: Int, objecting: Int = 0, abstaining: Int = 0) throws -> HouseholdRegister {
    let lines: [ExampleHome] = (0..<count).map { index in
        let vote: BallotChoice? = switch index {
        case ..<agreeing: .agree
        case ..<(agreeing + objecting): .object
        case ..<(agreeing + objecting + abstaining): .abstain
        default: nil
        }
        return (home: "1-\(index + 1)", area: "80", owner: "业主\(index + 1)", vote: vote)
    }
    return try makeRegister(lines)
}

/// The rule made of `lines`, titled "test".
func makeRule(_ lines: String...) throws -> VoteRule {
    try VoteRule.parse(title: "test", conditions: lines)
}

/// The Civil Code art. 278 rule for altering a building (DOMAIN.md §3).
func civilCodeRule() throws -> VoteRule {
    try VoteRule.parse(title: "民法典第278条 / Civil Code art. 278", conditions: [
        "participating area at least 2/3 of total area",
        "participating owners at least 2/3 of total owners",
        "agreeing area at least 3/4 of participating area",
        "agreeing owners at least 3/4 of participating owners",
    ])
}
