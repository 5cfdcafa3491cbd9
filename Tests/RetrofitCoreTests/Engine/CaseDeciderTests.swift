import RetrofitCore
import RetrofitTestSupport
import Testing

@Suite("The engine decides commands purely")
struct CaseDeciderTests {
    let workflow: WorkflowDefinition
    let calendar: WorkingCalendar

    init() throws {
        workflow = try Fixtures.workflow("elevator-retrofit")
        calendar = try #require(Fixtures.calendar)
    }

    func context(_ at: String, role: Role? = nil, actor: String = "李娜", now: String = "2025-12-31") -> CommandContext {
        CommandContext(actor: actor, role: role, occurredAt: Fixtures.time(at), now: Fixtures.time(now), calendar: calendar)
    }

    /// Runs commands from nothing, failing the test on any refusal.
    func state(after commands: [(CaseCommand, String)]) throws -> CaseState {
        var state: CaseState?
        for (command, at) in commands {
            let events = try CaseDecider.decide(command, on: state, caseID: "C-1", workflow: workflow, context: context(at)).get()
            for event in events {
                let envelope = EventEnvelope(event: event, occurredAt: Fixtures.time(at))
                if var current = state { current.apply(envelope, workflow: workflow); state = current }
                else { state = CaseState.start(id: "C-1", workflow: workflow, with: envelope) }
            }
        }
        return try #require(state)
    }

    /// Moves a crafted state into `stage` with every field it requires filled in.
    func placed(_ state: CaseState, in stage: String, since: String = "2025-03-03T09:00") -> CaseState {
        var placed = state
        placed.stage = stage
        placed.visits = [StageVisit(stage: stage, enteredAt: Fixtures.time(since), leftAt: nil, suspensions: [])]
        for field in workflow.fieldsRequired(in: stage) where placed.fields[field.name] == nil {
            switch field.type {
            case .date: placed.fields[field.name] = "2025-03-01"
            case .integer, .decimal: placed.fields[field.name] = "1"
            default: placed.fields[field.name] = "x"
            }
        }
        return placed
    }

    func refusal(_ command: CaseCommand, on state: CaseState?, at: String, role: Role? = nil) -> Rejection? {
        if case .failure(let rejection) = CaseDecider.decide(command, on: state, caseID: "C-1", workflow: workflow, context: context(at, role: role)) {
            return rejection
        }
        return nil
    }

    var opened: [(CaseCommand, String)] {
        [(.open(fields: Fixtures.intakeFields(), priority: .normal, difficulty: .normal, helper: nil), "2025-03-03")]
    }

    @Test func openingPutsTheCaseInTheFirstStage() throws {
        let state = try state(after: opened)
        #expect(state.stage == "intake")
        #expect(state.status == .active)
        #expect(state.version == 1)
        #expect(state.fields["district"] == "德城区")
    }

    @Test func openingWithoutRequiredFieldsIsRefusedNamingThem() {
        let rejection = refusal(.open(fields: ["address": "x"], priority: .normal, difficulty: .normal, helper: nil), on: nil, at: "2025-03-03")
        #expect(rejection?.message.contains("district (区县 / District)") == true)
        #expect(rejection?.hints.first.map { hint in
            if case .give(.field, let values) = hint { values.contains("district") } else { false }
        } == true)
    }

    @Test func aValueOfTheWrongTypeIsRefused() {
        var fields = Fixtures.intakeFields()
        fields["floors"] = "eight"
        let rejection = refusal(.open(fields: fields, priority: .normal, difficulty: .normal, helper: nil), on: nil, at: "2025-03-03")
        #expect(rejection == Rejection(.invalidInput, "field floors=eight is not valid: expected a whole number for integer field 'floors' (层数 / Floors)"))
    }

    @Test func anUnknownFieldIsRefusedWithASuggestion() throws {
        let state = try state(after: opened)
        let rejection = refusal(.setFields(["flors": "6"], note: nil), on: state, at: "2025-03-04")
        #expect(rejection?.kind == .invalidInput)
        #expect(rejection?.message.hasPrefix("unknown field 'flors' (did you mean 'floors'?)") == true)
    }

    @Test func anEnumValueOutsideItsListIsRefused() {
        var fields = Fixtures.intakeFields()
        fields["district"] = "东城区"
        let rejection = refusal(.open(fields: fields, priority: .normal, difficulty: .normal, helper: nil), on: nil, at: "2025-03-03")
        #expect(rejection?.message.contains("expected one of 德城区, 陵城区") == true)
    }

    @Test func aDateInTheFutureIsRefused() {
        let rejection = refusal(.open(fields: Fixtures.intakeFields(), priority: .normal, difficulty: .normal, helper: nil), on: nil, at: "2026-01-02")
        #expect(rejection?.message.contains("is in the future") == true)
    }

    @Test func aDateBeforeThePreviousEventIsRefused() throws {
        let state = try state(after: opened)
        let rejection = refusal(.note("早于开案"), on: state, at: "2025-03-02")
        #expect(rejection?.message.contains("is before case C-1's previous event") == true)
    }

    @Test func aMoveNotAllowedFromTheStageListsTheChoices() throws {
        let state = try state(after: opened)
        let rejection = refusal(.advance(to: "construction", fields: [:], note: nil), on: state, at: "2025-03-04")
        #expect(rejection == Rejection(.notAllowed, "case C-1 cannot move from 'intake' to 'construction'; allowed: helper-assignment (accept)"))
    }

    @Test func withSeveralMovesToMustBeGiven() throws {
        let state = try state(after: opened + [
            (.advance(to: nil, fields: [:], note: nil), "2025-03-04"),
            (.assign(helper: "李娜"), "2025-03-04"),
            (.advance(to: nil, fields: [:], note: nil), "2025-03-05"),
        ])
        #expect(state.stage == "consultation")
        // joint-review has two moves; reach it via a crafted state.
        var review = state
        review.stage = "joint-review"
        let rejection = refusal(.advance(to: nil, fields: [:], note: nil), on: review, at: "2025-03-06")
        #expect(rejection?.message == "case C-1 can move from 'joint-review' to more than one stage")
        #expect(rejection?.hints == [.chooseOne(.moveTarget, choices: [InputChoice("permit-filing", detail: "approve"), InputChoice("design", detail: "reject")])])
    }

    @Test func aMoveByTheWrongRoleNamesBoth() throws {
        let state = try state(after: opened + [(.advance(to: nil, fields: [:], note: nil), "2025-03-04")])
        var review = state
        review.stage = "joint-review"
        let rejection = refusal(.advance(to: "approve", fields: [:], note: nil), on: review, at: "2025-03-06", role: .helper)
        #expect(rejection?.message == "李娜 is a helper; \"approve\" needs a manager")
    }

    @Test func aGuardThatFailsSaysWhichPartAndWithWhatValues() throws {
        let state = try state(after: opened)
        var building = placed(state, in: "inspection").with(stage: "construction")
        building.fields["construction_started_on"] = "2025-05-01"
        building.fields["construction_finished_on"] = nil
        let rejection = refusal(.advance(to: nil, fields: ["construction_finished_on": "2025-04-01"], note: nil), on: building, at: "2025-06-01")
        #expect(rejection?.message == "guard failed: construction_finished_on >= construction_started_on (construction_finished_on is 2025-04-01, construction_started_on is 2025-05-01)")
    }

    @Test func aSuspendedCaseCannotAdvanceUntilResumed() throws {
        let state = try state(after: opened + [(.suspend(reason: .mediation, note: nil), "2025-03-04")])
        #expect(state.status == .suspended)
        #expect(refusal(.advance(to: nil, fields: [:], note: nil), on: state, at: "2025-03-05")?.message == "case C-1 is suspended (mediation since 2025-03-04); resume it first")
        let resumed = try self.state(after: opened + [(.suspend(reason: .mediation, note: nil), "2025-03-04"), (.resume(note: nil), "2025-03-10"),
                                                        (.advance(to: nil, fields: [:], note: nil), "2025-03-11")])
        #expect(resumed.stage == "helper-assignment")
    }

    @Test func theNoticeCannotLeaveBeforeItsMinimumAndSaysWhen() throws {
        let notice = placed(try state(after: opened), in: "joint-review").with(stage: "public-notice")
        // 10 days from 2025-03-03 end on 2025-03-13 (a Thursday); the case may leave from 03-14.
        let rejection = refusal(.advance(to: nil, fields: ["planning_permit_no": "P"], note: nil), on: notice, at: "2025-03-13T16:00")
        #expect(rejection?.message.contains("may leave it on or after 2025-03-14") == true)
        #expect(refusal(.advance(to: nil, fields: ["planning_permit_no": "P"], note: nil), on: notice, at: "2025-03-14T09:00") == nil)
    }

    @Test func aWithdrawnCaseCannotChange() throws {
        let state = try state(after: opened + [(.withdraw(reason: "业主放弃"), "2025-03-04")])
        #expect(state.status == .withdrawn)
        #expect(refusal(.advance(to: nil, fields: [:], note: nil), on: state, at: "2025-03-05")?.message == "case C-1 was withdrawn (业主放弃); it cannot change")
    }

    @Test func enteringTheCommissionedStageMarksTheMilestone() throws {
        let registration = placed(try state(after: opened), in: "registration")
        let events = try CaseDecider.decide(.advance(to: nil, fields: ["use_registration_no": "梯登1", "registration_code": "R1", "equipment_code": "E1"], note: nil),
                                            on: registration, caseID: "C-1", workflow: workflow, context: context("2025-09-01")).get()
        var next = registration
        for event in events { next.apply(EventEnvelope(event: event, occurredAt: Fixtures.time("2025-09-01")), workflow: workflow) }
        #expect(next.milestones["commissioned"] == Fixtures.date("2025-09-01"))
        #expect(next.stage == "commissioned")
    }
}


extension CaseDeciderTests {
    @Test func anOwnerOfSeveralHomesChangesTheirVoteForAllHomesAtOnce() throws {
        let area = try #require(Area(hundredths: 8_000))
        let homes = try [Home(number: "1-101", floor: 1, area: area, owner: "王伟"), Home(number: "1-201", floor: 2, area: area, owner: "王伟"),
                         Home(number: "1-301", floor: 3, area: area, owner: "赵敏")]
        var commands = opened
        for home in homes { commands.append((.recordHome(home), "2025-03-04")) }
        commands += [(.castBallot(home: "1-101", vote: .agree), "2025-03-05"), (.castBallot(home: "1-201", vote: .agree), "2025-03-05")]
        let state = try state(after: commands)
        // One home alone cannot switch: that would split 王伟's vote.
        #expect(refusal(.castBallot(home: "1-101", vote: .object), on: state, at: "2025-03-06")?.message
                == "王伟 owns 1-101 and 1-201, which voted object and agree; one owner casts one vote")
        let changed = try self.state(after: commands + [(.castOwnerBallot(owner: "王伟", vote: .object), "2025-03-06")])
        #expect(changed.register.ballot("1-101") == .object && changed.register.ballot("1-201") == .object)
        #expect(try Tally.count(changed.register).objecting.owners == 1)
        #expect(refusal(.castOwnerBallot(owner: "李四", vote: .agree), on: changed, at: "2025-03-06")?.message
                == "no home of case C-1's register belongs to '李四'")
    }
}

extension CaseState {
    func with(stage: String) -> CaseState {
        var copy = self
        copy.stage = stage
        if !copy.visits.isEmpty { copy.visits[copy.visits.count - 1].stage = stage }
        return copy
    }
}
