import RetrofitCore
import Testing

@Suite("Guard syntax errors")
struct GuardSyntaxErrorTests {
    @Test("an empty or dangling guard says what was expected at the end", arguments: [
        ("", 0, "expected a condition, but the guard is empty"),
        ("   ", 0, "expected a condition, but the guard is empty"),
        ("homes >=", 8, "expected a value after '>='"),
        ("homes at least", 14, "expected a value after 'at least'"),
        ("homes >= 6 and", 14, "expected a condition after 'and'"),
        ("homes >= 6 or ", 14, "expected a condition after 'or'"),
        ("not", 3, "expected a condition after 'not'"),
        ("district is", 11, "expected 'set' or 'not set' after 'is' (to compare with a value, write ==)"),
        ("district is not", 15, "expected 'set' or 'not set' after 'is' (to compare with a value, write ==)"),
        ("homes at", 8, "expected 'least' or 'most' after 'at'"),
    ])
    func danglingEnds(source: String, offset: Int, message: String) {
        expectSyntaxError(source, offset, message)
    }

    @Test("a misplaced word or value is named where it stands", arguments: [
        ("homes >= and floors > 1", 9, "expected a value after '>=', found 'and'"),
        ("homes >= (6)", 9, "expected a value after '>=', found '('"),
        ("or homes >= 6", 0, "expected a condition, found 'or'"),
        ("and", 0, "expected a condition, found 'and'"),
        ("homes 6", 6, "expected 'and', 'or' or the end of the guard after 'homes', found number 6"),
        ("homes >= 6 floors", 11, "expected 'and', 'or' or the end of the guard after number 6, found 'floors'"),
        ("homes at 6", 9, "expected 'least' or 'most' after 'at', found number 6"),
        ("homes more 6", 11, "expected 'than' after 'more', found number 6"),
        ("homes less then 6", 11, "expected 'than' after 'less', found 'then'"),
        ("priority is 'urgent'", 12,
         "expected 'set' or 'not set' after 'is' (to compare with a value, write ==), found text 'urgent'"),
        ("5 is set", 0, "only a field can be set or not set, not 5"),
        ("1 < homes < 9", 10, "comparisons cannot be chained; join them with 'and', as in 'a < b and b < c'"),
    ])
    func misplacedTokens(source: String, offset: Int, message: String) {
        expectSyntaxError(source, offset, message)
    }

    @Test("unbalanced parentheses are reported", arguments: [
        ("(homes >= 6", 11, "expected ')' to close the '(' at column 1"),
        ("(homes >= 6 floors", 12, "expected ')' to close the '(' at column 1, found 'floors'"),
        ("homes >= 6)", 10, "unexpected ')' without a matching '('"),
        ("()", 1, "expected a condition after '(', found ')'"),
        ("((a == 1)", 9, "expected ')' to close the '(' at column 1"),
        ("(a == 1))", 8, "unexpected ')' without a matching '('"),
    ])
    func parentheses(source: String, offset: Int, message: String) {
        expectSyntaxError(source, offset, message)
    }

    @Test("bad literals are reported where they start", arguments: [
        ("priority == 'urgent", 12, "unterminated text: the ' opened here has no closing '"),
        ("priority == \"urgent", 12, "unterminated text: the \" opened here has no closing \""),
        ("district == “德城区", 12, "unterminated text: the “ opened here has no closing ”"),
        ("district == '德城区' and priority == 'x", 34, "unterminated text: the ' opened here has no closing '"),
        ("consent_ratio >= 1/0", 17, "1/0 divides by zero"),
        ("consent_ratio >= 2/00", 17, "2/00 divides by zero"),
        ("consent_ratio >= 1/", 19, "expected a whole number after '/'"),
        ("consent_ratio >= 1.5/2", 17, "a fraction is written with whole numbers, as in 2/3"),
        ("consent_ratio >= 1/2.5", 17, "a fraction is written with whole numbers, as in 2/3"),
        ("area >= 1.", 10, "expected a digit after the decimal point"),
        ("area >= 1.2.3", 11, "unexpected '.' right after the number 1.2"),
        ("homes >= 1e3", 10, "unexpected 'e' right after the number 1"),
        ("homes >= 99999999999999999999", 9, "99999999999999999999 is too large or too precise to hold exactly"),
        ("approved_on >= 2025-02-30", 15, "2025-02-30 is not a day on the calendar"),
        ("approved_on >= 2025-3-01", 15, "expected a date written YYYY-MM-DD, found 2025-3-01"),
        ("homes >= - 6", 10, "expected a digit after '-'"),
    ])
    func literals(source: String, offset: Int, message: String) {
        expectSyntaxError(source, offset, message)
    }

    @Test("characters that are not part of the language are reported", arguments: [
        ("homes = 6", 6, "expected '==' to compare; a single '=' is not an operator"),
        ("! has_lift_shaft_consent", 0, "expected '!=' after '!'; write 'not' to negate a condition"),
        ("homes >= 6 ;", 11, "unexpected character ';'"),
        ("homes >= 6 && floors > 1", 11, "unexpected character '&'"),
        ("district == 德城区", 12, "unexpected character '德'; put text in quotes, as in '德城区'"),
        ("homes ≥ 6", 6, "unexpected character '≥'"),
    ])
    func strayCharacters(source: String, offset: Int, message: String) {
        expectSyntaxError(source, offset, message)
    }

    @Test("nesting deeper than the limit is refused instead of exhausting the stack")
    func deepNesting() throws {
        let limit = 64
        let deepest = String(repeating: "(", count: limit) + "true" + String(repeating: ")", count: limit)
        #expect(try GuardExpression.parse(deepest).evaluate([:]) == .passed)
        let tooDeep = "(" + deepest + ")"
        expectSyntaxError(tooDeep, limit, "parentheses and 'not' are nested more than 64 deep")
        let manyNots = String(repeating: "not ", count: 100_000) + "true"
        expectSyntaxError(manyNots, 4 * limit, "parentheses and 'not' are nested more than 64 deep")
    }

    @Test("offsets count characters, so Chinese text before an error counts one per character")
    func offsetsCountCharacters() {
        expectSyntaxError("district == '德城区' and", 21, "expected a condition after 'and'")
    }

    @Test("the description gives a 1-based column")
    func descriptionGivesColumn() {
        let error = GuardSyntaxError(offset: 8, message: "expected a value after '>='")
        #expect(error.description == "expected a value after '>=' at column 9")
    }

    private func expectSyntaxError(
        _ source: String, _ offset: Int, _ message: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(throws: GuardSyntaxError(offset: offset, message: message), sourceLocation: sourceLocation) {
            try GuardExpression.parse(source)
        }
    }
}
