import RetrofitCore

/// Something wrong with one cell (or row) of a ledger file: `FILE:ROW:COLUMN: message`.
public struct LedgerProblem: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let file: String
    /// The row as a spreadsheet numbers it: 1 is the header.
    public let row: Int
    /// The column, 1 for A.
    public let column: Int
    /// The sentence, naming no flag or command; ``detail`` follows it, and front ends put their words for
    /// ``hints`` between the two.
    public let message: String
    /// What follows the sentence (the columns needed), starting with its own punctuation; often empty.
    public let detail: String
    public let hints: [InputHint]

    public init(file: String, row: Int, column: Int, message: String, detail: String = "", hints: [InputHint] = []) {
        self.file = file
        self.row = row
        self.column = column
        self.message = message
        self.detail = detail
        self.hints = hints
    }

    /// Where the problem is: `FILE:ROW:COLUMN`.
    public var location: String { "\(file):\(row):\(column)" }

    public var description: String { "\(location): \(message)\(detail)" }

    public static func < (lhs: LedgerProblem, rhs: LedgerProblem) -> Bool {
        (lhs.row, lhs.column) < (rhs.row, rhs.column)
    }
}
