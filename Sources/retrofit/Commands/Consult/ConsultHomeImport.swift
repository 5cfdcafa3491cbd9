import ArgumentParser
import RetrofitApp

/// `retrofit consult home import`: a whole register from a CSV file, all or nothing.
struct ConsultHomeImport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Record every home of a CSV register file in one transaction, or none.",
        discussion: """
            The file is UTF-8 CSV (Excel: "CSV UTF-8") with a header row naming the columns, in any order \
            and in English or Chinese: home/房号, floor/楼层, area/面积, owner/业主. Other columns are ignored, \
            blank rows are skipped. A home already in the register is corrected.

            If any row is wrong, nothing is recorded and every problem is printed, one line each, and the \
            command exits 2. Rows are numbered as a spreadsheet shows them: the header is row 1.
              error: homes.csv:4: column area: area '89.531' has more than two decimals; …
            Example:
              retrofit consult home import ER-2025-0001 homes.csv
            """
    )
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The case id.") var caseID: String
    @Argument(help: "The CSV file.") var file: String
    @Option(help: "When the homes were recorded, YYYY-MM-DD[THH:MM].") var at: String?
    @OptionGroup var output: WriteOutput

    func run() async throws {
        let (header, rows) = try ConsultFiles.table(file, example: "home,floor,area,owner")
        let request = HomeImportRequest(caseID: caseID, file: file, header: header, rows: rows, at: try global.time(at, option: "--at"))
        let app = try global.app()
        let plan = app.planHomeImport(request)
        ConsultFiles.printProblems(plan.problems)
        let result = try await app.importHomes(plan, by: global.actingPerson, created: NewDatabase.created)
        let count = result.recorded
        try output.report(result.write, "\(caseID): \(count) home\(count == 1 ? "" : "s") recorded from \(file) "
                          + "(\(count - result.corrected) new, \(result.corrected) corrected); " + RegisterText.size(result.write.register),
                          nothingChanged: "every home of \(file) is already recorded so")
    }
}
