import RetrofitCore
import Testing

@Suite("Guard logic: is set, and, or, not, parentheses")
struct GuardLogicTests {
    @Test("is set and is not set look only at whether a field has a value", arguments: [
        GuardCase.passes("district is set", ["district": "德城区"]), .fails("district is set"),
        .passes("district is not set"), .fails("district is not set", ["district": "德城区"]),
        .passes("priority is set", ["priority": ""]), .passes("has_lift_shaft_consent is set", ["has_lift_shaft_consent": "false"]),
        .passes("not district is set"), .fails("not district is not set"),
    ])
    func presence(_ example: GuardCase) throws {
        try expectOutcome(example)
    }

    @Test("and needs every part, or needs one, not inverts", arguments: [
        GuardCase.passes("homes >= 6 and district is set", ["homes": "6", "district": "德城区"]),
        .fails("homes >= 6 and district is set", ["homes": "6"]),
        .fails("homes >= 6 and district is set", ["homes": "5", "district": "德城区"]),
        .passes("homes >= 6 or floors >= 6", ["homes": "2", "floors": "7"]),
        .passes("homes >= 6 or floors >= 6", ["homes": "6"]),
        .fails("homes >= 6 or floors >= 6", ["homes": "2", "floors": "2"]),
        .passes("not homes >= 6", ["homes": "5"]), .fails("not homes >= 6", ["homes": "6"]),
        .passes("not not homes >= 6", ["homes": "6"]),
        .passes("a == 1 and b == 2 and c == 3", ["a": "1", "b": "2", "c": "3"]),
        .fails("a == 1 and b == 2 and c == 3", ["a": "1", "b": "2", "c": "4"]),
        .passes("a == 1 or b == 2 or c == 3", ["c": "3"]),
    ])
    func connectives(_ example: GuardCase) throws {
        try expectOutcome(example)
    }

    @Test("not binds tighter than and, and tighter than or; parentheses override", arguments: [
        // a or (b and c): true when only a holds.
        GuardCase.passes("a == 1 or b == 1 and c == 1", ["a": "1", "b": "0", "c": "0"]),
        .fails("(a == 1 or b == 1) and c == 1", ["a": "1", "b": "0", "c": "0"]),
        // (a and b) or c: true when only c holds.
        .passes("a == 1 and b == 1 or c == 1", ["a": "0", "b": "0", "c": "1"]),
        .fails("a == 1 and (b == 1 or c == 1)", ["a": "0", "b": "0", "c": "1"]),
        // (not a) and b
        .passes("not a == 1 and b == 1", ["a": "0", "b": "1"]),
        .fails("not (a == 1 and b == 1)", ["a": "1", "b": "1"]),
        .passes("not (a == 1 and b == 1)", ["a": "1", "b": "0"]),
        // (not a) or b
        .passes("not a == 1 or b == 1", ["a": "1", "b": "1"]),
        .fails("not (a == 1 or b == 1)", ["a": "0", "b": "1"]),
        .passes("((a == 1))", ["a": "1"]),
        .passes("(a == 1 or (b == 1 and (c == 1 or d == 1)))", ["b": "1", "d": "1"]),
    ])
    func precedence(_ example: GuardCase) throws {
        try expectOutcome(example)
    }

    @Test("a bare boolean field or literal is a condition", arguments: [
        GuardCase.passes("has_lift_shaft_consent", ["has_lift_shaft_consent": "true"]),
        .fails("has_lift_shaft_consent", ["has_lift_shaft_consent": "false"]),
        .fails("has_lift_shaft_consent"),
        .passes("not has_lift_shaft_consent", ["has_lift_shaft_consent": "false"]),
        .passes("has_lift_shaft_consent and homes >= 6", ["has_lift_shaft_consent": "true", "homes": "6"]),
        .passes("true"), .fails("false"), .passes("not false"),
        .fails("homes", ["homes": "8"]), .fails("not homes", ["homes": "8"]),
    ])
    func bareConditions(_ example: GuardCase) throws {
        try expectOutcome(example)
    }

    @Test("a field that is not set never makes a guard pass through not", arguments: [
        GuardCase.fails("not floors >= 6"), .fails("not (floors >= 6)"), .fails("not has_lift_shaft_consent"),
        .fails("not (floors >= 6 or homes >= 6)", ["homes": "2"]),
        // Undecided or true is true; undecided and false is false, so its negation holds.
        .passes("floors >= 6 or homes >= 6", ["homes": "6"]),
        .passes("not (floors >= 6 and homes >= 6)", ["homes": "2"]),
        .fails("not (floors >= 6 and homes >= 6)", ["homes": "6"]),
    ])
    func unsetUnderNot(_ example: GuardCase) throws {
        try expectOutcome(example)
    }
}
