/// A problem found in a file, with where it is: printed as `FILE:LINE:COLUMN: message`.
public struct SourceProblem: Error, Hashable, Sendable, CustomStringConvertible, Comparable {
    public let file: String
    public let line: Int
    public let column: Int
    public let message: String

    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "\(file):\(line):\(column): \(message)" }

    public static func < (lhs: SourceProblem, rhs: SourceProblem) -> Bool {
        (lhs.file, lhs.line, lhs.column, lhs.message) < (rhs.file, rhs.line, rhs.column, rhs.message)
    }
}

/// Every problem found in one or more files; thrown when a file cannot be used.
public struct SourceProblems: Error, Sendable, CustomStringConvertible {
    public let problems: [SourceProblem]

    public init(_ problems: [SourceProblem]) { self.problems = problems.sorted() }

    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
