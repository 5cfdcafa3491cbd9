import ArgumentParser
import Foundation
import RetrofitApp
import RetrofitReports

struct ReportCommissioned: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "commissioned",
        abstract: "Every elevator commissioned in a year, with its trail, evidence, audit findings and totals by district.",
        discussion: """
            Lists each case whose 'commissioned' milestone falls in the year: address, district, unit, homes, \
            helper, the days each stage was entered and left, working days and days suspended, the three elevator \
            identifiers, the owners' vote, the subsidy. Then findings: evidence the workflow requires by the case's \
            stage that is empty; an identifier also on another case; commissioning before the inspection date; \
            events recorded more than 30 days after they occurred. Ends with the audit head (sequence and hash); \
            for CSV the head goes to stderr as a note. CSV is UTF-8 with a byte-order mark, for Excel.
            Examples:
              retrofit report commissioned --year 2025
              retrofit report commissioned --year 2025 --out 2025-commissioned.csv
            """
    )
    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json, csv }

    @OptionGroup var global: GlobalOptions
    @Option(help: "The calendar year of commissioning.") var year: Int
    @Option(help: "table, json or csv (default: the --out file's extension, .csv or .json; else table).") var format: Format?
    @Option(help: "Write to this file instead of standard output (- for standard output).") var out: String?
    @Option(help: "Only this workflow (default: all).") var workflow: String?

    func run() async throws {
        let request = CommissionedReportRequest(year: try ReportRunning.year(year, option: "--year"), workflowID: workflow)
        let format = try resolvedFormat()
        let app = try global.app()
        var destination: ReportDestination?
        // Each writer writes as the cases are read, so the report is never whole in memory.
        func write<Writer: CommissionedWriter>(_ makeWriter: (BlockWriter) -> Writer, lineEnd: String) async throws -> CommissionedClosing {
            var (writer, closing) = try await app.commissionedReport(request, by: global.actingPerson) { () throws(CommandFailure) in
                let opened = try ReportDestination(path: out)
                destination = opened
                return makeWriter(BlockWriter(to: opened.write))
            }
            writer.out.write(lineEnd)
            try writer.out.close()
            return closing
        }
        let closing = switch format {
        case .table: try await write(CommissionedTableWriter.init(to:), lineEnd: "\n")
        case .json: try await write(CommissionedJSONWriter.init(to:), lineEnd: "\n")
        case .csv: try await write(CommissionedCSVWriter.init(to:), lineEnd: "")
        }
        try destination?.commit()
        if format == .csv {
            FileHandle.standardError.write(Data("note: audit head \(closing.heading.auditHead)\n".utf8))
            FileHandle.standardError.write(Data("note: \(AuditCheckpointStanding.line(closing.heading.auditCheckpoint))\n".utf8))
        }
        let count = closing.elevators
        if let out, out != "-" { print("wrote \(count) elevator\(count == 1 ? "" : "s") to \(out)") }
    }

    /// `--format`, else the format `--out`'s extension names, else a table; a `--format` the extension contradicts is refused.
    func resolvedFormat() throws(CommandFailure) -> Format {
        let implied = ReportFileFormat.implied(by: out)
        if implied == .html {
            throw CommandFailure.badInput("--out \(out ?? "-") names an HTML file, but the commissioned report is a table, JSON or CSV; 'retrofit report html' writes the HTML page")
        }
        if let format {
            if let implied, implied.rawValue != format.rawValue {
                throw CommandFailure.badInput("--format \(format.rawValue) conflicts with --out \(out ?? "-"), a .\(implied.rawValue) file; give --format \(implied.rawValue), or another file name")
            }
            return format
        }
        return switch implied {
        case .csv: .csv
        case .json: .json
        case .html, nil: .table
        }
    }
}
