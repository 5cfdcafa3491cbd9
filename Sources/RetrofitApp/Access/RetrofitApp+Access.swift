import RetrofitCore
import RetrofitStore

extension AccessDecision {
    /// Throws the decision's error: a case out of sight as the very error of a case id that does not exist,
    /// a refusal as forbidden with its sentence.
    func enforce(caseID: String) throws(AppError) {
        switch self {
        case .allowed: return
        case .notFound: throw AppError(StoreError.unknownCase(caseID))
        case .forbidden(let why): throw .forbidden(why)
        }
    }

    /// For decisions that involve no case.
    func enforce() throws(AppError) {
        if case .forbidden(let why) = self { throw .forbidden(why) }
    }
}

extension RetrofitApp {
    /// Refuses `operation` unless the actor's role allows it (a local operator is always allowed).
    func authorize(_ operation: AccessOperation, by actor: Actor) throws(AppError) {
        try AccessPolicy(actor).allows(operation).enforce()
    }

    /// Refuses any write to cases by an actor who writes none (an auditor), before anything is read.
    func authorizeCaseWrite(by actor: Actor) throws(AppError) {
        try AccessPolicy(actor).writeCases().enforce()
    }

    /// Answers a case out of the actor's sight exactly as a case that does not exist; a case that does not exist
    /// is answered so too, whoever asks. Reads nothing for an actor who sees every case.
    func requireVisibleCase(_ caseID: String, in store: CaseStore, by actor: Actor) throws(AppError) {
        let policy = AccessPolicy(actor)
        guard policy.visibility != nil else { return }
        guard let (state, _) = try translatingErrors({ try store.loadCase(caseID) }) else {
            throw AppError(StoreError.unknownCase(caseID))
        }
        try policy.readCase(CaseAccessFacts(state)).enforce(caseID: caseID)
    }
}
