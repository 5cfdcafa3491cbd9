/// Something wrong with one cell (or row) of a ledger file: `FILE:ROW:COLUMN: message`.
public struct LedgerProblem: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let file: String
    /// The row as a spreadsheet numbers it: 1 is the header.
    public let row: Int
    /// The column, 1 for A.
    public let column: Int
    public let message: String

    public init(file: String, row: Int, column: Int, message: String) {
        self.file = file
        self.row = row
        self.column = column
        self.message = message
    }

    public var description: String { "\(file):\(row):\(column): \(message)" }

    public static func < (lhs: LedgerProblem, rhs: LedgerProblem) -> Bool {
        (lhs.row, lhs.column) < (rhs.row, rhs.column)
    }
}
