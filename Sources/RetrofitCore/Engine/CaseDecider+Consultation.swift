extension CaseDecider {
    static func decideConsultation(
        _ command: CaseCommand, on state: CaseState, workflow: WorkflowDefinition, context: CommandContext
    ) throws(Rejection) -> [CaseEvent] {
        try requireStageRole(state, workflow: workflow, context: context, action: command.name, extra: [.manager])
        switch command {
        case .recordHome(let home):
            var register = state.register
            register.record(home)
            // A correction that changes a home's owner must not leave one owner voting two ways.
            if case .failure(let problem) = Result(catching: { () throws(TallyError) in try Tally.count(register) }),
               case .ownerVotedDifferently = problem {
                throw Rejection(.invalidInput, "\(problem)")
            }
            return [.homeRecorded(.init(home: home))]
        case .removeHome(let number):
            guard state.register.homes.contains(where: { $0.number == number }) else {
                throw Rejection(.invalidInput, "home \(number) is not in case \(state.id)'s register")
            }
            return [.homeRemoved(.init(home: number))]
        case .castBallot(let home, let vote):
            var register = state.register
            do {
                try register.cast(home, vote)
                // An owner with several homes casts one vote: refuse a ballot that splits it.
                _ = try Tally.count(register)
            } catch {
                throw Rejection(.invalidInput, "\(error)")
            }
            return [.ballotCast(.init(home: home, vote: vote))]
        case .castOwnerBallot(let owner, let vote):
            let name = owner.trimmingWhitespace()
            let homes = state.register.homes.filter { $0.owner == name }
            guard !homes.isEmpty else {
                throw Rejection(.invalidInput, "no home of case \(state.id)'s register belongs to '\(name)'")
            }
            return homes.map { .ballotCast(.init(home: $0.number, vote: vote)) }
        case .raiseObjection(let from, let text):
            guard workflow.stage(state.stage)?.acceptsObjections == true else {
                let stages = workflow.stages.filter(\.acceptsObjections).map(\.id).joined(separator: ", ")
                throw Rejection(.notAllowed, "objections are raised during \(stages.isEmpty ? "no stage of this workflow" : stages); case \(state.id) is in '\(state.stage)'")
            }
            let number = (state.objections.map(\.number).max() ?? 0) + 1
            return [.objectionRaised(.init(number: number, from: try nonEmpty(from, what: "the objector's name"),
                                           text: try nonEmpty(text, what: "the objection's text")))]
        case .resolveObjection(let number, let outcome, let note):
            guard let objection = state.objections.first(where: { $0.number == number }) else {
                let known = state.objections.map { "#\($0.number)" }.joined(separator: ", ")
                throw Rejection(.invalidInput, "case \(state.id) has no objection #\(number)\(known.isEmpty ? "" : "; it has \(known)")")
            }
            if let resolved = objection.outcome {
                // Resolving it again the same way changes nothing; another outcome would rewrite it.
                if resolved == outcome { return [] }
                throw Rejection(.notAllowed, "objection #\(number) of case \(state.id) is already resolved (\(resolved.rawValue))")
            }
            return [.objectionResolved(.init(number: number, outcome: outcome, note: note))]
        default:
            return []
        }
    }
}
