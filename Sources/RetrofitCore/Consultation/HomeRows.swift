/// Reads the homes of a register file whose rows have already been split into cells.
///
/// Columns (in any order, extra columns ignored; English or Chinese, any case):
/// `home`/`房号`, `floor`/`楼层`, `area`/`面积`, `owner`/`业主`.
public enum HomeRows {
    static let home = RowTable.Column(names: ["home", "房号"], required: true)
    static let floor = RowTable.Column(names: ["floor", "楼层"], required: true)
    static let area = RowTable.Column(names: ["area", "面积"], required: true)
    static let owner = RowTable.Column(names: ["owner", "业主"], required: true)

    /// Checks every row and returns the homes in file order, or every problem found.
    ///
    /// Rows are numbered as in the file: the header is row 1 and `rows[0]` is row 2. Rows
    /// whose cells are all empty are skipped, not problems. A header problem (a missing or
    /// doubled column) is returned alone, since the rows cannot be read without it.
    /// - Returns: the homes, or the problems: wrong cell count, empty home number, bad
    ///   floor, bad area, empty owner, and a home listed twice (reported on its second row).
    public static func parse(header: [String], rows: [[String]]) -> Result<[Home], RowProblems> {
        let table: RowTable
        switch RowTable.locate([home, floor, area, owner], in: header) {
        case .success(let located): table = located
        case .failure(let problems): return .failure(problems)
        }
        var problems: [RowProblem] = []
        var homes: [Home] = []
        var firstRows: [String: Int] = [:]
        table.forEachRow(rows, problems: &problems) { number, cells, problems in
            var rowProblems: [RowProblem] = []
            func problem(_ column: RowTable.Column, _ kind: RowProblem.Kind) {
                rowProblems.append(RowProblem(row: number, column: table.header(column), kind: kind))
            }
            let homeNumber = table.cell(home, in: cells) ?? ""
            if homeNumber.isEmpty {
                problem(home, .emptyHomeNumber)
            } else if let firstRow = firstRows[homeNumber] {
                problem(home, .duplicateHome(homeNumber, firstRow: firstRow))
            } else {
                firstRows[homeNumber] = number
            }
            let floorText = table.cell(floor, in: cells) ?? ""
            let floorValue = parseFloor(floorText)
            if floorValue == nil { problem(floor, .badFloor(floorText)) }
            var areaValue: Area?
            do throws(AreaProblem) {
                areaValue = try Area(parsing: table.cell(area, in: cells) ?? "")
            } catch {
                problem(area, .badArea(error))
            }
            let ownerName = table.cell(owner, in: cells) ?? ""
            if ownerName.isEmpty { problem(owner, .emptyOwner) }

            guard rowProblems.isEmpty, let floorValue, let areaValue else {
                problems += rowProblems
                return
            }
            do throws(HomeProblem) {
                homes.append(try Home(number: homeNumber, floor: floorValue, area: areaValue, owner: ownerName))
            } catch {
                // Only reachable if Home gains a rule the checks above do not repeat; it still
                // surfaces as a row problem rather than being lost.
                problems.append(RowProblem(row: number, column: nil, kind: .badHome(error)))
            }
        }
        return problems.isEmpty ? .success(homes) : .failure(RowProblems(problems))
    }

    /// A whole number from -5 to 200 other than 0, with an optional sign; nil otherwise.
    static func parseFloor(_ text: String) -> Int? {
        let digits = text.hasPrefix("-") || text.hasPrefix("+") ? text.dropFirst() : Substring(text)
        guard !digits.isEmpty, digits.count <= 3, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
              let value = Int(text), value != 0, Home.floors.contains(value) else { return nil }
        return value
    }
}
