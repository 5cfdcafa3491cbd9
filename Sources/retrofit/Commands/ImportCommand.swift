import ArgumentParser
import Foundation
import RetrofitApp

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Bring in cases already under way from the bureau's ledger (a CSV file).",
        discussion: """
            One row per case; the first row names the columns:
              id            the case id (letters, digits, '-', '_', '.')
              workflow      the workflow id (may be left out with --workflow)
              stage         the stage the case is in now
              entered       the day it entered that stage, YYYY-MM-DD
              entered:STAGE the day it entered an earlier stage (optional, e.g. entered:intake)
              helper, priority (urgent|normal), difficulty (easy|normal|hard)   optional
              any other column: a field of the workflow, by name (address, district, homes, …)
            Every row is checked first (stage, field types, fields the stage needs, dates in order and \
            not in the future, duplicate or bad ids); any problem is printed as FILE:ROW:COLUMN and \
            nothing is imported (exit 2). Each new case gets one 'imported' event naming the file, its \
            SHA-256 and the row. Rows are written in batches, each batch all or nothing; cases already \
            in the database are skipped, never duplicated, so an interrupted import is finished by \
            running it again. UTF-8 with or without a byte-order mark; RFC 4180 quoting.
            Example:
              retrofit import ledger-2025.csv --workflow elevator-retrofit --dry-run
              retrofit import ledger-2025.csv --workflow elevator-retrofit
            """
    )
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The CSV file.") var file: String
    @Option(help: "The workflow of rows that name none (and the only one allowed).") var workflow: String?
    @Flag(help: "Check every row and report; import nothing.") var dryRun = false
    @Option(help: "Rows per transaction.") var batch: Int = 500

    func validate() throws {
        if batch < 1 { throw ValidationError("--batch must be at least 1") }
    }

    func run() async throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw CommandFailure.badInput("cannot read file '\(file)'; check the path")
        }
        let app = try global.app()
        let plan = try await app.planLedgerImport(LedgerImportRequest(data: data, file: file, defaultWorkflow: workflow), by: global.actingPerson)
        for problem in plan.problems { printError(HintText.text(problem)) }
        if !plan.problems.isEmpty {
            let count = plan.problems.count
            throw CommandFailure.badInput("\(count) problem\(count == 1 ? "" : "s") in \(file); nothing was imported")
        }
        if dryRun {
            let present = try await app.casesAlreadyImported(plan, by: global.actingPerson)
            print("ok: \(plan.rowCount) rows in \(file) checked; \(plan.cases.count - present) new cases would be imported, \(present) already in the database; nothing was imported (--dry-run)")
        } else {
            try await importCases(plan, app: app)
        }
    }

    private func importCases(_ plan: LedgerImportPlan, app: RetrofitApp) async throws {
        var progress = ImportProgress()
        let summary = try await app.importLedger(plan, by: global.actingPerson, batchSize: batch, created: NewDatabase.created) {
            progress.show($0)
        }
        for clash in summary.clashes {
            printWarning("\(file):\(clash.row): case \(clash.caseID) already exists, \(clash.existing); row skipped")
        }
        var line = "imported \(summary.imported) case\(summary.imported == 1 ? "" : "s") from \(file)"
        if summary.alreadyImported > 0 { line += "; skipped \(summary.alreadyImported) already imported" }
        if !summary.clashes.isEmpty { line += "; skipped \(summary.clashes.count) whose id is taken (see warnings)" }
        print(line)
    }
}
