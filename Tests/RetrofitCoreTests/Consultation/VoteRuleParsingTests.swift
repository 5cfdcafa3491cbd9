import Testing
import RetrofitCore

struct VoteRuleParsingTests {
    @Test func theCivilCodeRuleParsesIntoFourShareConditions() throws {
        let rule = try civilCodeRule()
        #expect(rule.title == "民法典第278条 / Civil Code art. 278")
        #expect(rule.conditions.count == 4)
        let last = rule.conditions[3]
        #expect(last.measure == VoteMeasure(.agreeing, .owners))
        #expect(last.comparison == .atLeast)
        #expect(last.target == .share(Rational(3, 4) ?? .zero, of: .participating))
        #expect(last.source == "agreeing owners at least 3/4 of participating owners")
    }

    @Test("a condition is read whatever its spacing and case, into one canonical form",
          arguments: [
            ("Agreeing  Owners AT LEAST 3/4 of participating owners", "agreeing owners at least 3/4 of participating owners"),
            ("agreeing area more than 0.5 of participating area", "agreeing area more than 1/2 of participating area"),
            ("agreeing owners at least 1 of total owners", "agreeing owners at least 1 of total owners"),
            ("objecting owners at most 0", "objecting owners at most 0"),
            ("absent owners less than 3", "absent owners less than 3"),
            ("agreeing area at least 500", "agreeing area at least 500.00 m²"),
            ("agreeing area at least 612.4 m²", "agreeing area at least 612.40 m²"),
            ("abstaining area at most 0 of total area", "abstaining area at most 0 of total area"),
            ("\u{3000}participating owners at least 2/3 of total owners ", "participating owners at least 2/3 of total owners"),
          ])
    func conditionParses(source: String, canonical: String) throws {
        #expect(try VoteCondition.parse(source).description == canonical)
    }

    @Test("a condition that does not follow the grammar says what was expected",
          arguments: [
            ("", VoteConditionProblem.empty),
            ("agreed owners at least 3/4 of participating owners", .unknownMeasure("agreed owners")),
            ("agreeing households at least 3/4 of participating owners", .unknownMeasure("agreeing households")),
            ("at least 3/4 of participating owners", .missingMeasure),
            ("agreeing owners atleast 3/4 of participating owners", .unknownComparison("atleast")),
            ("agreeing owners ≥ 3/4 of participating owners", .unknownComparison("≥")),
            ("agreeing owners", .missingComparison(measure: VoteMeasure(.agreeing, .owners))),
            ("agreeing owners at least", .missingThreshold(.atLeast)),
            ("agreeing owners at least two-thirds of participating owners", .badThreshold("two-thirds")),
            ("agreeing owners at least 1e-1 of participating owners", .badThreshold("1e-1")),
            ("agreeing owners at least -1/2 of participating owners", .badThreshold("-1/2")),
            ("agreeing owners at least 3/2 of participating owners", .thresholdAboveOne("3/2")),
            ("agreeing owners at least 3/4 of", .missingBase),
            ("agreeing owners at least 3/4 of participants", .unknownBase("participants")),
            ("agreeing owners at least 3/4 of participating area", .mixedQuantities(measure: VoteMeasure(.agreeing, .owners), base: VoteMeasure(.participating, .area))),
            ("objecting owners at most 0.5", .badCount("0.5", .owners)),
            ("objecting owners at most -1", .badCount("-1", .owners)),
            ("agreeing area at least 500.123", .badCount("500.123", .area)),
            ("agreeing owners at least 3/4 participating owners", .unexpectedWords("participating owners")),
            ("agreeing area at least 500 hectares", .unexpectedWords("hectares")),
            ("agreeing owners at least everyone", .badCount("everyone", .owners)),
            ("agreeing area at least half", .badCount("half", .area)),
          ])
    func conditionIsRefused(source: String, problem: VoteConditionProblem) {
        #expect(throws: problem) { try VoteCondition.parse(source) }
    }

    @Test func anUnknownMeasureListsEveryMeasure() {
        #expect(VoteConditionProblem.unknownMeasure("agreed owners").description
            == "unknown measure 'agreed owners'; expected one of total area, total owners, participating area, participating owners, agreeing area, agreeing owners, objecting area, objecting owners, abstaining area, abstaining owners, absent area, absent owners")
    }

    @Test func aBadConditionIsNamedByItsPositionAndText() {
        let expected = VoteRuleError.badCondition(index: 2, source: "agreed owners at least 3/4 of participating owners",
                                                  problem: .unknownMeasure("agreed owners"))
        #expect(throws: expected) {
            try VoteRule.parse(title: "t", conditions: ["agreeing area at least 3/4 of participating area",
                                                        " agreed owners at least 3/4 of participating owners"])
        }
        #expect(expected.description.hasPrefix("vote rule condition 2 'agreed owners at least 3/4 of participating owners': unknown measure 'agreed owners'; expected one of total area"))
    }

    @Test func aRuleNeedsATitleAndAtLeastOneCondition() {
        #expect(throws: VoteRuleError.emptyTitle) { try VoteRule.parse(title: "  ", conditions: ["objecting owners at most 0"]) }
        #expect(throws: VoteRuleError.noConditions(title: "北京")) { try VoteRule.parse(title: "北京", conditions: []) }
    }
}
