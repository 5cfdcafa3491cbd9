import RetrofitCore

/// One thing wrong with one row of a register or ballots file, placed for the person who fixes it:
/// `homes.csv:4: column 面积: area '89.531' has more than two decimals; …`.
public struct ImportProblem: Encodable, Sendable, Hashable, CustomStringConvertible {
    /// How the file is named in messages (the path as given).
    public let file: String
    /// The 1-based row as a spreadsheet shows it: the header is row 1.
    public let row: Int
    /// The column as the header writes it; nil when the problem is the whole row.
    public let column: String?
    public let explanation: String

    public init(file: String, row: Int, column: String?, explanation: String) {
        self.file = file
        self.row = row
        self.column = column
        self.explanation = explanation
    }

    init(_ problem: RowProblem, file: String) {
        let place = "row \(problem.row)" + (problem.column.map { ", column \($0)" } ?? "") + ": "
        let full = problem.description
        self.init(file: file, row: problem.row, column: problem.column,
                  explanation: full.hasPrefix(place) ? String(full.dropFirst(place.count)) : full)
    }

    public var description: String {
        "\(file):\(row): " + (column.map { "column \($0): " } ?? "") + explanation
    }

    /// The failure of a file with `problems`: `ballots.csv: 2 problems found; no ballot was recorded`.
    static func failure(_ problems: [ImportProblem], file: String, nothing: String) -> AppError {
        let count = problems.count
        return .badInput("\(file): \(count) problem\(count == 1 ? "" : "s") found; \(nothing)")
    }
}
