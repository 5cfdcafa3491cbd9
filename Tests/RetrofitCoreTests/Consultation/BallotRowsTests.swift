import Testing
import RetrofitCore

struct BallotRowsTests {
    @Test func goodRowsBecomeBallotsWithTheirRowsAndDates() throws {
        let ballots = try BallotRows.parse(header: ["home", "vote", "date"], rows: [
            ["3-201", "agree", "2025-04-22"],
            ["3-101", "反对", ""],
        ]).get()
        #expect(ballots == [
            BallotRow(row: 2, home: "3-201", choice: .agree, date: CivilDate(year: 2025, month: 4, day: 22)),
            BallotRow(row: 3, home: "3-101", choice: .object, date: nil),
        ])
    }

    @Test func theDateColumnIsOptionalAndChineseHeadersWork() throws {
        let ballots = try BallotRows.parse(header: ["房号", "投票"], rows: [["3-201", "弃权"]]).get()
        #expect(ballots == [BallotRow(row: 2, home: "3-201", choice: .abstain, date: nil)])
    }

    @Test("every bad ballot row kind is reported with its file row and column",
          arguments: [
            (["3-201", "agree"], RowProblem(row: 2, column: nil, kind: .wrongCellCount(expected: 3, found: 2))),
            (["", "agree", ""], RowProblem(row: 2, column: "home", kind: .emptyHomeNumber)),
            (["3-201", "yes", ""], RowProblem(row: 2, column: "vote", kind: .badVote("yes"))),
            (["3-201", "", ""], RowProblem(row: 2, column: "vote", kind: .badVote(""))),
            (["3-201", "agree", "2025-02-30"], RowProblem(row: 2, column: "date", kind: .badDate("2025-02-30"))),
          ])
    func badRow(cells: [String], problem: RowProblem) {
        #expect(BallotRows.parse(header: ["home", "vote", "date"], rows: [cells]) == .failure([problem]))
    }

    @Test func aHomeTwiceAndAMissingColumnAreReported() {
        #expect(BallotRows.parse(header: ["home", "vote"], rows: [["1", "agree"], ["1", "object"]])
            == .failure([RowProblem(row: 3, column: "home", kind: .duplicateHome("1", firstRow: 2))]))
        #expect(BallotRows.parse(header: ["home", "date"], rows: [])
            == .failure([RowProblem(row: 1, column: "vote", kind: .missingColumn(accepted: ["vote", "投票", "表决"]))]))
    }

    @Test func castingBallotsForUnknownHomesChangesNothingAndNamesEachRow() throws {
        var register = try makeRegister([("1", "80", "甲", nil)])
        let ballots = try BallotRows.parse(header: ["home", "vote"], rows: [["1", "agree"], ["2", "agree"], ["3", "object"]]).get()
        let problems = register.cast(ballots)
        #expect(problems == [
            RowProblem(row: 3, column: "home", kind: .unknownHome("2")),
            RowProblem(row: 4, column: "home", kind: .unknownHome("3")),
        ])
        #expect(register.ballots.isEmpty)
    }

    @Test func castingBallotsFromAFileRecordsThem() throws {
        var register = try makeRegister([("1", "80", "甲", .object), ("2", "80", "乙", nil)])
        let ballots = try BallotRows.parse(header: ["home", "vote"], rows: [["1", "agree"], ["2", "abstain"]]).get()
        #expect(register.cast(ballots).isEmpty)
        #expect(register.ballots == ["1": .agree, "2": .abstain])
    }
}
