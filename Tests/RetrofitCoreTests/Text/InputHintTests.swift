import Foundation
@testable import RetrofitCore
import RetrofitTestSupport
import Testing

@Suite("Refusals name no flag; their hints carry the structure")
struct InputHintTests {
    let workflow: WorkflowDefinition
    let calendar: WorkingCalendar

    init() throws {
        workflow = try Fixtures.workflow("elevator-retrofit")
        calendar = try #require(Fixtures.calendar)
    }

    func opened() throws -> CaseState {
        let context = CommandContext(actor: "李娜", role: nil, occurredAt: Fixtures.time("2025-03-03"), now: Fixtures.time("2025-12-31"), calendar: calendar)
        let events = try CaseDecider.decide(.open(fields: Fixtures.intakeFields(), priority: .normal, difficulty: .normal, helper: nil),
                                            on: nil, caseID: "C-1", workflow: workflow, context: context).get()
        let first = try #require(events.first)
        return try #require(CaseState.start(id: "C-1", workflow: workflow, with: EventEnvelope(event: first, occurredAt: Fixtures.time("2025-03-03"))))
    }

    func expectNeutral(_ text: String) {
        #expect(!text.contains("--") && !text.contains("retrofit "), "\(text)")
    }

    @Test func severalMovesAreChoicesForTheMoveTarget() throws {
        let stage = try #require(workflow.stage("joint-review"))
        #expect(throws: Rejection(.invalidInput, "case C-1 can move from 'joint-review' to more than one stage",
                                  hints: [.chooseOne(.moveTarget, choices: [InputChoice("permit-filing", detail: "approve"), InputChoice("design", detail: "reject")])])) {
            try CaseDecider.chooseTransition(from: stage, to: nil, caseID: "C-1")
        }
    }

    @Test func theFirstPersonMustBeAnAdmin() throws {
        let rejection = try #require(PersonRegistered.decide(PersonRegistered(name: "王", role: .helper, district: nil), actor: "王", actorRole: nil, registeredCount: 0))
        #expect(rejection.message == "the first person registered must be an admin, so someone can manage the register")
        #expect(rejection.hints == [.run(SuggestedOperation(.addPerson, [InputArgument(.role, "admin")]))])
    }

    @Test func settingNothingAsksForAField() throws {
        let context = CommandContext(actor: "李娜", role: nil, occurredAt: Fixtures.time("2025-03-04"), now: Fixtures.time("2025-12-31"), calendar: calendar)
        let result = CaseDecider.decide(.setFields([:], note: nil), on: try opened(), caseID: "C-1", workflow: workflow, context: context)
        #expect(result == .failure(Rejection(.invalidInput, "give at least one field to set", hints: [.giveAtLeastOne(.field)])))
    }

    @Test func missingFieldsAreNamedAsValuesOfTheFieldHint() throws {
        let rejection = CaseDecider.missingFieldsRejection(stage: "intake", missing: ["address", "homes"], workflow: workflow, action: "set fields")
        expectNeutral(rejection.message)
        #expect(rejection.message.hasPrefix("cannot set fields: stage 'intake' needs address ("))
        #expect(rejection.hints == [.give(.field, values: ["address", "homes"])])
    }

    @Test func openObjectionsPointToResolvingThem() throws {
        let state = try opened()
        let transition = try #require(workflow.stage("intake")?.transitions.first)
        let objection = Objection(number: 1, from: "王先生", text: "采光", raisedAt: Fixtures.time("2025-03-03"), outcome: nil, resolvedAt: nil)
        let rejection = CaseDecider.rejection(.openObjections([objection]), transition: transition, state: state, workflow: workflow)
        #expect(rejection.message == "cannot leave 'intake' while objections are open: #1 from 王先生")
        #expect(rejection.hints == [.run(SuggestedOperation(.resolveObjection))])
    }

    @Test func aMinimumNamesTheFirstAllowedDay() throws {
        let state = try opened()
        let transition = try #require(workflow.stage("intake")?.transitions.first)
        let wait = MinimumWait(stage: "intake", minimum: .days(10), entered: Fixtures.date("2025-03-03"), runsUntil: Fixtures.date("2025-03-13"),
                               firstAllowed: Fixtures.date("2025-03-14"))
        let rejection = CaseDecider.rejection(.minimumDuration(wait), transition: transition, state: state, workflow: workflow)
        #expect(rejection.message.hasSuffix("may leave it on or after 2025-03-14"))
        #expect(rejection.hints == [.firstAllowedDate(Fixtures.date("2025-03-14"))])
    }

    @Test func anUnknownNameCarriesTheClosestNames() {
        #expect(throws: Rejection(.invalidInput, "unknown stage 'intak' (did you mean intake?); known stages: intake, design",
                                  hints: [.closestNames(["intake"])])) {
            try KnownNames("stage", names: ["intake", "design"]).check("intak")
        }
    }

    @Test func anInvalidWorkflowFilePointsToValidation() throws {
        guard case .failure(let problems) = WorkflowLoader.load(text: "id: x\n", file: "w.yaml") else {
            Issue.record("an incomplete workflow loaded")
            return
        }
        let error = WorkflowLookupError.invalid(problems)
        #expect(error.message == "the workflow file has errors")
        #expect(error.detail == ":\n\(problems)")
        #expect(error.description == "the workflow file has errors:\n\(problems)")
        #expect(error.hints == [.run(SuggestedOperation(.validateWorkflow))])
        #expect(WorkflowLookupError.unknown(id: "x", available: []).hints.isEmpty)
    }

    @Test func hintsEncodeWithStableLowercaseNames() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let hints: [InputHint] = [
            .chooseOne(.moveTarget, choices: [InputChoice("design", detail: "reject")]),
            .give(.field, values: ["homes"]),
            .giveInstead(.workflow),
            .outOfOrder(InputArgument(.periodStart, "2025-03-01"), InputArgument(.periodEnd, "2025-02-01")),
            .run(SuggestedOperation(.addPerson, [InputArgument(.role, "admin")])),
            .createBy([SuggestedOperation(.openCase)]),
            .closestNames(["intake"]),
            .firstAllowedDate(Fixtures.date("2025-03-14")),
        ]
        let json = String(decoding: try encoder.encode(hints), as: UTF8.self)
        #expect(json == """
            [{"choices":[{"detail":"reject","value":"design"}],"kind":"choose-one","parameter":"move-target"},\
            {"kind":"give","parameter":"field","values":["homes"]},\
            {"kind":"give-instead","parameter":"workflow"},\
            {"inputs":[{"parameter":"period-start","value":"2025-03-01"},{"parameter":"period-end","value":"2025-02-01"}],"kind":"out-of-order"},\
            {"arguments":[{"parameter":"role","value":"admin"}],"kind":"run","operation":"add-person"},\
            {"kind":"create-by","operations":[{"arguments":[],"operation":"open-case"}]},\
            {"kind":"closest-names","names":["intake"]},\
            {"date":"2025-03-14","kind":"first-allowed-date"}]
            """)
    }
}
