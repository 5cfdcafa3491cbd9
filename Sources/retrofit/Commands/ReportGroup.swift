import ArgumentParser
import Foundation
import RetrofitApp
import RetrofitCore
import RetrofitReports

struct ReportGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Reports for managers and auditors: bottlenecks, progress to target, commissioned elevators, an HTML page.",
        discussion: """
            Every report reads the database as it is now (the clock: --now or RETROFIT_NOW) and counts \
            durations in working days of the workflow's calendar, suspended days not counted.
            Examples:
              retrofit report bottlenecks --by district
              retrofit report progress --year 2025
              retrofit report commissioned --year 2025 --format csv --out 2025-commissioned.csv
              retrofit report html --year 2025 --out report.html
            """,
        subcommands: [ReportBottlenecks.self, ReportProgress.self, ReportCommissioned.self, ReportHTML.self]
    )
}

extension BottleneckGrouping: ExpressibleByArgument {}

/// What the report commands share: the year option, output files.
enum ReportRunning {
    /// A year option checked to be a calendar year written in full (`25` is not 2025, and no report covers year 25).
    static func year(_ value: Int, option: String) throws(CommandFailure) -> Int {
        guard (1000...9999).contains(value) else { throw .badInput("\(option) \(value) is not a year; expected four digits, e.g. 2025") }
        return value
    }

    /// Writes `text` to `path`, or to standard output when `path` is nil (exactly, without an added line end).
    static func emit(_ text: String, to path: String?) throws(CommandFailure) {
        guard let path, path != "-" else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
            throw .badInput("cannot write \(path); check the folder exists and is writable")
        }
    }
}
