import RetrofitCore

/// A workflow definition as JSON, for scripts: `retrofit workflow show ID --format json`.
public struct WorkflowJSON: Encodable {
    struct Field: Encodable {
        let name, title, type: String
        @EncodeNil var values: [String]?
        @EncodeNil var requiredFrom: String?
    }

    struct Transition: Encodable {
        let name, to: String
        let roles, requires: [String]
        @EncodeNil var guardExpression: String?
        let vote: Bool

        enum CodingKeys: String, CodingKey { case name, to, roles, requires, guardExpression = "guard", vote }
    }

    struct Stage: Encodable {
        let id, title: String
        let roles: [String]
        @EncodeNil var deadline: String?
        @EncodeNil var minimum: String?
        let milestones: [String]
        let terminal, objections: Bool
        @EncodeNil var voteRule: [String]?
        let transitions: [Transition]
    }

    let id: String
    let version: Int
    let title, calendar: String
    let target: Int
    let fields: [Field]
    let stages: [Stage]

    public init(_ workflow: WorkflowDefinition) {
        id = workflow.id
        version = workflow.version
        title = workflow.title
        calendar = workflow.calendar
        target = workflow.yearlyTarget
        fields = workflow.fields.map { field in
            var values: [String]?
            if case .enumeration(let options) = field.type { values = options }
            return Field(name: field.name, title: field.title, type: field.type.description, values: values, requiredFrom: field.requiredFrom)
        }
        stages = workflow.stages.map { stage in
            Stage(id: stage.id, title: stage.title, roles: stage.roles.map(\.rawValue), deadline: stage.deadline?.description,
                  minimum: stage.minimum?.description, milestones: stage.milestones, terminal: stage.isTerminal,
                  objections: stage.acceptsObjections, voteRule: stage.vote.map { $0.conditions.map(\.source) },
                  transitions: stage.transitions.map {
                      Transition(name: $0.name, to: $0.to, roles: $0.roles.map(\.rawValue), requires: $0.requiredFields,
                                 guardExpression: $0.guardExpression?.source, vote: $0.requiresVote)
                  })
        }
    }
}
