import RetrofitCore
import Testing

@Suite("Guard comparisons")
struct GuardComparisonTests {
    @Test("every comparison operator compares integers", arguments: [
        GuardCase.passes("homes == 6", ["homes": "6"]), .fails("homes == 6", ["homes": "7"]),
        .passes("homes != 6", ["homes": "7"]), .fails("homes != 6", ["homes": "6"]),
        .passes("homes < 6", ["homes": "5"]), .fails("homes < 6", ["homes": "6"]),
        .passes("homes <= 6", ["homes": "6"]), .fails("homes <= 6", ["homes": "7"]),
        .passes("homes > 6", ["homes": "7"]), .fails("homes > 6", ["homes": "6"]),
        .passes("homes >= 6", ["homes": "6"]), .fails("homes >= 6", ["homes": "5"]),
        .passes("homes at least 6", ["homes": "6"]), .fails("homes at least 6", ["homes": "5"]),
        .passes("homes more than 6", ["homes": "7"]), .fails("homes more than 6", ["homes": "6"]),
        .passes("homes at most 6", ["homes": "6"]), .fails("homes at most 6", ["homes": "7"]),
        .passes("homes less than 6", ["homes": "5"]), .fails("homes less than 6", ["homes": "6"]),
        .passes("open_objections == 0", ["open_objections": "0"]), .passes("homes > -1", ["homes": "0"]),
        .passes("6 <= homes", ["homes": "6"]), .passes("homes >= floors", ["homes": "6", "floors": "6"]),
    ])
    func integers(_ example: GuardCase) throws {
        try expectOutcome(example)
    }

    @Test("every comparison operator compares decimals and fractions exactly", arguments: [
        GuardCase.passes("area == 89.53", ["area": "89.53"]), .fails("area == 89.53", ["area": "89.54"]),
        .passes("area != 89.53", ["area": "89.5"]), .passes("area < 89.53", ["area": "89.52"]),
        .passes("area <= 89.53", ["area": "89.53"]), .fails("area > 89.53", ["area": "89.53"]),
        .passes("area >= 89.53", ["area": "89.53"]), .fails("area >= 89.53", ["area": "89.529"]),
        .passes("consent_ratio == 2/3", ["consent_ratio": "8/12"]), .fails("consent_ratio == 2/3", ["consent_ratio": "0.6667"]),
        .passes("consent_ratio != 2/3", ["consent_ratio": "0.6667"]), .passes("consent_ratio < 2/3", ["consent_ratio": "0.6666"]),
        .passes("consent_ratio > 2/3", ["consent_ratio": "0.6667"]), .passes("consent_ratio <= 2/3", ["consent_ratio": "2/3"]),
        .passes("consent_ratio == 0.5", ["consent_ratio": "1/2"]), .passes("0.75 == 3/4"),
        .passes("area == 90", ["area": "90.00"]), .passes("homes == 6.0", ["homes": "6"]),
        .passes("homes < 6.5", ["homes": "6"]), .passes("area > homes", ["area": "6.01", "homes": "6"]),
        .passes("consent_ratio > -1/2", ["consent_ratio": "0"]), .fails("consent_ratio >= 1/3", ["consent_ratio": "0.3333333333"]),
    ])
    func decimalsAndFractions(_ example: GuardCase) throws {
        try expectOutcome(example)
    }

    @Test("at least and at most include the boundary; more than and less than exclude it", arguments: [
        GuardCase.passes("consent_ratio at least 2/3", ["consent_ratio": "8/12"]),
        .fails("consent_ratio more than 2/3", ["consent_ratio": "8/12"]),
        .passes("consent_ratio at most 2/3", ["consent_ratio": "8/12"]),
        .fails("consent_ratio less than 2/3", ["consent_ratio": "8/12"]),
        .passes("consent_ratio at least 1/2", ["consent_ratio": "6/12"]),
        .fails("consent_ratio more than 1/2", ["consent_ratio": "6/12"]),
        .passes("consent_ratio more than 1/2", ["consent_ratio": "7/12"]),
        .passes("consent_ratio at most 1/2", ["consent_ratio": "0.5"]),
        .fails("consent_ratio less than 1/2", ["consent_ratio": "0.5"]),
        .fails("consent_ratio at least 2/3", ["consent_ratio": "0.6666666666666666"]),
        .fails("consent_ratio at least 3/4", ["consent_ratio": "0.7499999999999999"]),
        .passes("consent_ratio at least 3/4", ["consent_ratio": "0.75"]),
    ])
    func boundaries(_ example: GuardCase) throws {
        try expectOutcome(example)
    }

    @Test("every comparison operator compares dates by day", arguments: [
        GuardCase.passes("approved_on == 2025-03-01", ["approved_on": "2025-03-01"]),
        .fails("approved_on == 2025-03-01", ["approved_on": "2025-03-02"]),
        .passes("approved_on != 2025-03-01", ["approved_on": "2025-03-02"]),
        .passes("approved_on < 2025-03-01", ["approved_on": "2025-02-28"]),
        .fails("approved_on < 2025-03-01", ["approved_on": "2025-03-01"]),
        .passes("approved_on <= 2025-03-01", ["approved_on": "2025-03-01"]),
        .passes("approved_on > 2024-12-31", ["approved_on": "2025-01-01"]),
        .fails("approved_on >= 2025-03-01", ["approved_on": "2025-02-28"]),
        .passes("approved_on at least 2024-02-29", ["approved_on": "2024-02-29"]),
        .fails("approved_on more than 2024-02-29", ["approved_on": "2024-02-29"]),
    ])
    func dates(_ example: GuardCase) throws {
        try expectOutcome(example)
    }

    @Test("text and enum values compare with == and != only, Chinese included", arguments: [
        GuardCase.passes("priority == 'urgent'", ["priority": "urgent"]),
        .passes("priority == \"urgent\"", ["priority": "urgent"]),
        .fails("priority == 'urgent'", ["priority": "Urgent"]),
        .passes("priority != 'urgent'", ["priority": "normal"]),
        .passes("district == '德城区'", ["district": "德城区"]),
        .passes("district == “德城区”", ["district": "德城区"]),
        .fails("district == '德城区'", ["district": "陵城区"]),
        .passes("district != '德城区'", ["district": "陵城区"]),
        .passes("'陵城区' == district", ["district": "陵城区"]),
        .passes("priority == ''", ["priority": ""]),
        .fails("priority < 'urgent'", ["priority": "normal"]),
        .fails("district >= '德城区'", ["district": "德城区"]),
    ])
    func textAndEnums(_ example: GuardCase) throws {
        try expectOutcome(example)
    }

    @Test("booleans compare with == and != only", arguments: [
        GuardCase.passes("has_lift_shaft_consent == true", ["has_lift_shaft_consent": "true"]),
        .fails("has_lift_shaft_consent == true", ["has_lift_shaft_consent": "false"]),
        .passes("has_lift_shaft_consent != true", ["has_lift_shaft_consent": "false"]),
        .passes("false == has_lift_shaft_consent", ["has_lift_shaft_consent": "false"]),
        .fails("has_lift_shaft_consent > false", ["has_lift_shaft_consent": "true"]),
        .fails("true at least false"),
    ])
    func booleans(_ example: GuardCase) throws {
        try expectOutcome(example)
    }

    @Test("a comparison with a field that is not set fails, whichever the operator", arguments: [
        GuardCase.fails("floors >= 6"), .fails("floors != 6"), .fails("district == '德城区'"),
        .fails("district != '德城区'"), .fails("approved_on < 2025-03-01"), .fails("homes == floors", ["homes": "6"]),
    ])
    func unsetFields(_ example: GuardCase) throws {
        try expectOutcome(example)
    }

    @Test("values of the wrong kind fail instead of trapping", arguments: [
        GuardCase.fails("approved_on >= 5", ["approved_on": "2025-03-01"]),
        .fails("homes == 'six'", ["homes": "6"]),
        .fails("priority != 6", ["priority": "urgent"]),
        .fails("has_lift_shaft_consent == 1", ["has_lift_shaft_consent": "true"]),
    ])
    func mismatchedKinds(_ example: GuardCase) throws {
        try expectOutcome(example)
    }
}

/// Parses the example's guard and checks that it passes or fails as expected.
func expectOutcome(_ example: GuardCase, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let guardExpression = try GuardExpression.parse(example.source)
    let outcome = guardExpression.evaluate(GuardFixtures.values(example.values))
    #expect(example.matches(outcome), "got \(outcome)", sourceLocation: sourceLocation)
}
