import RetrofitCore
import Testing

@Suite("Guard failure explanations")
struct GuardExplanationTests {
    @Test("a failed guard says which part failed and what the values were", arguments: [
        ("consent_ratio >= 3/4", ["consent_ratio": "7/10"], "consent_ratio >= 3/4 (consent_ratio is 7/10)"),
        ("consent_ratio at least 2/3", ["consent_ratio": "0.5"], "consent_ratio at least 2/3 (consent_ratio is 1/2)"),
        ("consent_ratio >= 0.75", ["consent_ratio": "7/10"], "consent_ratio >= 0.75 (consent_ratio is 0.7)"),
        ("consent_ratio >= 0.75", ["consent_ratio": "2/3"], "consent_ratio >= 0.75 (consent_ratio is 2/3)"),
        ("area >= 90", ["area": "89.53"], "area >= 90 (area is 89.53)"),
        ("area >= 90", ["area": "1/1152921504606846976"], "area >= 90 (area is 1/1152921504606846976)"),
        ("homes >= 6", ["homes": "4"], "homes >= 6 (homes is 4)"),
        ("homes>=6", ["homes": "4"], "homes >= 6 (homes is 4)"),
        ("floors >= 6", [:], "floors >= 6 (floors is not set)"),
        ("homes > floors", ["homes": "3", "floors": "5"], "homes > floors (homes is 3, floors is 5)"),
        ("homes > floors", ["homes": "3"], "homes > floors (homes is 3, floors is not set)"),
        ("homes != homes", ["homes": "3"], "homes != homes (homes is 3)"),
        ("approved_on <= 2025-03-01", ["approved_on": "2025-03-02"], "approved_on <= 2025-03-01 (approved_on is 2025-03-02)"),
        ("priority == 'urgent'", ["priority": "normal"], "priority == 'urgent' (priority is \"normal\")"),
        ("priority == 'urgent'", ["priority": "say \"hi\""], "priority == 'urgent' (priority is 'say \"hi\"')"),
        ("district == '德城区'", ["district": "陵城区"], "district == '德城区' (district is \"陵城区\")"),
        ("has_lift_shaft_consent == true", ["has_lift_shaft_consent": "false"],
         "has_lift_shaft_consent == true (has_lift_shaft_consent is false)"),
        ("1 > 2", [:], "1 > 2"),
    ])
    func comparisons(source: String, values: [String: String], explanation: String) throws {
        try expectFailure(source, values, explanation)
    }

    @Test("and reports its first failing part, or reports every part, not reports its inner part", arguments: [
        ("homes >= 6 and floors >= 6", ["homes": "8", "floors": "5"], "floors >= 6 (floors is 5)"),
        ("homes >= 6 and floors >= 6", ["homes": "2", "floors": "5"], "homes >= 6 (homes is 2)"),
        ("homes >= 6 or priority == \"urgent\"", ["homes": "4", "priority": "normal"],
         "homes >= 6 (homes is 4) and priority == \"urgent\" (priority is \"normal\")"),
        ("homes >= 6 or (floors >= 6 and district is set)", ["homes": "2", "floors": "7"],
         "homes >= 6 (homes is 2) and district is set (district is not set)"),
        ("(homes >= 6 or floors >= 6) and district is set", ["homes": "8"], "district is set (district is not set)"),
        ("not homes >= 6", ["homes": "8"], "not (homes >= 6)"),
        ("not (homes >= 6 or floors > 2)", ["homes": "8"], "not (homes >= 6 or floors > 2)"),
        ("not ( homes>=6 )", ["homes": "8"], "not (homes >= 6)"),
        ("not has_lift_shaft_consent", ["has_lift_shaft_consent": "true"], "not (has_lift_shaft_consent)"),
        ("not (floors >= 6)", [:], "not (floors >= 6 (floors is not set))"),
    ])
    func connectives(source: String, values: [String: String], explanation: String) throws {
        try expectFailure(source, values, explanation)
    }

    @Test("is set, bare conditions and mismatched values explain themselves", arguments: [
        ("district is set", [:], "district is set (district is not set)"),
        ("district is not set", ["district": "德城区"], "district is not set (district is \"德城区\")"),
        ("homes is not set", ["homes": "12"], "homes is not set (homes is 12)"),
        ("has_lift_shaft_consent", ["has_lift_shaft_consent": "false"],
         "has_lift_shaft_consent (has_lift_shaft_consent is false)"),
        ("has_lift_shaft_consent", [:], "has_lift_shaft_consent (has_lift_shaft_consent is not set)"),
        ("false", [:], "false"),
        ("homes", ["homes": "8"], "homes (homes is 8, not true or false)"),
        ("approved_on >= 5", ["approved_on": "2025-03-01"],
         "approved_on >= 5 (approved_on is 2025-03-01; a date cannot be compared with a number)"),
        ("priority < 'b'", ["priority": "a"], "priority < 'b' (priority is \"a\"; only == and != compare text)"),
    ])
    func others(source: String, values: [String: String], explanation: String) throws {
        try expectFailure(source, values, explanation)
    }

    private func expectFailure(
        _ source: String, _ values: [String: String], _ explanation: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let guardExpression = try GuardExpression.parse(source)
        #expect(guardExpression.evaluate(GuardFixtures.values(values)) == .failed(explanation), sourceLocation: sourceLocation)
    }
}
