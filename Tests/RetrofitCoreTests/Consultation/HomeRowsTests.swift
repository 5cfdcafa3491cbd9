import Testing
import RetrofitCore

struct HomeRowsTests {
    static let header = ["home", "floor", "area", "owner"]

    @Test func goodRowsBecomeHomesInFileOrder() throws {
        let result = HomeRows.parse(header: Self.header, rows: [
            ["3-201", "2", "89.53", "王伟"],
            ["3-101", "1", "90", " 李娜 "],
            ["", "", "", ""],
            ["B-01", "-1", "12.5", "开发商"],
        ])
        let homes = try result.get()
        #expect(homes.map(\.number) == ["3-201", "3-101", "B-01"])
        #expect(homes[1].owner == "李娜")
        #expect(homes[2].floor == -1)
        #expect(homes[2].area.description == "12.50")
    }

    @Test func chineseHeadersInAnyOrderWithExtraColumnsAreAccepted() throws {
        let homes = try HomeRows.parse(header: ["\u{FEFF}业主", "面积", "备注", "楼层", "房号"],
                                       rows: [["王伟", "89.53", "低层", "2", "3-201"]]).get()
        #expect(homes == [try Home(number: "3-201", floor: 2, area: Area(parsing: "89.53"), owner: "王伟")])
    }

    @Test("every bad row kind is reported with its file row and column",
          arguments: [
            (["3-201", "2", "89.53"], RowProblem(row: 2, column: nil, kind: .wrongCellCount(expected: 4, found: 3))),
            (["", "2", "89.53", "王伟"], RowProblem(row: 2, column: "home", kind: .emptyHomeNumber)),
            (["3-201", "二", "89.53", "王伟"], RowProblem(row: 2, column: "floor", kind: .badFloor("二"))),
            (["3-201", "0", "89.53", "王伟"], RowProblem(row: 2, column: "floor", kind: .badFloor("0"))),
            (["3-201", "2.5", "89.53", "王伟"], RowProblem(row: 2, column: "floor", kind: .badFloor("2.5"))),
            (["3-201", "", "89.53", "王伟"], RowProblem(row: 2, column: "floor", kind: .badFloor(""))),
            (["3-201", "2", "89.531", "王伟"], RowProblem(row: 2, column: "area", kind: .badArea(.tooManyDecimals("89.531")))),
            (["3-201", "2", "1e3", "王伟"], RowProblem(row: 2, column: "area", kind: .badArea(.notANumber("1e3")))),
            (["3-201", "2", "", "王伟"], RowProblem(row: 2, column: "area", kind: .badArea(.empty))),
            (["3-201", "2", "89.53", " "], RowProblem(row: 2, column: "owner", kind: .emptyOwner)),
          ])
    func badRow(cells: [String], problem: RowProblem) {
        #expect(HomeRows.parse(header: Self.header, rows: [cells]) == .failure([problem]))
    }

    @Test func allProblemsAreReturnedWithTheirRowNumbers() {
        let result = HomeRows.parse(header: ["房号", "楼层", "面积", "业主"], rows: [
            ["3-101", "1", "90.00", "王伟"],
            ["3-201", "x", "-5", ""],
            [],
            ["3-101", "1", "90.00", "李娜"],
            ["3-301", "3"],
        ])
        #expect(result == .failure([
            RowProblem(row: 3, column: "楼层", kind: .badFloor("x")),
            RowProblem(row: 3, column: "面积", kind: .badArea(.negative("-5"))),
            RowProblem(row: 3, column: "业主", kind: .emptyOwner),
            RowProblem(row: 5, column: "房号", kind: .duplicateHome("3-101", firstRow: 2)),
            RowProblem(row: 6, column: nil, kind: .wrongCellCount(expected: 4, found: 2)),
        ]))
    }

    @Test func aMissingColumnIsReportedOnTheHeaderRow() {
        let result = HomeRows.parse(header: ["home", "floor", "owner"], rows: [["3-201", "2", "王伟"]])
        #expect(result == .failure([RowProblem(row: 1, column: "area", kind: .missingColumn(accepted: ["area", "面积"]))]))
        if case .failure(let problems) = result {
            #expect(problems.description == "row 1, column area: the header has no area or 面积 column")
        }
    }

    @Test func aColumnNamedTwiceIsReportedOnTheHeaderRow() {
        let result = HomeRows.parse(header: ["home", "房号", "floor", "area", "owner"], rows: [])
        #expect(result == .failure([RowProblem(row: 1, column: "房号", kind: .duplicateColumn)]))
    }

    @Test func aRowProblemReadsAsOneSentence() {
        let problem = RowProblem(row: 4, column: "面积", kind: .badArea(.tooManyDecimals("89.531")))
        #expect(problem.description
            == "row 4, column 面积: area '89.531' has more than two decimals; expected square metres with at most two decimals, such as 89.53")
        #expect(RowProblem(row: 5, column: "home", kind: .duplicateHome("3-101", firstRow: 2)).description
            == "row 5, column home: home 3-101 is already on row 2; list each home once")
    }

    @Test func parsedHomesMakeARegister() throws {
        let homes = try HomeRows.parse(header: Self.header, rows: [["1", "1", "80", "甲"], ["2", "1", "80", "乙"]]).get()
        #expect(HouseholdRegister(homes: homes).homes.count == 2)
    }
}
