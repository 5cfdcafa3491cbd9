import ArgumentParser
import RetrofitApp
import RetrofitCore
import RetrofitStore

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
        try await runReporting {
            let (header, rows) = try ConsultFiles.table(file, example: "home,floor,area,owner")
            let homes: [Home]
            switch HomeRows.parse(header: header, rows: rows) {
            case .success(let parsed): homes = parsed
            case .failure(let problems): throw ConsultFiles.report(problems, file: file, nothing: "no home was recorded")
            }
            guard !homes.isEmpty else {
                throw CommandFailure.badInput("\(file): the file has a header but no homes; no home was recorded")
            }
            let service = try global.service()
            let (before, _) = try await service.load(caseID)
            let outcome = try await service.executeAll(homes.map { CaseCommand.recordHome($0) }, caseID: caseID,
                                                 at: try global.time(at, option: "--at"), expectVersion: before.version)
            let corrected = homes.filter { before.register.home($0.number) != nil }.count
            try output.report(outcome, "\(caseID): \(homes.count) home\(homes.count == 1 ? "" : "s") recorded from \(file) "
                              + "(\(homes.count - corrected) new, \(corrected) corrected); " + RegisterText.size(outcome.state.register),
                              nothingChanged: "every home of \(file) is already recorded so")
        }
    }
}
