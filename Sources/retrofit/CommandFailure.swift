import ArgumentParser
import Foundation
import RetrofitApp
import RetrofitCore

/// A command's failure is the application's: one error type, by category, for every front end.
typealias CommandFailure = AppError

extension AppError {
    /// The exit code that says the category to scripts (documented in the README).
    var exitCode: Int32 {
        switch category {
        case .findings: 1
        case .badInput, .notFound: 2
        case .forbidden, .refused, .unauthenticated, .throttled: 3
        case .conflict: 4
        case .unavailable: 5
        }
    }

    static func database(_ message: String) -> AppError { .unavailable(message) }
}

/// Prints a failure as one `error:` line on stderr (a check's findings are already printed) and exits with
/// its category's code; a database this process created for a refused first command is removed first.
/// The one place where errors become exit codes; ArgumentParser reports its own (usage, help, version).
func exit(reporting error: any Error) -> Never {
    NewDatabase.discardIfEmpty()
    guard let failure = AppError(known: error) else { Retrofit.exit(withError: error) }
    if !failure.message.isEmpty { printError(HintText.text(failure)) }
    Foundation.exit(failure.exitCode)
}

func printError(_ message: String) {
    // One line per failure: multi-line details (workflow problems) keep their own lines.
    FileHandle.standardError.write(Data("error: \(message)\n".utf8))
}

func printNote(_ message: String) {
    FileHandle.standardError.write(Data("note: \(message)\n".utf8))
}

/// A line on stderr beside machine-readable output on stdout.
func printNotice(_ message: String) {
    FileHandle.standardError.write(Data("\(message)\n".utf8))
}

func printWarning(_ message: String) {
    FileHandle.standardError.write(Data("warning: \(message)\n".utf8))
}
