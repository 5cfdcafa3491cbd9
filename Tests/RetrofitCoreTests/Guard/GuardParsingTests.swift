import RetrofitCore
import Testing

@Suite("Guard parsing")
struct GuardParsingTests {
    @Test("the guard is written back with the grouping precedence gives it", arguments: [
        ("homes>=6 and district  is set", "homes >= 6 and district is set"),
        ("a == 1 or b == 1 and c == 1", "a == 1 or b == 1 and c == 1"),
        ("(a == 1 or b == 1) and c == 1", "(a == 1 or b == 1) and c == 1"),
        ("((a == 1))", "a == 1"),
        ("(a == 1 and b == 1) and c == 1", "a == 1 and b == 1 and c == 1"),
        ("not a == 1 and b", "not a == 1 and b"),
        ("not (a == 1 and b)", "not (a == 1 and b)"),
        ("not(not flag)", "not not flag"),
        ("consent_ratio at   least 2/3", "consent_ratio at least 2/3"),
        ("x>=-1/2", "x >= -1/2"),
        ("district == “德城区”", "district == “德城区”"),
        ("approved_on<2025-03-01", "approved_on < 2025-03-01"),
        ("field\tis\nnot set", "field is not set"),
    ])
    func normalizedText(source: String, normalized: String) throws {
        let guardExpression = try GuardExpression.parse(source)
        #expect(guardExpression.normalizedText == normalized)
        #expect(guardExpression.description == source)
        #expect(guardExpression.source == source)
    }

    @Test("referenced names are every field the guard reads, once each", arguments: [
        ("homes >= 6 and district is set", ["homes", "district"]),
        ("homes > floors or not homes < 2", ["homes", "floors"]),
        ("has_lift_shaft_consent", ["has_lift_shaft_consent"]),
        ("1 < 2 and true", []),
        ("set is set and at at least 1 and less less than 2", ["set", "at", "less"]),
    ])
    func referencedNames(source: String, names: [String]) throws {
        #expect(try GuardExpression.parse(source).referencedNames == Set(names))
    }

    @Test("operator words can still be field names where no operator is expected")
    func operatorWordsAsFieldNames() throws {
        let guardExpression = try GuardExpression.parse("more more than least and set is set")
        #expect(guardExpression.evaluate(["more": .number(Rational(3)), "least": .number(Rational(2)), "set": .boolean(true)]) == .passed)
    }

    @Test("guards with the same source are equal and hash alike")
    func equality() throws {
        let first = try GuardExpression.parse("homes >= 6")
        let second = try GuardExpression.parse("homes >= 6")
        let other = try GuardExpression.parse("homes>=6")
        #expect(first == second)
        #expect(Set([first, second, other]).count == 2)
    }
}
