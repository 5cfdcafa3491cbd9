import Testing
import RetrofitCore

struct TallyTests {
    @Test func aRegisterWithNoHomesCannotBeTallied() {
        #expect(throws: TallyError.emptyRegister) { try Tally.count(HouseholdRegister()) }
        #expect(TallyError.emptyRegister.description == "the register has no homes; add homes before tallying")
    }

    @Test func ownersAreCountedOnceHoweverManyHomesTheyHold() throws {
        let register = try makeRegister([
            ("3-101", "60.10", "王伟", .agree),
            ("3-102", "70.20", "王伟", .agree),
            ("3-201", "80.30", "李娜", .object),
            ("3-202", "90.40", "开发商", nil),
            ("3-301", "50.00", "开发商", nil),
        ])
        let tally = try Tally.count(register)
        #expect(tally.total == TallyFigure(area: try Area(parsing: "351.00"), owners: 3))
        #expect(tally.agreeing == TallyFigure(area: try Area(parsing: "130.30"), owners: 1))
        #expect(tally.objecting == TallyFigure(area: try Area(parsing: "80.30"), owners: 1))
        #expect(tally.participating == TallyFigure(area: try Area(parsing: "210.60"), owners: 2))
        #expect(tally.absent == TallyFigure(area: try Area(parsing: "140.40"), owners: 1))
    }

    @Test func anOwnerWithSeveralHomesPassesAUnanimousRuleWithOneVote() throws {
        let register = try makeRegister([("1-101", "80", "王伟", .agree), ("1-102", "80", "王伟", .agree), ("1-201", "80", "李娜", .agree)])
        let result = try makeRule("agreeing owners at least 1 of total owners").evaluate(Tally.count(register))
        #expect(result.passes)
        #expect(result.conditions[0].sentence == "owners agreeing 2/2 of the total; needs at least 1")
    }

    @Test func anOwnerWhoseHomesVotedDifferentlyIsAnErrorNamingBothHomes() throws {
        let register = try makeRegister([
            ("3-101", "80", "李娜", .agree),
            ("3-201", "80", "王伟", .agree),
            ("3-202", "80", "王伟", .object),
        ])
        let expected = TallyError.ownerVotedDifferently(owner: "王伟", home: "3-201", choice: .agree, otherHome: "3-202", otherChoice: .object)
        #expect(throws: expected) { try Tally.count(register) }
        #expect(expected.description == "王伟 owns 3-201 and 3-202, which voted agree and object; one owner casts one vote")
    }

    @Test func anOwnerWhoseHomesVotedTheSameOrNotAtAllIsNoConflict() throws {
        let register = try makeRegister([("3-201", "80", "王伟", .abstain), ("3-202", "80", "王伟", nil), ("3-203", "80", "王伟", .abstain)])
        #expect(try Tally.count(register).abstaining.owners == 1)
    }

    @Test func anOwnerWithSomeHomesVotedTakesPartWithOnlyTheVotedArea() throws {
        let register = try makeRegister([("3-201", "90.00", "王伟", .agree), ("3-202", "60.00", "王伟", nil), ("3-301", "50.00", "李娜", nil)])
        let tally = try Tally.count(register)
        #expect(tally.participating == TallyFigure(area: try Area(parsing: "90"), owners: 1))
        #expect(tally.agreeing == TallyFigure(area: try Area(parsing: "90"), owners: 1))
        #expect(tally.absent == TallyFigure(area: try Area(parsing: "110"), owners: 1))
        #expect(tally.total == TallyFigure(area: try Area(parsing: "200"), owners: 2))
    }

    @Test func abstainersTakePartButDoNotAgree() throws {
        let tally = try Tally.count(makeUnit(count: 6, agreeing: 3, objecting: 1, abstaining: 2))
        #expect(tally.participating.owners == 6)
        #expect(tally.agreeing.owners == 3)
        #expect(tally.abstaining.owners == 2)
        #expect(tally.absent.owners == 0)
        let result = try civilCodeRule().evaluate(tally)
        #expect(result.conditions.map(\.passes) == [true, true, false, false])
        #expect(!result.passes)
    }

    @Test("a share is exact and its percentage is rounded only for display",
          arguments: [(8, 12, "66.67 %"), (9, 12, "75.00 %"), (12, 12, "100.00 %"), (0, 12, "0.00 %"), (1, 3, "33.33 %")])
    func shareAndPercentage(agreeing: Int, owners: Int, percentage: String) throws {
        let tally = try Tally.count(makeUnit(count: owners, agreeing: agreeing))
        let agreeingOwners = VoteMeasure(.agreeing, .owners)
        #expect(tally.share(agreeingOwners, of: .total) == Rational(agreeing, owners))
        #expect(tally.percentage(agreeingOwners, of: .total) == percentage)
    }

    @Test func aShareOfAnEmptyGroupIsNil() throws {
        let tally = try Tally.count(makeUnit(count: 3, agreeing: 0))
        #expect(tally.share(VoteMeasure(.agreeing, .area), of: .participating) == nil)
        #expect(tally.percentage(VoteMeasure(.agreeing, .area), of: .participating) == nil)
    }

    @Test("a percentage is rounded half away from zero from the exact fraction",
          arguments: [(2, 3, 2, "66.67 %"), (2, 3, 0, "67 %"), (1, 8, 1, "12.5 %"), (1, 200, 2, "0.50 %"),
                      (1, 1, 0, "100 %"), (-1, 3, 1, "-33.3 %"), (5, 2, 2, "250.00 %"), (1, 3000000, 2, "0.00 %")])
    func percentageText(numerator: Int, denominator: Int, places: Int, text: String) {
        #expect(Rational(numerator, denominator)?.percentageText(places: places) == text)
    }
}
