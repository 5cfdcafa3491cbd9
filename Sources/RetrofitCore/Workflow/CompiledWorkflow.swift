import Foundation

/// A validated workflow in a form that reads back without YAML: the definition's values as JSON,
/// with guards and vote conditions kept as their source lines (their own parsers are small).
///
/// Stored beside each pinned definition and embedded for the built-in workflows, so a command never
/// parses YAML it has parsed before. The YAML stays the one source: the compiled form is derived from
/// it, carries a fingerprint of the text it came from, and is ignored (the YAML parsed instead) when
/// its format or fingerprint does not match the text beside it.
public enum CompiledWorkflow {
    /// The layout's number; a form written in another layout is not read.
    public static let format = 1

    /// The compiled form of `workflow` (made from `workflow.source`).
    public static func encode(_ workflow: WorkflowDefinition) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Every member is a string, number, bool, array or object of those: encoding cannot fail.
        let data = (try? encoder.encode(Form(workflow, fingerprint: fingerprint(of: workflow.source)))) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// The definition a compiled form holds, or nil when it is of another format, was made from other
    /// text than `source`, or cannot be read.
    ///
    /// Read with `JSONScanner`, not `JSONDecoder`: in a process that runs one command, the decoder's
    /// generic machinery costs more to warm up than parsing the YAML it replaces.
    public static func decode(_ text: String, source: String) -> WorkflowDefinition? {
        var text = text
        let form = text.withUTF8 { bytes -> Form? in
            var scanner = JSONScanner(bytes)
            guard let form = try? Form(scanning: &scanner), (try? scanner.finish()) != nil else { return nil }
            return form
        }
        guard let form, form.format == format, form.fingerprint == fingerprint(of: source) else { return nil }
        return form.definition(source: source)
    }

    /// FNV-1a over the text's UTF-8 bytes, with its length: it tells a form made from other text
    /// (an edited file), which is all it is for; the store's SHA-256 digest guards the text itself.
    static func fingerprint(of text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var length = 0
        for byte in text.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            length += 1
        }
        return "\(length):\(String(hash, radix: 16))"
    }

    struct Form: Encodable {
        let format: Int
        let fingerprint: String
        let id: String
        let version: Int
        let title: String
        let calendar: String
        let yearlyTarget: Int
        let caseIDPrefix: String
        let fields: [Field]
        let stages: [Stage]
        let suspendRoles: [Role]
        let resumeRoles: [Role]
        let withdrawRoles: [Role]

        init(_ workflow: WorkflowDefinition, fingerprint: String) {
            format = CompiledWorkflow.format
            self.fingerprint = fingerprint
            id = workflow.id
            version = workflow.version
            title = workflow.title
            calendar = workflow.calendar
            yearlyTarget = workflow.yearlyTarget
            caseIDPrefix = workflow.caseIDPrefix
            fields = workflow.fields.map(Field.init)
            stages = workflow.stages.map(Stage.init)
            suspendRoles = workflow.moves.suspendRoles
            resumeRoles = workflow.moves.resumeRoles
            withdrawRoles = workflow.moves.withdrawRoles
        }

        func definition(source: String) -> WorkflowDefinition? {
            var stageDefinitions: [StageDefinition] = []
            for stage in stages {
                guard let definition = stage.definition() else { return nil }
                stageDefinitions.append(definition)
            }
            var fieldDefinitions: [FieldDefinition] = []
            for field in fields {
                guard let definition = field.definition() else { return nil }
                fieldDefinitions.append(definition)
            }
            guard !stageDefinitions.isEmpty else { return nil }
            return WorkflowDefinition(
                id: id, version: version, title: title, calendar: calendar, yearlyTarget: yearlyTarget,
                caseIDPrefix: caseIDPrefix, fields: fieldDefinitions, stages: stageDefinitions,
                moves: CaseMoves(suspendRoles: suspendRoles, resumeRoles: resumeRoles, withdrawRoles: withdrawRoles),
                source: source)
        }
    }

    struct Field: Encodable {
        let name: String
        let title: String
        let type: String
        let values: [String]?
        let requiredFrom: String?

        init(_ field: FieldDefinition) {
            name = field.name
            title = field.title
            type = field.type.description
            if case .enumeration(let values) = field.type { self.values = values } else { values = nil }
            requiredFrom = field.requiredFrom
        }

        func definition() -> FieldDefinition? {
            guard let fieldType = FieldType(name: type, values: values ?? []) else { return nil }
            return FieldDefinition(name: name, title: title, type: fieldType, requiredFrom: requiredFrom)
        }
    }

    struct Stage: Encodable {
        let id: String
        let title: String
        let roles: [Role]
        let deadline: Length?
        let minimum: Length?
        let warnBefore: Int?
        let milestones: [String]
        let isTerminal: Bool
        let transitions: [Transition]
        let voteTitle: String?
        let voteRule: [String]?
        let acceptsObjections: Bool

        init(_ stage: StageDefinition) {
            id = stage.id
            title = stage.title
            roles = stage.roles
            deadline = stage.deadline.map(Length.init)
            minimum = stage.minimum.map(Length.init)
            warnBefore = stage.warnBefore
            milestones = stage.milestones
            isTerminal = stage.isTerminal
            transitions = stage.transitions.map(Transition.init)
            voteTitle = stage.vote?.title
            voteRule = stage.vote?.conditions.map(\.source)
            acceptsObjections = stage.acceptsObjections
        }

        func definition() -> StageDefinition? {
            let deadlinePeriod = deadline?.period, minimumPeriod = minimum?.period
            guard (deadline == nil) == (deadlinePeriod == nil), (minimum == nil) == (minimumPeriod == nil) else { return nil }
            var vote: VoteRule?
            if let voteTitle, let voteRule {
                guard let rule = try? VoteRule.parse(title: voteTitle, conditions: voteRule) else { return nil }
                vote = rule
            }
            var transitionDefinitions: [TransitionDefinition] = []
            for transition in transitions {
                guard let definition = transition.definition(from: id) else { return nil }
                transitionDefinitions.append(definition)
            }
            return StageDefinition(
                id: id, title: title, roles: roles, deadline: deadlinePeriod, minimum: minimumPeriod,
                warnBefore: warnBefore, milestones: milestones, isTerminal: isTerminal, transitions: transitionDefinitions,
                vote: vote, acceptsObjections: acceptsObjections)
        }
    }

    struct Transition: Encodable {
        let name: String
        let to: String
        let roles: [Role]
        let requiredFields: [String]
        let guardSource: String?
        let requiresVote: Bool

        init(_ transition: TransitionDefinition) {
            name = transition.name
            to = transition.to
            roles = transition.roles
            requiredFields = transition.requiredFields
            guardSource = transition.guardExpression?.source
            requiresVote = transition.requiresVote
        }

        func definition(from stage: String) -> TransitionDefinition? {
            var expression: GuardExpression?
            if let guardSource {
                guard let parsed = try? GuardExpression.parse(guardSource) else { return nil }
                expression = parsed
            }
            return TransitionDefinition(name: name, from: stage, to: to, roles: roles, requiredFields: requiredFields,
                                        guardExpression: expression, requiresVote: requiresVote)
        }
    }

    struct Length: Encodable {
        let unit: String
        let count: Int

        init(_ period: Period) {
            unit = period.unit.rawValue
            count = period.count
        }

        var period: Period? { Period.Unit(rawValue: unit).map { Period(unit: $0, count: count) } }
    }
}
