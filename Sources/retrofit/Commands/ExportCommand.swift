import ArgumentParser
import Foundation
import RetrofitApp
import RetrofitReports

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the cases as a ledger CSV file, in the columns 'import' reads.",
        discussion: """
            One row per case: id, workflow, the fields, stage, entered, entered:STAGE for earlier stages, \
            helper, priority, difficulty. UTF-8 with a byte-order mark and RFC 4180 quoting, so Excel \
            opens Chinese text correctly; a cell starting with = + - or @ gets a leading apostrophe so \
            no spreadsheet runs it as a formula (import takes it off again). Importing the file into \
            an empty database gives the same ids, stages, stage dates and fields. Withdrawn cases are \
            left out; suspended cases are written in their stage (the ledger has no status column). \
            The file is written whole or not at all.
            Example:
              retrofit export ledger.csv
              retrofit export renewals.csv --workflow elevator-renewal --force
              retrofit export - | head      (to standard output)
            """
    )
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The CSV file to write, or - for standard output.") var file: String
    @Option(help: "Only cases of this workflow.") var workflow: String?
    @Flag(help: "Replace the file if it exists.") var force = false

    func run() async throws {
        if file != "-", !force, FileManager.default.fileExists(atPath: file) {
            throw CommandFailure.badInput("\(file) already exists; choose a new name or give --force to replace it")
        }
        let export = try await global.app().exportLedger(LedgerExportRequest(workflowID: workflow), by: global.actingPerson)
        try write(Data(export.csv))
        report(export)
    }

    private func write(_ data: Data) throws(CommandFailure) {
        if file == "-" {
            FileHandle.standardOutput.write(data)
            return
        }
        do {
            try data.write(to: URL(fileURLWithPath: file), options: .atomic)
        } catch {
            throw CommandFailure.badInput("cannot write \(file): \(error.localizedDescription)")
        }
    }

    private func report(_ export: LedgerExport) {
        for (caseID, stage) in export.datesLeftOut {
            printWarning("case \(caseID): the date it entered '\(stage)' is left out: the case went back and forth, and the ledger keeps dates in the procedure's order")
        }
        var line = "exported \(export.exported) case\(export.exported == 1 ? "" : "s") to \(file == "-" ? "standard output" : file)"
        if export.withdrawnLeftOut > 0 { line += "; left out \(export.withdrawnLeftOut) withdrawn" }
        if file == "-" {
            FileHandle.standardError.write(Data((line + "\n").utf8))
        } else {
            print(line)
        }
    }
}
