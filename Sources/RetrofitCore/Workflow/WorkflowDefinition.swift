/// A workflow, as loaded and validated from one YAML file: which stages a case passes through,
/// which moves are allowed, by whom, under what conditions, and how long each stage may take.
public struct WorkflowDefinition: Sendable, Equatable {
    public let id: String
    public let version: Int
    public let title: String
    public let calendar: String
    /// Commissioned elevators the programme aims for each year (reports use it; default 100).
    public let yearlyTarget: Int
    /// Prefix of generated case ids, e.g. `ER` for `ER-2025-0001`.
    public let caseIDPrefix: String
    public let fields: [FieldDefinition]
    public let stages: [StageDefinition]
    public let moves: CaseMoves
    /// The file text it was loaded from: stored with the cases that run under it.
    public let source: String

    public var initialStage: StageDefinition { stages[0] }

    public func stage(_ id: String) -> StageDefinition? { stages.first { $0.id == id } }

    public func field(_ name: String) -> FieldDefinition? { fields.first { $0.name == name } }

    /// Position of a stage in the file, which is the order of the procedure.
    public func stageIndex(_ id: String) -> Int? { stages.firstIndex { $0.id == id } }

    /// Fields that must be set for a case to be in `stageID`: those required from that stage or an earlier one.
    public func fieldsRequired(in stageID: String) -> [FieldDefinition] {
        guard let index = stageIndex(stageID) else { return [] }
        return fields.filter { field in
            guard let from = field.requiredFrom, let fromIndex = stageIndex(from) else { return false }
            return fromIndex <= index
        }
    }

    /// The stage that marks `milestone`, e.g. the one marking `commissioned`.
    public func stage(marking milestone: String) -> StageDefinition? {
        stages.first { $0.milestones.contains(milestone) }
    }

    /// The types that guards may read: the case fields and the values every case has.
    public var guardTypes: [String: FieldType] {
        var types = BuiltinCaseValue.types
        for field in fields { types[field.name] = field.type }
        return types
    }
}

/// A value every case has besides its workflow's fields, readable in guards.
public enum BuiltinCaseValue {
    public static let types: [String: FieldType] = [
        "helper": .text,
        "priority": .enumeration(CasePriority.allCases.map(\.rawValue)),
        "difficulty": .enumeration(CaseDifficulty.allCases.map(\.rawValue)),
        "open_objections": .integer,
        "homes_registered": .integer,
    ]
}

public struct FieldDefinition: Sendable, Hashable {
    public let name: String
    public let title: String
    public let type: FieldType
    /// The stage from which the field must be set (entering that stage, or any later one, needs it).
    public let requiredFrom: String?
}

public struct StageDefinition: Sendable, Equatable {
    public let id: String
    public let title: String
    public let roles: [Role]
    public let deadline: Period?
    public let minimum: Period?
    /// Working days before the deadline from which a case counts as due soon (nil: the calendar's default).
    public let warnBefore: Int?
    public let milestones: [String]
    public let isTerminal: Bool
    public let transitions: [TransitionDefinition]
    /// The owners' vote held in this stage, if any.
    public let vote: VoteRule?
    /// Whether objections may be raised while a case is in this stage (public notice).
    public let acceptsObjections: Bool
}

public struct TransitionDefinition: Sendable, Equatable {
    public let name: String
    public let from: String
    public let to: String
    /// Who may make the move; empty means the stage's roles.
    public let roles: [Role]
    public let requiredFields: [String]
    public let guardExpression: GuardExpression?
    /// The stage's vote rule must pass.
    public let requiresVote: Bool
}

/// Who may suspend, resume and withdraw cases: moves allowed in any non-terminal stage.
public struct CaseMoves: Sendable, Equatable {
    public let suspendRoles: [Role]
    public let resumeRoles: [Role]
    public let withdrawRoles: [Role]

    public static let standard = CaseMoves(
        suspendRoles: [.helper, .manager],
        resumeRoles: [.helper, .manager],
        withdrawRoles: [.manager]
    )
}

/// A person's role in the bureau.
public enum Role: String, Sendable, Hashable, CaseIterable, Codable {
    case helper, manager, auditor, admin

    /// `a helper`, `an admin`.
    public var withArticle: String {
        (self == .auditor || self == .admin ? "an " : "a ") + rawValue
    }
}

public enum CasePriority: String, Sendable, Hashable, CaseIterable, Codable { case urgent, normal }

public enum CaseDifficulty: String, Sendable, Hashable, CaseIterable, Codable { case easy, normal, hard }

/// Why a case is suspended (DOMAIN.md §2: disputes go to mediation, then court).
public enum SuspensionReason: String, Sendable, Hashable, CaseIterable, Codable {
    case mediation, litigation, funding, other
}
