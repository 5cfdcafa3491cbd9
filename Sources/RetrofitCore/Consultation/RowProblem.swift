/// One thing wrong with one row of a register or ballots file, located for the person who
/// has to fix it.
public struct RowProblem: Error, Hashable, Sendable, CustomStringConvertible {
    /// The 1-based row in the file: the header is row 1, the first data row is row 2.
    public let row: Int
    /// The column as the header writes it (`面积` or `area`); for a column missing from the
    /// header, its English name. Nil when the problem is the whole row (its cell count).
    public let column: String?
    /// What is wrong.
    public let kind: Kind

    public init(row: Int, column: String?, kind: Kind) {
        self.row = row
        self.column = column
        self.kind = kind
    }

    /// The kinds of bad row.
    public enum Kind: Hashable, Sendable {
        /// The header has no column of this name in English or Chinese.
        case missingColumn(accepted: [String])
        /// The header names this column twice (say `home` and `房号`).
        case duplicateColumn
        /// The row has a different number of cells than the header.
        case wrongCellCount(expected: Int, found: Int)
        case emptyHomeNumber
        case badFloor(String)
        case badArea(AreaProblem)
        case emptyOwner
        /// The home already appeared on `firstRow` of the same file.
        case duplicateHome(String, firstRow: Int)
        case badVote(String)
        case badDate(String)
        /// The home is not in the register the ballots are cast into.
        case unknownHome(String)
        /// The row's values are each fine but do not make a home together.
        case badHome(HomeProblem)
    }

    /// `row 4, column 面积: area '89.531' has more than two decimals; expected …`.
    public var description: String {
        let place = "row \(row)" + (column.map { ", column \($0)" } ?? "")
        return place + ": " + explanation
    }

    private var explanation: String {
        switch kind {
        case .missingColumn(let accepted):
            "the header has no \(accepted.joined(separator: " or ")) column"
        case .duplicateColumn:
            "the header has this column twice; keep one"
        case .wrongCellCount(let expected, let found):
            "the row has \(found) cell\(found == 1 ? "" : "s"); expected \(expected), one per header column"
        case .emptyHomeNumber:
            "the home number is empty; expected a number such as 3-201"
        case .badFloor(let text):
            "floor '\(text)' is not a floor; expected a whole number from -5 to 200 other than 0"
        case .badArea(let problem):
            problem.description
        case .emptyOwner:
            "the owner is empty; expected the owner's name"
        case .duplicateHome(let home, let firstRow):
            "home \(home) is already on row \(firstRow); list each home once"
        case .badVote(let text):
            "vote '\(text)' is not a ballot; expected agree, object or abstain (同意, 反对, 弃权)"
        case .badDate(let text):
            "date '\(text)' is not a date; expected YYYY-MM-DD such as 2025-04-22"
        case .unknownHome(let home):
            "there is no home \(home) in the register; record the home before casting its ballot"
        case .badHome(let problem):
            problem.description
        }
    }
}

/// The columns of a file and where the header put them: shared by ``HomeRows`` and
/// ``BallotRows``.
struct RowTable {
    /// A column: its English name first, then the other names it may have.
    struct Column {
        let names: [String]
        let required: Bool
        var name: String { names.first ?? "" }
    }

    /// Column name (English) to its index and its header text.
    private(set) var positions: [String: (index: Int, header: String)] = [:]
    let width: Int

    /// Locates `columns` in `header`, or returns the header's problems (all on row 1).
    static func locate(_ columns: [Column], in header: [String]) -> Result<RowTable, RowProblems> {
        var table = RowTable(width: header.count)
        var problems: [RowProblem] = []
        let cleaned = header.map { PlainText.trimmed($0.filter { $0 != "\u{FEFF}" }).lowercased() }
        for column in columns {
            let matches = cleaned.indices.filter { column.names.contains(cleaned[$0]) }
            if let first = matches.first {
                table.positions[column.name] = (first, PlainText.trimmed(header[first]))
                if matches.count > 1 {
                    problems.append(RowProblem(row: 1, column: PlainText.trimmed(header[matches[1]]), kind: .duplicateColumn))
                }
            } else if column.required {
                problems.append(RowProblem(row: 1, column: column.name, kind: .missingColumn(accepted: column.names)))
            }
        }
        return problems.isEmpty ? .success(table) : .failure(RowProblems(problems))
    }

    /// Calls `body` with each data row's file row number and cells, in file order, leaving
    /// out blank rows (every cell empty, as a spreadsheet's trailing lines are). A row of the
    /// wrong width becomes a problem in its place instead, so problems stay in row order.
    func forEachRow(_ rows: [[String]], problems: inout [RowProblem],
                    _ body: (_ number: Int, _ cells: [String], _ problems: inout [RowProblem]) -> Void) {
        for (offset, cells) in rows.enumerated() {
            let number = offset + 2
            guard !cells.allSatisfy({ PlainText.trimmed($0).isEmpty }) else { continue }
            guard cells.count == width else {
                problems.append(RowProblem(row: number, column: nil, kind: .wrongCellCount(expected: width, found: cells.count)))
                continue
            }
            body(number, cells, &problems)
        }
    }

    /// The trimmed cell of `column` in `cells`, or nil when the header lacks the column.
    func cell(_ column: Column, in cells: [String]) -> String? {
        positions[column.name].map { PlainText.trimmed(cells[$0.index]) }
    }

    /// The column's name as the header writes it.
    func header(_ column: Column) -> String {
        positions[column.name]?.header ?? column.name
    }
}

/// Every problem found in one file, in row order: the failure of ``HomeRows`` and
/// ``BallotRows``.
///
/// `Result` needs an `Error` for its failure, which `[RowProblem]` is not; this is that
/// array as an error. It is a collection, so it is counted, indexed and iterated like one,
/// and an array literal makes one.
public struct RowProblems: Error, Hashable, Sendable, RandomAccessCollection, ExpressibleByArrayLiteral, CustomStringConvertible {
    /// The problems, in the order found (row by row, left to right).
    public let problems: [RowProblem]

    public init(_ problems: [RowProblem]) {
        self.problems = problems
    }

    public init(arrayLiteral problems: RowProblem...) {
        self.problems = problems
    }

    public var startIndex: Int { problems.startIndex }
    public var endIndex: Int { problems.endIndex }
    public subscript(position: Int) -> RowProblem { problems[position] }

    /// One problem per line.
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
