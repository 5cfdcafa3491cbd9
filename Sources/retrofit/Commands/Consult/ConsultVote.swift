import ArgumentParser
import RetrofitApp
import RetrofitCore
import RetrofitStore

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
            try await runReporting {
                if let owner {
                    let service = try global.service()
                    let (before, _) = try await service.load(caseID)
                    let outcome = try await service.execute(.castOwnerBallot(owner: owner, vote: vote), caseID: caseID,
                                                      at: try global.time(at, option: "--at"), expectVersion: before.version)
                    let count = outcome.events.count
                    try output.report(outcome, "\(caseID): \(owner.trimmingWhitespaceForCLI()) voted \(vote.rawValue) for \(count) home\(count == 1 ? "" : "s"); "
                                      + RegisterText.size(outcome.state.register),
                                      nothingChanged: NoChangeText.reason(.castOwnerBallot(owner: owner, vote: vote), state: outcome.state))
                    return
                }
                let number = (home ?? "").trimmingWhitespaceForCLI()
                let service = try global.service()
                let (before, _) = try await service.load(caseID)
                let outcome = try await service.execute(.castBallot(home: number, vote: vote), caseID: caseID,
                                                  at: try global.time(at, option: "--at"), expectVersion: before.version)
                let replaced = before.register.ballot(number).map { " (replaces \($0.rawValue))" } ?? ""
                try output.report(outcome, "\(caseID): home \(number) voted \(vote.rawValue)\(replaced); " + RegisterText.size(outcome.state.register),
                                  nothingChanged: NoChangeText.reason(.castBallot(home: number, vote: vote), state: outcome.state))
            }
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
        try await runReporting {
            let (header, rows) = try ConsultFiles.table(file, example: "home,vote,date")
            let ballots: [BallotRow]
            switch BallotRows.parse(header: header, rows: rows) {
            case .success(let parsed): ballots = parsed
            case .failure(let problems): throw ConsultFiles.report(problems, file: file, nothing: "no ballot was recorded")
            }
            guard !ballots.isEmpty else {
                throw CommandFailure.badInput("\(file): the file has a header but no ballots; no ballot was recorded")
            }
            let service = try global.service()
            let (before, _) = try await service.load(caseID)
            var register = before.register
            let unknown = register.cast(ballots)
            if !unknown.isEmpty {
                throw ConsultFiles.report(RowProblems(unknown), file: file, nothing: "no ballot was recorded")
            }
            let dateProblems = Self.dateProblems(ballots, header: header, file: file, now: service.now, after: before.lastOccurredAt)
            if !dateProblems.isEmpty {
                for line in dateProblems { printError(line) }
                let count = dateProblems.count
                throw CommandFailure.badInput("\(file): \(count) problem\(count == 1 ? "" : "s") found; no ballot was recorded")
            }
            let undated = try global.time(at, option: "--at") ?? service.now
            let steps = Self.steps(ballots, file: file, undated: undated, after: before.lastOccurredAt)
            let outcome = try await service.executeAll(steps, caseID: caseID, expectVersion: before.version)
            let replaced = ballots.filter { before.register.ballot($0.home) != nil }.count
            try output.report(outcome, "\(caseID): \(ballots.count) ballot\(ballots.count == 1 ? "" : "s") recorded from \(file)"
                              + (replaced > 0 ? " (\(replaced) replace earlier ballots)" : "") + "; " + RegisterText.size(outcome.state.register),
                              nothingChanged: "every ballot of \(file) is already recorded")
        }
    }

    /// A line for each ballot dated in the future or before the case's latest event (at
    /// `after`), which the engine would refuse: found here so that all are printed at once.
    static func dateProblems(_ ballots: [BallotRow], header: [String], file: String, now: Timestamp, after: Timestamp) -> [String] {
        let column = header.first { ["date", "日期"].contains($0.trimmingWhitespaceForCLI().lowercased()) }?
            .trimmingWhitespaceForCLI() ?? "date"
        return ballots.compactMap { ballot in
            guard let date = ballot.date else { return nil }
            let place = "\(file):\(ballot.row): column \(column): "
            if date > now.date {
                return place + "date \(date) is in the future (today is \(now.date)); ballots cannot be recorded ahead of time"
            }
            if date < after.date {
                return place + "date \(date) is before the case's latest event on \(after.date); events are recorded in order, "
                    + "so record the register (--at) before the first ballot's date"
            }
            return nil
        }
    }

    /// One step per ballot, in date order (file order among equal dates), labelled with its row.
    /// A ballot dated the day of the case's latest event (at `after`) is recorded at that
    /// time, since a date alone means 00:00, which would come before it.
    static func steps(_ ballots: [BallotRow], file: String, undated: Timestamp, after: Timestamp) -> [CaseService.Step] {
        let timed = ballots.map { ballot -> (ballot: BallotRow, at: Timestamp) in
            guard let date = ballot.date else { return (ballot, undated) }
            let start = Timestamp(startOf: date)
            return (ballot, date == after.date ? max(start, after) : start)
        }
        let ordered = timed.enumerated().sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }
        return ordered.map { item in
            CaseService.Step(.castBallot(home: item.element.ballot.home, vote: item.element.ballot.choice),
                             at: item.element.at, label: "\(file):\(item.element.ballot.row)")
        }
    }
}
