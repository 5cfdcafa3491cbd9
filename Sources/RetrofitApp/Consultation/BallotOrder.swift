import RetrofitCore

/// The rules for dating and ordering the ballots of a file: the log is in time order, so each ballot must fit after
/// the case's latest event and not after the clock.
enum BallotOrder {
    /// A problem for each ballot dated in the future or before the case's latest event (at `after`), which the engine
    /// would refuse: found here so that all of them are reported at once.
    static func dateProblems(_ ballots: [BallotRow], header: [String], file: String, now: Timestamp, after: Timestamp) -> [ImportProblem] {
        let column = header.first { ["date", "日期"].contains(ConsultationText.trimmed($0).lowercased()) }
            .map(ConsultationText.trimmed) ?? "date"
        return ballots.compactMap { ballot in
            guard let date = ballot.date else { return nil }
            if date > now.date {
                return ImportProblem(file: file, row: ballot.row, column: column, explanation:
                    "date \(date) is in the future (today is \(now.date)); ballots cannot be recorded ahead of time")
            }
            if date < after.date {
                return ImportProblem(file: file, row: ballot.row, column: column, explanation:
                    "date \(date) is before the case's latest event on \(after.date); events are recorded in order, "
                    + "so record the register (--at) before the first ballot's date")
            }
            return nil
        }
    }

    /// One step per ballot, in date order (file order among equal dates), labelled with its row. A ballot dated the
    /// day of the case's latest event (at `after`) is recorded at that time, since a date alone means 00:00, which
    /// would come before it.
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
