import RetrofitCore
import Testing

@Suite("Guard type checking")
struct GuardTypeCheckTests {
    @Test("sound guards have no problems", arguments: [
        "homes >= 6 and district is set", "consent_ratio at least 2/3", "area > 89.53", "homes < 6.5",
        "approved_on < 2025-03-01", "has_lift_shaft_consent", "not has_lift_shaft_consent",
        "has_lift_shaft_consent == true", "area > homes", "district == '德城区'", "priority == 'urgent'",
        "district != priority", "open_objections == 0", "true", "(homes >= 6 or floors >= 6) and not district is not set",
    ])
    func soundGuards(source: String) throws {
        #expect(try GuardExpression.parse(source).typeCheck(GuardFixtures.types) == [])
    }

    @Test("each problem is reported with its offset", arguments: [
        ("flors >= 6", [(0, "unknown field 'flors'")]),
        ("distrct is set", [(0, "unknown field 'distrct'")]),
        ("homes >= 6 and not flag", [(19, "unknown field 'flag'")]),
        ("approved_on >= 5", [(0, "cannot compare date field 'approved_on' with number 5")]),
        ("5 < approved_on", [(0, "cannot compare number 5 with date field 'approved_on'")]),
        ("approved_on >= '2025-03-01'",
         [(0, "cannot compare date field 'approved_on' with text '2025-03-01'; write dates without quotes, as in 2025-03-01")]),
        ("approved_on > homes", [(0, "cannot compare date field 'approved_on' with integer field 'homes'")]),
        ("homes == 'six'", [(0, "cannot compare integer field 'homes' with text 'six'")]),
        ("has_lift_shaft_consent == 1", [(0, "cannot compare boolean field 'has_lift_shaft_consent' with number 1")]),
        ("priority == true", [(0, "cannot compare text field 'priority' with boolean true")]),
        ("district == '东城区'", [(12, "'东城区' is not one of district's values: 德城区, 陵城区")]),
        ("'东城区' != district", [(0, "'东城区' is not one of district's values: 德城区, 陵城区")]),
        ("priority < 'urgent'",
         [(9, "cannot use '<' on text field 'priority': only == and != compare text, enum and boolean values")]),
        ("'a' >= priority",
         [(4, "cannot use '>=' on text field 'priority': only == and != compare text, enum and boolean values")]),
        ("district at least '德城区'",
         [(9, "cannot use 'at least' on enum field 'district': only == and != compare text, enum and boolean values")]),
        ("has_lift_shaft_consent more than false",
         [(23, "cannot use 'more than' on boolean field 'has_lift_shaft_consent': only == and != compare text, enum and boolean values")]),
        ("homes", [(0, "integer field 'homes' is not a boolean, so it cannot stand alone as a condition")]),
        ("not district", [(4, "enum field 'district' is not a boolean, so it cannot stand alone as a condition")]),
        ("5 or true", [(0, "number 5 is not a boolean, so it cannot stand alone as a condition")]),
        ("'yes'", [(0, "text 'yes' is not a boolean, so it cannot stand alone as a condition")]),
    ])
    func singleProblems(source: String, problems: [(Int, String)]) throws {
        try expectProblems(source, problems)
    }

    @Test("every problem in a guard is reported, in order")
    func severalProblems() throws {
        try expectProblems("flors > 1 or district > '东城区' or homes", [
            (0, "unknown field 'flors'"),
            (22, "cannot use '>' on enum field 'district': only == and != compare text, enum and boolean values"),
            (24, "'东城区' is not one of district's values: 德城区, 陵城区"),
            (33, "integer field 'homes' is not a boolean, so it cannot stand alone as a condition"),
        ])
    }

    @Test("the description gives a 1-based column")
    func descriptionGivesColumn() throws {
        let problems = try GuardExpression.parse("homes >= 6 and flors > 1").typeCheck(GuardFixtures.types)
        #expect(problems.map(\.description) == ["unknown field 'flors' at column 16"])
    }

    private func expectProblems(
        _ source: String, _ expected: [(Int, String)], sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let problems = try GuardExpression.parse(source).typeCheck(GuardFixtures.types)
        #expect(problems == expected.map { GuardProblem(offset: $0.0, message: $0.1) }, sourceLocation: sourceLocation)
    }
}
