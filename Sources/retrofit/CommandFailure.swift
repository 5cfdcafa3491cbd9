import ArgumentParser
import Foundation
import RetrofitApp
import RetrofitCore
import RetrofitStore

/// A command's failure is the application's: one error type, by category, for every front end.
typealias CommandFailure = AppError

extension AppError {
    /// The exit code that says the category to scripts (documented in the README).
    var exitCode: Int32 {
        switch category {
        case .findings: 1
        case .badInput, .notFound: 2
        case .forbidden, .refused: 3
        case .conflict: 4
        case .unavailable: 5
        }
    }

    static func database(_ message: String) -> AppError { .unavailable(message) }
    static func store(_ error: StoreError) -> AppError { AppError(error) }
}

/// Prints a failure as one `error:` line on stderr (a check's findings are already printed) and exits with
/// its category's code; a database this process created for a refused first command is removed first.
/// The one place where errors become exit codes.
func exit(reporting error: any Error) -> Never {
    if error is ExitCode || error is CleanExit || !(error is AppError || error is Rejection || error is StoreError
        || error is WorkflowLookupError || error is CalendarError) {
        NewDatabase.discardIfEmpty()
        Retrofit.exit(withError: error)
    }
    NewDatabase.discardIfEmpty()
    let failure = AppError(any: error)
    if !failure.message.isEmpty { printError(HintText.text(failure.message, hints: failure.hints, detail: failure.detail)) }
    Foundation.exit(failure.exitCode)
}

/// Runs a command body. Kept while commands move to the application layer: failures are reported by
/// ``exit(reporting:)`` in `Retrofit.main()`.
func runReporting(_ body: () throws -> Void) rethrows { try body() }
func runReporting(_ body: () async throws -> Void) async rethrows { try await body() }

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
