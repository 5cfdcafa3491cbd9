import ArgumentParser
import RetrofitApp
import RetrofitCore

/// `retrofit consult vote`: the ballot of one home, or of every home in a ballots file.
struct ConsultVoteGroup: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vote",
        abstract: "Record a home's ballot (agree, object or abstain), or import a ballots file.",
        discussion: """
            A later ballot for the same home replaces the earlier one; both stay in the log. An owner of \
            several homes casts one vote: a ballot that differs from the owner's other homes is refused; \
            give --owner instead of --home to cast (or change) the vote for all of an owner's homes at once.
            Example:
              retrofit consult vote ER-2025-0001 --home 3-201 --vote agree --at 2025-05-12
              retrofit consult vote ER-2025-0001 --owner 王伟 --vote object
              retrofit consult vote import ER-2025-0001 ballots.csv
            """,
        subcommands: [Cast.self, ConsultVoteImport.self],
        defaultSubcommand: Cast.self
    )

    struct Cast: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cast",
            abstract: "Record one home's ballot (the default: 'consult vote CASE …').",
            discussion: """
                Example:
                  retrofit consult vote ER-2025-0001 --home 3-201 --vote agree
                  retrofit consult vote cast ER-2025-0001 --home 3-101 --vote object --at 2025-05-12
                  retrofit consult vote ER-2025-0001 --owner 王伟 --vote agree
                """
        )
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The case id.") var caseID: String
        @Option(help: "The home number.") var home: String?
        @Option(help: "An owner: the ballot is cast for every home they own.") var owner: String?
        @Option(help: "agree, object or abstain (or 同意, 反对, 弃权, as in a ballots file).") var vote: BallotChoice
        @Option(help: "When the ballot was signed, YYYY-MM-DD[THH:MM].") var at: String?
        @OptionGroup var output: WriteOutput

        func validate() throws {
            if (home == nil) == (owner == nil) { throw ValidationError("give either --home or --owner") }
        }

        func run() async throws {
            let voter: CastBallotRequest.Voter = if let owner { .owner(owner) } else { .home(home ?? "") }
            let request = CastBallotRequest(caseID: caseID, voter: voter, vote: vote, at: try global.time(at, option: "--at"))
            let result = try await global.app().castBallot(request, by: global.actingPerson, created: NewDatabase.created)
            let size = RegisterText.size(result.write.register)
            if let owner = result.owner {
                let count = result.ballots
                try output.report(result.write, "\(caseID): \(owner) voted \(vote.rawValue) for \(count) home\(count == 1 ? "" : "s"); " + size,
                                  nothingChanged: "every home of \(owner) has already voted \(vote.rawValue)")
                return
            }
            let number = result.home ?? ""
            let replaced = result.replaced.map { " (replaces \($0.rawValue))" } ?? ""
            try output.report(result.write, "\(caseID): home \(number) voted \(vote.rawValue)\(replaced); " + size,
                              nothingChanged: "home \(number) has already voted \(vote.rawValue)")
        }
    }
}

/// `retrofit consult vote import`: every ballot of a CSV file in one transaction, or none.
struct ConsultVoteImport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Record every ballot of a CSV ballots file in one transaction, or none.",
        discussion: """
            Columns (any order, English or Chinese): home/房号, vote/投票/表决 (agree, object, abstain or \
            同意, 反对, 弃权) and optionally date/日期 (YYYY-MM-DD, the day the ballot was signed; it becomes \
            the ballot's date in the log, and a blank date means --at or now). Ballots are recorded in date \
            order; a ballot dated the day of the case's latest event is recorded at that event's time. \
            Every home must already be in the register, and each home may appear once. If any row is \
            wrong, nothing is recorded and every problem is printed as 'error: FILE:ROW: …' (exit 2).
            Example:
              retrofit consult vote import ER-2025-0001 ballots.csv
            """
    )
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The case id.") var caseID: String
    @Argument(help: "The CSV file.") var file: String
    @Option(help: "When undated ballots were signed, YYYY-MM-DD[THH:MM] (default now).") var at: String?
    @OptionGroup var output: WriteOutput

    func run() async throws {
        let (header, rows) = try ConsultFiles.table(file, example: "home,vote,date")
        let request = BallotImportRequest(caseID: caseID, file: file, header: header, rows: rows,
                                          undatedAt: try global.time(at, option: "--at"))
        let app = try global.app()
        let plan = try await app.planBallotImport(request, by: global.actingPerson, created: NewDatabase.created)
        ConsultFiles.printProblems(plan.problems)
        let result = try await app.importBallots(plan, by: global.actingPerson, created: NewDatabase.created)
        let count = result.recorded
        try output.report(result.write, "\(caseID): \(count) ballot\(count == 1 ? "" : "s") recorded from \(file)"
                          + (result.replacing > 0 ? " (\(result.replacing) replace earlier ballots)" : "") + "; "
                          + RegisterText.size(result.write.register),
                          nothingChanged: "every ballot of \(file) is already recorded")
    }
}
