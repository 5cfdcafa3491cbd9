import RetrofitCore

extension RetrofitApp {
    /// Records one home's ballot, or the ballot of every home an owner holds. A later ballot replaces the earlier one;
    /// both stay in the log.
    ///
    /// - Throws: ``AppError`` conflict when the case changes between reading it and recording the ballot, so that
    ///   what the result says was replaced is what was replaced.
    public func castBallot(_ request: CastBallotRequest, by actor: Actor,
                           created: (String) -> Void = { _ in }) async throws(AppError) -> BallotCast {
        try authorizeCaseWrite(by: actor)
        let service = try caseService(by: actor, access: .write, created: created)
        let (before, _) = try await service.load(request.caseID)
        switch request.voter {
        case .owner(let owner):
            let outcome = try await service.execute(.castOwnerBallot(owner: owner, vote: request.vote), caseID: request.caseID,
                                                    at: request.at, expectVersion: before.version)
            return BallotCast(write: ConsultationWrite(outcome), home: nil, owner: ConsultationText.trimmed(owner), vote: request.vote,
                              ballots: outcome.events.count, replaced: nil)
        case .home(let home):
            let number = ConsultationText.trimmed(home)
            let outcome = try await service.execute(.castBallot(home: number, vote: request.vote), caseID: request.caseID,
                                                    at: request.at, expectVersion: before.version)
            return BallotCast(write: ConsultationWrite(outcome), home: number, owner: nil, vote: request.vote,
                              ballots: outcome.events.count, replaced: before.register.ballot(number))
        }
    }

    /// Reads a ballots file's rows and checks them against the case: every home must be in the register, and every
    /// dated ballot must fall between the case's latest event and today. The ballots are then ordered by date (file
    /// order among equal dates); a ballot dated the day of the case's latest event is recorded at that event's time.
    ///
    /// A file with problems is an expected answer: they are in the plan, and importing it records nothing.
    /// - Throws: ``AppError`` when the file holds no ballot or the case cannot be read.
    public func planBallotImport(_ request: BallotImportRequest, by actor: Actor,
                                 created: (String) -> Void = { _ in }) async throws(AppError) -> BallotImportPlan {
        try authorizeCaseWrite(by: actor)
        let file = request.file
        let ballots: [BallotRow]
        switch BallotRows.parse(header: request.header, rows: request.rows) {
        case .success(let parsed): ballots = parsed
        case .failure(let problems): return .problems(request, problems.map { ImportProblem($0, file: file) })
        }
        guard !ballots.isEmpty else {
            throw .badInput("\(file): the file has a header but no ballots; no ballot was recorded")
        }
        let service = try caseService(by: actor, access: .write, created: created)
        let (before, _) = try await service.load(request.caseID)
        var register = before.register
        let unknown = register.cast(ballots)
        if !unknown.isEmpty {
            return .problems(request, unknown.map { ImportProblem($0, file: file) }, caseVersion: before.version)
        }
        let dateProblems = BallotOrder.dateProblems(ballots, header: request.header, file: file, now: service.now,
                                                    after: before.lastOccurredAt)
        if !dateProblems.isEmpty { return .problems(request, dateProblems, caseVersion: before.version) }
        let steps = BallotOrder.steps(ballots, file: file, undated: request.undatedAt ?? service.now, after: before.lastOccurredAt)
        return BallotImportPlan(request: request, ballots: ballots, problems: [], caseVersion: before.version,
                                replacing: ballots.filter { before.register.ballot($0.home) != nil }.count, steps: steps)
    }

    /// Records every ballot of a checked file in one transaction, or none.
    ///
    /// - Throws: ``AppError`` bad input when the plan has problems (its ``BallotImportPlan/problems`` say which),
    ///   a conflict when the case changed since the plan was made, or the refusal of the first ballot the engine
    ///   refuses, named by its row.
    public func importBallots(_ plan: BallotImportPlan, by actor: Actor,
                              created: (String) -> Void = { _ in }) async throws(AppError) -> BallotsImported {
        try authorizeCaseWrite(by: actor)
        let request = plan.request
        if !plan.problems.isEmpty {
            throw ImportProblem.failure(plan.problems, file: request.file, nothing: "no ballot was recorded")
        }
        let outcome = try await caseService(by: actor, access: .write, created: created)
            .executeAll(plan.steps, caseID: request.caseID, expectVersion: plan.caseVersion)
        return BallotsImported(write: ConsultationWrite(outcome), file: request.file, recorded: plan.ballots.count,
                               replacing: plan.replacing)
    }
}
