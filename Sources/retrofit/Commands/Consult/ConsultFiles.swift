import Foundation
import RetrofitApp
import RetrofitCore
import RetrofitReports

/// Reading a register or ballots CSV file and reporting its bad rows.
enum ConsultFiles {
    /// The header and data rows of the CSV file at `path`.
    /// - Parameter example: a header to suggest when the file is empty.
    /// - Throws: ``CommandFailure/badInput(_:)`` naming the file: unreadable, not UTF-8, not
    ///   valid CSV, or empty.
    static func table(_ path: String, example: String) throws(CommandFailure) -> (header: [String], rows: [[String]]) {
        let records: [[String]]
        do {
            records = try CSVReader.read(path: path)
        } catch {
            throw .badInput(error.description)
        }
        guard let header = records.first, !header.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) else {
            throw .badInput("\(path): the file has no header row; expected a first line such as \(example)")
        }
        return (header, Array(records.dropFirst()))
    }

    /// Prints every problem as `error: FILE:ROW: column C: …`, one line each, and returns the
    /// failure that ends the command (exit 2) saying nothing was recorded.
    static func report(_ problems: RowProblems, file: String, nothing: String) -> CommandFailure {
        for problem in problems { printError(line(problem, file: file)) }
        let count = problems.count
        return .badInput("\(file): \(count) problem\(count == 1 ? "" : "s") found; \(nothing)")
    }

    /// `homes.csv:4: column 面积: area '89.531' has more than two decimals; …`.
    static func line(_ problem: RowProblem, file: String) -> String {
        let place = "row \(problem.row)" + (problem.column.map { ", column \($0)" } ?? "") + ": "
        let full = problem.description
        let explanation = full.hasPrefix(place) ? String(full.dropFirst(place.count)) : full
        return "\(file):\(problem.row): " + (problem.column.map { "column \($0): " } ?? "") + explanation
    }
}
