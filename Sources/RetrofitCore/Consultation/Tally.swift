/// The area and the number of owners in one group of a tally.
public struct TallyFigure: Hashable, Sendable, CustomStringConvertible {
    /// The exclusive area of the group's homes (only the homes that voted, for the voting groups).
    public let area: Area
    /// The number of owners, one per owner however many homes they hold.
    public let owners: Int

    public init(area: Area, owners: Int) {
        self.area = area
        self.owners = owners
    }

    /// `8 owners, 612.40 m²`.
    public var description: String { "\(owners) owner\(owners == 1 ? "" : "s"), \(area) m²" }
}

/// The count of a household register's vote (DOMAIN.md §3): area and owners per group.
///
/// Counting rules:
/// - **Area** is each home's exclusive area, summed exactly in hundredths of a square metre.
/// - **Owners** are counted one per owner, not per home: homes whose owner is written the same
///   count as one owner, and all their area counts for that owner.
/// - An owner **participates** when any of their homes has a ballot, and their vote is that
///   ballot. When some of an owner's homes voted and others did not, the owner participates
///   (and agrees, objects or abstains) once, and *only the voted homes' area* participates;
///   the area of their homes that did not vote is counted as **absent** area, although the
///   owner is not an absent owner. So `participating + absent = total` for area and for owners.
/// - **Abstaining** owners take part (they count towards participation) but do not agree.
/// - An owner whose homes voted differently is an error, not a guess (``TallyError``).
public struct Tally: Hashable, Sendable {
    /// Everyone in the register.
    public let total: TallyFigure
    /// Owners with a ballot, and the area of the homes that voted.
    public let participating: TallyFigure
    /// Owners who agreed, and the area of their homes that voted.
    public let agreeing: TallyFigure
    /// Owners who objected, and the area of their homes that voted.
    public let objecting: TallyFigure
    /// Owners who abstained, and the area of their homes that voted.
    public let abstaining: TallyFigure
    /// Owners without any ballot, and the area of every home without a ballot.
    public let absent: TallyFigure

    /// Counts `register`.
    ///
    /// Homes without a ballot are not an error: they are absent.
    /// - Throws: ``TallyError/emptyRegister`` when the register has no homes;
    ///   ``TallyError/ownerVotedDifferently(owner:home:choice:otherHome:otherChoice:)`` when
    ///   two homes of one owner hold different ballots (the first such pair in entry order).
    public static func count(_ register: HouseholdRegister) throws(TallyError) -> Tally {
        guard !register.homes.isEmpty else { throw .emptyRegister }
        var owners: [String] = []
        var homesByOwner: [String: [Home]] = [:]
        for home in register.homes {
            if homesByOwner[home.owner] == nil { owners.append(home.owner) }
            homesByOwner[home.owner, default: []].append(home)
        }

        var totalArea = 0
        var areaByChoice: [BallotChoice: Int] = [:]
        var ownersByChoice: [BallotChoice: Int] = [:]
        for owner in owners {
            let homes = homesByOwner[owner] ?? []
            var vote: (home: Home, choice: BallotChoice)?
            for home in homes {
                totalArea += home.area.hundredths
                guard let choice = register.ballot(home.number) else { continue }
                if let first = vote, first.choice != choice {
                    throw .ownerVotedDifferently(
                        owner: owner, home: first.home.number, choice: first.choice,
                        otherHome: home.number, otherChoice: choice)
                }
                if vote == nil { vote = (home, choice) }
                areaByChoice[choice, default: 0] += home.area.hundredths
            }
            if let vote { ownersByChoice[vote.choice, default: 0] += 1 }
        }

        func figure(_ area: Int, _ owners: Int) -> TallyFigure {
            TallyFigure(area: Area(uncheckedHundredths: area), owners: owners)
        }
        let choices = BallotChoice.allCases
        let participatingArea = choices.reduce(0) { $0 + (areaByChoice[$1] ?? 0) }
        let participatingOwners = choices.reduce(0) { $0 + (ownersByChoice[$1] ?? 0) }
        return Tally(
            total: figure(totalArea, owners.count),
            participating: figure(participatingArea, participatingOwners),
            agreeing: figure(areaByChoice[.agree] ?? 0, ownersByChoice[.agree] ?? 0),
            objecting: figure(areaByChoice[.object] ?? 0, ownersByChoice[.object] ?? 0),
            abstaining: figure(areaByChoice[.abstain] ?? 0, ownersByChoice[.abstain] ?? 0),
            absent: figure(totalArea - participatingArea, owners.count - participatingOwners))
    }

    /// The figure of `group`.
    public subscript(group: VoteGroup) -> TallyFigure {
        switch group {
        case .total: total
        case .participating: participating
        case .agreeing: agreeing
        case .objecting: objecting
        case .abstaining: abstaining
        case .absent: absent
        }
    }

    /// The raw count of `measure`: owners, or area in hundredths of a square metre.
    public func rawCount(_ measure: VoteMeasure) -> Int {
        let figure = self[measure.group]
        return switch measure.quantity {
        case .area: figure.area.hundredths
        case .owners: figure.owners
        }
    }

    /// `measure` as an exact share of the same quantity of `base`, such as agreeing owners of
    /// participating owners; nil when the base is zero (there is no share to take).
    public func share(_ measure: VoteMeasure, of base: VoteGroup) -> Rational? {
        Rational(rawCount(measure), rawCount(VoteMeasure(base, measure.quantity)))
    }

    /// ``share(_:of:)`` as a rounded percentage for display, `66.67 %`; nil when the base is
    /// zero. Rounded from the exact share, half away from zero; never use it to decide a vote.
    public func percentage(_ measure: VoteMeasure, of base: VoteGroup, places: Int = 2) -> String? {
        share(measure, of: base).map { $0.percentageText(places: places) }
    }
}

/// Why a register cannot be tallied.
public enum TallyError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The register has no homes, so there is nothing to take a share of.
    case emptyRegister
    /// Two homes of one owner hold different ballots; one owner casts one vote.
    case ownerVotedDifferently(owner: String, home: String, choice: BallotChoice, otherHome: String, otherChoice: BallotChoice)

    public var description: String {
        switch self {
        case .emptyRegister:
            "the register has no homes; add homes before tallying"
        case .ownerVotedDifferently(let owner, let home, let choice, let otherHome, let otherChoice):
            "\(owner) owns \(home) and \(otherHome), which voted \(choice) and \(otherChoice); one owner casts one vote"
        }
    }
}
