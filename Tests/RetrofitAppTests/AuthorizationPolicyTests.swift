import RetrofitApp
import RetrofitCore
import RetrofitStore
import Testing

/// The access rules as pure values: a person, a case's district and helper, an operation → allowed, not found or
/// forbidden. No database.
@Suite("The access policy decides from the person and the case alone")
struct AuthorizationPolicyTests {
    /// Where a case stands relative to the helper 李娜 of 德城区.
    enum Situation: String, CaseIterable, Sendable {
        case ownDistrict, otherDistrict, assignedInOtherDistrict, noDistrictUnassigned

        var facts: CaseAccessFacts {
            switch self {
            case .ownDistrict: CaseAccessFacts(caseID: "ER-2025-0001", district: "德城区", helper: nil)
            case .otherDistrict: CaseAccessFacts(caseID: "ER-2025-0031", district: "禹城市", helper: "陈刚")
            case .assignedInOtherDistrict: CaseAccessFacts(caseID: "ER-2025-0003", district: "禹城市", helper: "李娜")
            case .noDistrictUnassigned: CaseAccessFacts(caseID: "ER-2025-0040", district: nil, helper: nil)
            }
        }
    }

    enum Expected: String, Sendable { case allowed, notFound, forbidden }

    enum Access: String, Sendable { case read, write }

    static func person(_ role: Role?) -> SignedInPerson? {
        switch role {
        case nil: nil
        case .helper: SignedInPerson(name: "李娜", role: .helper, districts: ["德城区"])
        case .manager: SignedInPerson(name: "王芳", role: .manager, districts: ["德城区"])
        case .auditor: SignedInPerson(name: "刘洋", role: .auditor, districts: [])
        case .admin: SignedInPerson(name: "张伟", role: .admin, districts: [])
        }
    }

    static func kind(_ decision: AccessDecision) -> Expected {
        switch decision {
        case .allowed: .allowed
        case .notFound: .notFound
        case .forbidden: .forbidden
        }
    }

    /// One line of the table: role (nil: a local operator) × access × situation → expected.
    struct CaseRule: Sendable, CustomTestStringConvertible {
        let role: Role?, access: Access, situation: Situation, expected: Expected
        init(_ role: Role?, _ access: Access, _ situation: Situation, _ expected: Expected) {
            (self.role, self.access, self.situation, self.expected) = (role, access, situation, expected)
        }
        var testDescription: String { "\(role?.rawValue ?? "local operator") \(access) \(situation) → \(expected)" }
    }

    static let caseTable: [CaseRule] = [
        CaseRule(.helper, .read, .ownDistrict, .allowed), CaseRule(.helper, .read, .otherDistrict, .notFound),
        CaseRule(.helper, .read, .assignedInOtherDistrict, .allowed), CaseRule(.helper, .read, .noDistrictUnassigned, .notFound),
        CaseRule(.helper, .write, .ownDistrict, .allowed), CaseRule(.helper, .write, .otherDistrict, .notFound),
        CaseRule(.helper, .write, .assignedInOtherDistrict, .allowed), CaseRule(.helper, .write, .noDistrictUnassigned, .notFound),
        CaseRule(.manager, .read, .otherDistrict, .allowed), CaseRule(.manager, .write, .otherDistrict, .allowed),
        CaseRule(.manager, .read, .ownDistrict, .allowed), CaseRule(.manager, .write, .noDistrictUnassigned, .allowed),
        CaseRule(.auditor, .read, .otherDistrict, .allowed), CaseRule(.auditor, .read, .noDistrictUnassigned, .allowed),
        CaseRule(.auditor, .write, .ownDistrict, .forbidden), CaseRule(.auditor, .write, .otherDistrict, .forbidden),
        CaseRule(.admin, .read, .otherDistrict, .allowed), CaseRule(.admin, .write, .otherDistrict, .allowed),
        CaseRule(nil, .read, .otherDistrict, .allowed), CaseRule(nil, .write, .otherDistrict, .allowed), CaseRule(nil, .write, .noDistrictUnassigned, .allowed),
    ]

    @Test("reading and changing a case is allowed, not found or forbidden by role and where the case is", arguments: caseTable)
    func caseAccess(rule: CaseRule) {
        let policy = AccessPolicy(person: Self.person(rule.role))
        let facts = rule.situation.facts
        let decision = rule.access == .read ? policy.readCase(facts) : policy.changeCase(before: facts, after: facts)
        #expect(Self.kind(decision) == rule.expected, "\(decision)")
    }

    @Test func anAuditorsRefusalNamesTheRule() {
        let policy = AccessPolicy(person: Self.person(.auditor))
        let expected = AccessDecision.forbidden("刘洋 is an auditor; auditors read cases and write nothing")
        #expect(policy.writeCases() == expected)
        #expect(policy.openCase(Situation.ownDistrict.facts) == expected)
        #expect(policy.changeCase(before: Situation.ownDistrict.facts, after: Situation.ownDistrict.facts) == expected)
    }

    @Test func aHelperOpensCasesOnlyInTheirOwnDistricts() {
        let policy = AccessPolicy(person: Self.person(.helper))
        #expect(policy.openCase(Situation.ownDistrict.facts) == .allowed)
        #expect(policy.openCase(CaseAccessFacts(caseID: "ER-2025-0031", district: "禹城市", helper: "李娜"))
            == .forbidden("李娜 is a helper in 德城区; case ER-2025-0031 is in 禹城市"))
        #expect(policy.openCase(CaseAccessFacts(caseID: "ER-2025-0040", district: nil, helper: "李娜")) == .allowed)
        #expect(Self.kind(policy.openCase(Situation.noDistrictUnassigned.facts)) == .forbidden)
        #expect(Self.kind(policy.nameCaseID("ER-2025-0031")) == .forbidden)
        #expect(AccessPolicy(person: Self.person(.manager)).openCase(Situation.otherDistrict.facts) == .allowed)
        #expect(AccessPolicy(person: Self.person(.manager)).nameCaseID("ER-2025-0031") == .allowed)
    }

    @Test func aHelperOfSeveralDistrictsOrNoneIsNamedSo() {
        let several = AccessPolicy(person: SignedInPerson(name: "李娜", role: .helper, districts: ["德城区", "陵城区"]))
        #expect(several.readCase(CaseAccessFacts(caseID: "C-1", district: "陵城区", helper: nil)) == .allowed)
        #expect(several.openCase(Situation.otherDistrict.facts) == .forbidden("李娜 is a helper in 德城区, 陵城区; case ER-2025-0031 is in 禹城市"))
        let none = AccessPolicy(person: SignedInPerson(name: "李娜", role: .helper, districts: []))
        #expect(none.readCase(Situation.ownDistrict.facts) == .notFound)
        #expect(none.readCase(Situation.assignedInOtherDistrict.facts) == .allowed)
        #expect(none.openCase(Situation.otherDistrict.facts) == .forbidden("李娜 is a helper with no district; case ER-2025-0031 is in 禹城市"))
    }

    @Test func aHelperMayNotPutACaseOutOfTheirSight() {
        let policy = AccessPolicy(person: Self.person(.helper))
        let own = Situation.ownDistrict.facts
        let moved = CaseAccessFacts(caseID: own.caseID, district: "禹城市", helper: nil)
        #expect(policy.changeCase(before: own, after: moved) == .forbidden("李娜 is a helper in 德城区; a helper may not move case ER-2025-0001 to 禹城市"))
        let assigned = Situation.assignedInOtherDistrict.facts
        let givenAway = CaseAccessFacts(caseID: assigned.caseID, district: "禹城市", helper: "陈刚")
        #expect(Self.kind(policy.changeCase(before: assigned, after: givenAway)) == .forbidden)
        let reassignedInOwnDistrict = CaseAccessFacts(caseID: own.caseID, district: "德城区", helper: "赵强")
        #expect(policy.changeCase(before: own, after: reassignedInOwnDistrict) == .allowed)
    }

    @Test func aHelperGetsTheirOwnQueueAndNoOneElses() throws {
        let helper = AccessPolicy(person: Self.person(.helper))
        #expect(try helper.queueHelper(nil).get() == "李娜")
        #expect(try helper.queueHelper("李娜").get() == "李娜")
        #expect(throws: AccessRefusal("李娜 is a helper; a helper sees their own queue, not 陈刚's")) { try helper.queueHelper("陈刚").get() }
        #expect(try AccessPolicy(person: Self.person(.manager)).queueHelper("陈刚").get() == "陈刚")
        #expect(try AccessPolicy(person: Self.person(.manager)).queueHelper(nil).get() == nil)
        #expect(try AccessPolicy(person: nil).queueHelper("陈刚").get() == "陈刚")
    }

    /// An operation and the roles allowed it.
    struct OperationRule: Sendable, CustomTestStringConvertible {
        let operation: AccessOperation, allowed: Set<Role>
        init(_ operation: AccessOperation, _ allowed: Set<Role>) { (self.operation, self.allowed) = (operation, allowed) }
        var testDescription: String { "\(operation): \(allowed.map(\.rawValue).sorted().joined(separator: ", "))" }
    }

    static let operations: [OperationRule] = [
        OperationRule(.readReports, [.manager, .auditor, .admin]),
        OperationRule(.readAudit, [.manager, .auditor, .admin]),
        OperationRule(.signCheckpoint, [.auditor, .admin]),
        OperationRule(.registerPeople, [.admin]),
        OperationRule(.readPeople, [.helper, .manager, .auditor, .admin]),
        OperationRule(.readCatalog, [.helper, .manager, .auditor, .admin]),
    ] + AdminOperation.allCases.map { OperationRule(.administer($0), [.admin]) }

    @Test("reports, the audit log, people and whole-database work are for the roles the rules name", arguments: operations)
    func operationsByRole(rule: OperationRule) {
        let (operation, allowed) = (rule.operation, rule.allowed)
        for role in Role.allCases {
            let decision = AccessPolicy(person: Self.person(role)).allows(operation)
            #expect((decision == .allowed) == allowed.contains(role), "\(role) \(operation): \(decision)")
            if case .forbidden(let why) = decision {
                #expect(why.hasPrefix("\(Self.person(role)?.name ?? "") is \(role.withArticle);"), "\(why)")
                #expect(!why.contains("--") && !why.contains("HTTP"), "\(why)")
            }
        }
        #expect(AccessPolicy(person: nil).allows(operation) == .allowed)
    }

    @Test func aRefusedAdminOperationNamesIt() {
        #expect(AccessPolicy(person: Self.person(.manager)).allows(.administer(.rebuild))
            == .forbidden("王芳 is a manager; rebuilding the projections needs an admin"))
        #expect(AccessPolicy(person: Self.person(.helper)).allows(.readReports)
            == .forbidden("李娜 is a helper; reports add up the cases of every district, so they are for managers, auditors and admins"))
    }

    @Test func aHelperSeesTheirDistrictsAndAssignedCasesAndNoOtherEveryoneElseSeesAll() {
        #expect(AccessPolicy(person: Self.person(.helper)).visibility == CaseVisibility(districts: ["德城区"], helper: "李娜"))
        for role in [Role.manager, .auditor, .admin] { #expect(AccessPolicy(person: Self.person(role)).visibility == nil) }
        #expect(AccessPolicy(person: nil).visibility == nil)
        #expect(AccessPolicy(Actor(name: "李娜")).visibility == nil)
        let sight = CaseVisibility(districts: [], helper: "李娜")
        #expect(sight.includes(district: "德城区", helper: "李娜") && !sight.includes(district: "德城区", helper: nil))
        #expect(!sight.includes(district: nil, helper: nil))
    }
}
