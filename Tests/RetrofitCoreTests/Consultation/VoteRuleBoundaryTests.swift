import Testing
import RetrofitCore

/// The boundaries DOMAIN.md §3 names: "at least" includes the boundary, "more than" does not,
/// and exact arithmetic decides where floating point would not.
struct VoteRuleBoundaryTests {
    @Test("participation of exactly two-thirds of owners passes, one owner fewer fails",
          arguments: [(8, true), (7, false), (9, true), (12, true), (0, false)])
    func twoThirdsOfOwners(participants: Int, passes: Bool) throws {
        let tally = try Tally.count(makeUnit(count: 12, agreeing: participants))
        let result = try makeRule("participating owners at least 2/3 of total owners").evaluate(tally)
        #expect(result.passes == passes)
        #expect(result.conditions[0].numerator == participants)
        #expect(result.conditions[0].denominator == 12)
    }

    @Test("participation of exactly two-thirds of the area passes, one hundredth less fails",
          arguments: [("200.00", "100.00", true), ("199.99", "100.01", false), ("133.34", "66.66", true), ("133.33", "66.67", false)])
    func twoThirdsOfArea(participating: String, absent: String, passes: Bool) throws {
        let register = try makeRegister([("1-101", participating, "甲", .agree), ("1-102", absent, "乙", nil)])
        let result = try makeRule("participating area at least 2/3 of total area").evaluate(Tally.count(register))
        #expect(result.passes == passes)
    }

    /// Areas whose shares are exactly 3/4, but whose floating-point sums are not: summing the
    /// agreeing homes as `Double` gives a ratio of 0.7499999999999999, and even the
    /// cross-multiplied `sum * 4 < total * 3` is true in `Double`. A tally in `Double` would
    /// refuse these lawful votes.
    @Test("exactly three-quarters of a decimal area passes where floating point falls short",
          arguments: [
            (["58.44", "97.64", "96.79", "102.33"], ["118.40"]),
            (["111.27", "94.11", "119.38", "113.39"], ["146.05"]),
            (["66.88", "74.83", "71.56", "85.06", "94.64"], ["130.99"]),
          ])
    func threeQuartersOfArea(agreeing: [String], objecting: [String]) throws {
        // The floating-point version, to show it is wrong.
        let agreeingSum = agreeing.reduce(0.0) { $0 + (Double($1) ?? .nan) }
        let participatingSum = (agreeing + objecting).reduce(0.0) { $0 + (Double($1) ?? .nan) }
        #expect(agreeingSum / participatingSum < 0.75)
        #expect(agreeingSum * 4 < participatingSum * 3)

        var lines: [ExampleHome] = []
        for (index, area) in agreeing.enumerated() { lines.append((home: "2-\(index + 1)", area: area, owner: "A\(index)", vote: .agree)) }
        for (index, area) in objecting.enumerated() { lines.append((home: "3-\(index + 1)", area: area, owner: "O\(index)", vote: .object)) }
        let tally = try Tally.count(makeRegister(lines))
        let result = try makeRule("agreeing area at least 3/4 of participating area").evaluate(tally)
        #expect(result.passes)
        #expect(result.conditions[0].measured == Rational(3, 4))
        #expect(tally.agreeing.area.hundredths * 4 == tally.participating.area.hundredths * 3)
    }

    @Test("more than half fails at exactly half and passes with one more",
          arguments: [(6, false), (7, true), (5, false)])
    func moreThanHalf(agreeing: Int, passes: Bool) throws {
        let tally = try Tally.count(makeUnit(count: 12, agreeing: agreeing, objecting: 12 - agreeing))
        let result = try makeRule("agreeing owners more than 1/2 of participating owners").evaluate(tally)
        #expect(result.passes == passes)
    }

    @Test func atLeastHalfPassesAtExactlyHalf() throws {
        let tally = try Tally.count(makeUnit(count: 12, agreeing: 6, objecting: 6))
        #expect(try makeRule("agreeing owners at least 1/2 of participating owners").evaluate(tally).passes)
        #expect(try makeRule("agreeing owners at least 0.5 of participating owners").evaluate(tally).passes)
    }

    @Test("at most includes the boundary and less than excludes it",
          arguments: [("objecting owners at most 2", true), ("objecting owners less than 2", false),
                      ("objecting owners less than 3", true), ("objecting owners at most 1/6 of total owners", true),
                      ("objecting owners less than 1/6 of total owners", false)])
    func atMostAndLessThan(condition: String, passes: Bool) throws {
        let tally = try Tally.count(makeUnit(count: 12, agreeing: 10, objecting: 2))
        #expect(try makeRule(condition).evaluate(tally).passes == passes)
    }

    @Test func theResultSentencesGiveTheCountsAndTheThreshold() throws {
        let register = try makeRegister([
            ("1-101", "300.20", "甲", .agree), ("1-102", "312.20", "乙", .agree),
            ("1-201", "232.70", "丙", .object), ("1-202", "100.00", "丁", nil),
        ])
        let result = try civilCodeRule().evaluate(Tally.count(register))
        #expect(result.conditions.map(\.sentence) == [
            "area participating 845.10/945.10 m² of the total; needs at least 2/3",
            "owners participating 3/4 of the total; needs at least 2/3",
            "area agreeing 612.40/845.10 m² of participants; needs at least 3/4",
            "owners agreeing 2/3 of participants; needs at least 3/4",
        ])
        #expect(result.conditions.map(\.passes) == [true, true, false, false])
        #expect(result.conditions[2].numerator == 61_240)
        #expect(result.conditions[2].denominator == 84_510)
    }

    @Test func anAbsoluteAreaConditionMeasuresSquareMetres() throws {
        let register = try makeRegister([("1-101", "300.20", "甲", .agree), ("1-102", "312.20", "乙", .agree)])
        let result = try makeRule("agreeing area at least 612.40 m²").evaluate(Tally.count(register))
        #expect(result.passes)
        #expect(result.conditions[0].measured == Rational(6124, 10))
        #expect(result.conditions[0].sentence == "area agreeing 612.40 m²; needs at least 612.40 m²")
    }

    @Test func aShareOfNobodyFailsAndSaysSo() throws {
        let tally = try Tally.count(makeUnit(count: 4, agreeing: 0))
        let result = try makeRule("agreeing owners at least 3/4 of participating owners",
                                  "objecting area at most 0 of participating area").evaluate(tally)
        #expect(!result.passes)
        #expect(result.conditions.map(\.passes) == [false, false])
        #expect(result.conditions[0].measured == nil)
        #expect(result.conditions[0].sentence
            == "owners agreeing 0/0 of participants; needs at least 3/4, but nobody took part, so the condition fails")
        #expect(result.conditions[1].sentence
            == "area objecting 0.00/0.00 m² of participants; needs at most 0, but nobody took part, so the condition fails")
    }

    // Dezhou 2020 trial measures: every owner of the unit must agree.
    static let dezhou = ["agreeing owners at least 1 of total owners"]

    @Test("Dezhou's rule needs every owner to agree",
          arguments: [(12, 0, 0, true), (11, 0, 0, false), (11, 0, 1, false), (11, 1, 0, false)])
    func dezhouRule(agreeing: Int, objecting: Int, abstaining: Int, passes: Bool) throws {
        let rule = try VoteRule.parse(title: "德州 2020", conditions: Self.dezhou)
        let tally = try Tally.count(makeUnit(count: 12, agreeing: agreeing, objecting: objecting, abstaining: abstaining))
        #expect(rule.evaluate(tally).passes == passes)
    }

    @Test func dezhouCountsAnOwnerOfSeveralHomesOnce() throws {
        let rule = try VoteRule.parse(title: "德州 2020", conditions: Self.dezhou)
        let register = try makeRegister([
            ("1-101", "80", "开发商", .agree), ("1-102", "80", "开发商", .agree),
            ("1-201", "80", "王伟", .agree), ("1-202", "80", "李娜", nil),
        ])
        let result = rule.evaluate(try Tally.count(register))
        #expect(!result.passes)
        #expect(result.conditions[0].sentence == "owners agreeing 2/3 of the total; needs at least 1")
    }

    // Beijing 2020: two-thirds of the unit agree and the rest do not object.
    static let beijing = ["agreeing owners at least 2/3 of total owners", "objecting owners at most 0"]

    @Test("Beijing's rule needs two-thirds to agree and nobody to object",
          arguments: [(8, 0, 0, true), (8, 0, 4, true), (7, 0, 0, false), (8, 1, 0, false), (11, 1, 0, false), (12, 0, 0, true)])
    func beijingRule(agreeing: Int, objecting: Int, abstaining: Int, passes: Bool) throws {
        let rule = try VoteRule.parse(title: "北京 2020", conditions: Self.beijing)
        let tally = try Tally.count(makeUnit(count: 12, agreeing: agreeing, objecting: objecting, abstaining: abstaining))
        #expect(rule.evaluate(tally).passes == passes)
    }

    @Test func beijingExplainsEachCondition() throws {
        let rule = try VoteRule.parse(title: "北京 2020", conditions: Self.beijing)
        let result = rule.evaluate(try Tally.count(makeUnit(count: 12, agreeing: 8, objecting: 1)))
        #expect(result.conditions.map(\.sentence) == [
            "owners agreeing 8/12 of the total; needs at least 2/3",
            "owners objecting 1; needs at most 0",
        ])
        #expect(result.conditions.map(\.passes) == [true, false])
    }
}
