import Testing
@testable import RetrofitCore

struct AreaTests {
    @Test("an area is read exactly into hundredths and printed with two decimals",
          arguments: [("89.53", 8953, "89.53"), ("90", 9000, "90.00"), ("90.5", 9050, "90.50"),
                      (" 0.01 ", 1, "0.01"), ("1000000", 100_000_000, "1000000.00")])
    func areaParses(text: String, hundredths: Int, printed: String) throws {
        let area = try Area(parsing: text)
        #expect(area.hundredths == hundredths)
        #expect(area.description == printed)
    }

    @Test("a text that is not a home's area is refused with the reason",
          arguments: [
            ("1e3", AreaProblem.notANumber("1e3")),
            ("-5", .negative("-5")),
            ("89.531", .tooManyDecimals("89.531")),
            ("abc", .notANumber("abc")),
            ("", .empty),
            ("   ", .empty),
            ("0", .zero("0")),
            ("0.00", .zero("0.00")),
            ("1000000.01", .tooLarge("1000000.01")),
            ("89.", .notANumber("89.")),
            (".5", .notANumber(".5")),
            ("1,5", .notANumber("1,5")),
            ("89.5.3", .notANumber("89.5.3")),
          ])
    func areaIsRefused(text: String, problem: AreaProblem) {
        #expect(throws: problem) { try Area(parsing: text) }
    }

    @Test func theProblemSentenceNamesTheTextAndWhatWasExpected() {
        #expect(AreaProblem.tooManyDecimals("89.531").description
            == "area '89.531' has more than two decimals; expected square metres with at most two decimals, such as 89.53")
    }

    @Test func anAreaIsAnExactNumberOfSquareMetres() throws {
        #expect(try Area(parsing: "89.53").squareMetres == Rational(8953, 100))
    }

    @Test func aNegativeCountOfHundredthsIsNotAnArea() {
        #expect(Area(hundredths: -1) == nil)
        #expect(Area(hundredths: 0) == .zero)
    }
}
