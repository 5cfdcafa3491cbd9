import RetrofitCore

extension RetrofitApp {
    /// Records a home, or corrects the home already recorded under its number (the home keeps its ballot).
    public func recordHome(_ request: RecordHomeRequest, by actor: Actor,
                           created: (String) -> Void = { _ in }) async throws(AppError) -> HomeRecorded {
        try authorizeCaseWrite(by: actor)
        let service = try caseService(by: actor, access: .write, created: created)
        let (before, _) = try await service.load(request.caseID)
        let outcome = try await service.execute(.recordHome(request.home), caseID: request.caseID, at: request.at)
        return HomeRecorded(write: ConsultationWrite(outcome), home: HomeEntry(request.home, vote: outcome.state.register.ballot(request.home.number)),
                            corrected: before.register.home(request.home.number) != nil)
    }

    /// Removes a home and its ballot from the register; the removal stays in the log.
    public func removeHome(_ request: RemoveHomeRequest, by actor: Actor,
                           created: (String) -> Void = { _ in }) async throws(AppError) -> HomeRemoved {
        try authorizeCaseWrite(by: actor)
        let number = ConsultationText.trimmed(request.home)
        let outcome = try await caseService(by: actor, access: .write, created: created)
            .execute(.removeHome(number), caseID: request.caseID, at: request.at)
        return HomeRemoved(write: ConsultationWrite(outcome), home: number)
    }

    /// The register of a case, home by home, with each home's latest ballot.
    public func homes(_ request: HomeListRequest, by actor: Actor) async throws(AppError) -> HomeList {
        let (state, _) = try await caseService(by: actor, access: .read).load(request.caseID)
        let register = state.register
        return HomeList(caseID: request.caseID, homes: register.homes.map { HomeEntry($0, vote: register.ballot($0.number)) },
                        size: RegisterSize(register))
    }

    /// Reads a register file's rows into homes; every bad row is a problem, and a file with problems records nothing.
    /// Touches no database.
    public func planHomeImport(_ request: HomeImportRequest) -> HomeImportPlan {
        switch HomeRows.parse(header: request.header, rows: request.rows) {
        case .success(let homes):
            return HomeImportPlan(request: request, homes: homes, problems: [])
        case .failure(let problems):
            return HomeImportPlan(request: request, homes: [], problems: problems.map { ImportProblem($0, file: request.file) })
        }
    }

    /// Records every home of a checked register file in one transaction, or none.
    ///
    /// - Throws: ``AppError`` bad input when the plan has problems (its ``HomeImportPlan/problems`` say which) or no
    ///   homes; a refusal of any home records none.
    public func importHomes(_ plan: HomeImportPlan, by actor: Actor,
                            created: (String) -> Void = { _ in }) async throws(AppError) -> HomesImported {
        try authorizeCaseWrite(by: actor)
        let request = plan.request
        if !plan.problems.isEmpty { throw ImportProblem.failure(plan.problems, file: request.file, nothing: "no home was recorded") }
        guard !plan.homes.isEmpty else {
            throw .badInput("\(request.file): the file has a header but no homes; no home was recorded")
        }
        let service = try caseService(by: actor, access: .write, created: created)
        let (before, _) = try await service.load(request.caseID)
        let outcome = try await service.executeAll(plan.homes.map { CaseCommand.recordHome($0) }, caseID: request.caseID,
                                                   at: request.at, expectVersion: before.version)
        let corrected = plan.homes.filter { before.register.home($0.number) != nil }.count
        return HomesImported(write: ConsultationWrite(outcome), file: request.file, recorded: plan.homes.count, corrected: corrected)
    }
}
