import ArgumentParser
import Foundation
import RetrofitCore
import RetrofitStore

/// Why a command failed, and the exit code that says so to scripts.
enum CommandFailure: Error, CustomStringConvertible {
    /// A check found problems it has already printed (validate, verify, check).
    case findings(String?)
    case badInput(String)
    case refused(String)
    case conflict(String)
    case database(String)

    static func store(_ error: StoreError) -> CommandFailure {
        let message = HintText.text(error)
        return switch error {
        case .conflict: .conflict(message)
        case .unknownCase: .badInput(message)
        case .workflowChanged: .refused(message)
        default: .database(message)
        }
    }

    static func service(_ error: ServiceError) -> CommandFailure {
        switch error {
        case .rejected(let rejection): rejection.kind == .invalidInput ? .badInput(HintText.text(rejection)) : .refused(HintText.text(rejection))
        case .store(let error): .store(error)
        case .workflow(let error): .badInput(HintText.text(error))
        case .calendar(let error): .refused(error.description)
        }
    }

    var exitCode: Int32 {
        switch self {
        case .findings: 1
        case .badInput: 2
        case .refused: 3
        case .conflict: 4
        case .database: 5
        }
    }

    var description: String {
        switch self {
        case .findings(let message): message ?? "problems found"
        case .badInput(let message), .refused(let message), .conflict(let message), .database(let message): message
        }
    }
}

/// Runs a command body, printing any failure as one `error:` line on stderr with its exit code.
func runReporting(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch {
        NewDatabase.discardIfEmpty()
        try reportFailure(error)
    }
}

private func reportFailure(_ error: any Error) throws {
    do {
        throw error
    } catch let failure as CommandFailure {
        if case .findings(nil) = failure {} else { printError(failure.description) }
        throw ExitCode(failure.exitCode)
    } catch let error as ServiceError {
        let failure = CommandFailure.service(error)
        printError(failure.description)
        throw ExitCode(failure.exitCode)
    } catch let error as StoreError {
        let failure = CommandFailure.store(error)
        printError(failure.description)
        throw ExitCode(failure.exitCode)
    } catch let rejection as Rejection {
        let failure = CommandFailure.service(.rejected(rejection))
        printError(failure.description)
        throw ExitCode(failure.exitCode)
    }
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
