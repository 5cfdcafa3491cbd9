import RetrofitCore
import RetrofitStore

extension RetrofitApp {
    /// Records an objection; while one is open the case cannot leave its stage.
    public func raiseObjection(_ request: RaiseObjectionRequest, by actor: Actor,
                               created: (String) -> Void = { _ in }) async throws(AppError) -> ObjectionRaised {
        try authorizeCaseWrite(by: actor)
        let outcome = try await caseService(by: actor, access: .write, created: created)
            .execute(.raiseObjection(from: request.from, text: request.text), caseID: request.caseID, at: request.at)
        return ObjectionRaised(write: ConsultationWrite(outcome), number: outcome.state.objections.last?.number ?? 0,
                               open: outcome.state.openObjections.count)
    }

    /// Closes an objection as withdrawn, mediated or overruled, with an optional note.
    public func resolveObjection(_ request: ResolveObjectionRequest, by actor: Actor,
                                 created: (String) -> Void = { _ in }) async throws(AppError) -> ObjectionClosed {
        try authorizeCaseWrite(by: actor)
        let outcome = try await caseService(by: actor, access: .write, created: created)
            .execute(.resolveObjection(number: request.number, outcome: request.outcome, note: request.note),
                     caseID: request.caseID, at: request.at)
        return ObjectionClosed(write: ConsultationWrite(outcome), number: request.number, outcome: request.outcome,
                               open: outcome.state.openObjections.count)
    }

    /// A case's objections with their outcomes and the notes kept with them.
    public func objections(_ request: ObjectionListRequest, by actor: Actor) async throws(AppError) -> ObjectionList {
        let service = try caseService(by: actor, access: .read)
        let (state, _) = try await service.load(request.caseID)
        var notes: [Int: String] = [:]
        let events = try await service.storing { () async throws(StoreError) in
            try await service.store.events(caseID: request.caseID, afterVersion: 0, limit: .max)
        }
        for event in events where event.kind == .objectionResolved {
            let decoded: CaseEvent
            do { decoded = try event.decodedEvent() } catch { throw AppError(any: error) }
            if case .objectionResolved(let resolved) = decoded, let note = resolved.note {
                notes[resolved.number] = note
            }
        }
        return ObjectionList(caseID: request.caseID, objections: state.objections.map { ObjectionEntry($0, note: notes[$0.number]) },
                             open: state.openObjections.count)
    }
}
