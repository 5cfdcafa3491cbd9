import Foundation
import RetrofitApp
import RetrofitCore
import RetrofitReports

/// Reading a register or ballots CSV file, and printing the problems the application found in it.
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

    /// Prints every problem as `error: FILE:ROW: column C: …`, one line each; the import that follows fails with
    /// the count.
    static func printProblems(_ problems: [ImportProblem]) {
        for problem in problems { printError(problem.description) }
    }
}
