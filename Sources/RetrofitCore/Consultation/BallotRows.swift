/// One ballot read from a ballots file.
public struct BallotRow: Hashable, Sendable {
    /// The 1-based file row it came from (the header is row 1).
    public let row: Int
    /// The home number, trimmed.
    public let home: String
    public let choice: BallotChoice
    /// The date the ballot was signed, when the file has a date column and the cell is filled.
    public let date: CivilDate?

    public init(row: Int, home: String, choice: BallotChoice, date: CivilDate?) {
        self.row = row
        self.home = home
        self.choice = choice
        self.date = date
    }
}

/// Reads the ballots of a ballots file whose rows have already been split into cells.
///
/// Columns (in any order, extra columns ignored; English or Chinese, any case):
/// `home`/`房号`, `vote`/`投票`/`表决`, and optionally `date`/`日期` (YYYY-MM-DD, may be empty).
/// Votes are `agree`, `object`, `abstain` or `同意`, `反对`, `弃权`.
public enum BallotRows {
    static let home = RowTable.Column(names: ["home", "房号"], required: true)
    static let vote = RowTable.Column(names: ["vote", "投票", "表决"], required: true)
    static let date = RowTable.Column(names: ["date", "日期"], required: false)

    /// Checks every row and returns the ballots in file order, or every problem found.
    ///
    /// Rows are numbered as in the file: the header is row 1 and `rows[0]` is row 2. Rows
    /// whose cells are all empty are skipped. A home listed twice is a problem (reported on
    /// its second row): a file holds one ballot per home; replace a ballot by casting again.
    /// Whether each home is in the register is checked when casting,
    /// `HouseholdRegister.cast(_ ballots: [BallotRow])`.
    public static func parse(header: [String], rows: [[String]]) -> Result<[BallotRow], RowProblems> {
        let table: RowTable
        switch RowTable.locate([home, vote, date], in: header) {
        case .success(let located): table = located
        case .failure(let problems): return .failure(problems)
        }
        var problems: [RowProblem] = []
        var ballots: [BallotRow] = []
        var firstRows: [String: Int] = [:]
        table.forEachRow(rows, problems: &problems) { number, cells, problems in
            let count = problems.count
            func problem(_ column: RowTable.Column, _ kind: RowProblem.Kind) {
                problems.append(RowProblem(row: number, column: table.header(column), kind: kind))
            }
            let homeNumber = table.cell(home, in: cells) ?? ""
            if homeNumber.isEmpty {
                problem(home, .emptyHomeNumber)
            } else if let firstRow = firstRows[homeNumber] {
                problem(home, .duplicateHome(homeNumber, firstRow: firstRow))
            } else {
                firstRows[homeNumber] = number
            }
            let voteText = table.cell(vote, in: cells) ?? ""
            let choice = BallotChoice(parsing: voteText)
            if choice == nil { problem(vote, .badVote(voteText)) }
            let dateText = table.cell(date, in: cells) ?? ""
            let signed = dateText.isEmpty ? nil : CivilDate(iso: dateText)
            if !dateText.isEmpty, signed == nil { problem(date, .badDate(dateText)) }

            guard problems.count == count, let choice else { return }
            ballots.append(BallotRow(row: number, home: homeNumber, choice: choice, date: signed))
        }
        return problems.isEmpty ? .success(ballots) : .failure(RowProblems(problems))
    }
}

extension HouseholdRegister {
    /// Casts every ballot read from a file, in order, or none of them.
    /// - Returns: a problem for each ballot whose home is not in the register (column
    ///   `home`); when there is any, the register is left unchanged.
    @discardableResult
    public mutating func cast(_ ballots: [BallotRow]) -> [RowProblem] {
        let problems = ballots.filter { home($0.home) == nil }.map {
            RowProblem(row: $0.row, column: "home", kind: .unknownHome($0.home))
        }
        guard problems.isEmpty else { return problems }
        // Every home was found above, so casting cannot fail here.
        for ballot in ballots { try? cast(ballot.home, ballot.choice) }
        return []
    }
}
