import RetrofitCore
import RetrofitTestSupport
import Testing

@Suite("The engine lists what blocks a move, and advance refuses for the first of them")
struct CaseDeciderBlockerTests {
    let workflow: WorkflowDefinition
    let calendar: WorkingCalendar

    init() throws {
        workflow = try Fixtures.workflow("elevator-retrofit")
        calendar = try #require(Fixtures.calendar)
    }

    func context(_ at: String, role: Role? = nil) -> CommandContext {
        CommandContext(actor: "李娜", role: role, occurredAt: Fixtures.time(at), now: Fixtures.time("2025-12-31"), calendar: calendar)
    }

    /// A case in consultation since 2025-03-03 with a register of five owners, three agreeing (3/5 < 3/4).
    func consulting() throws -> CaseState {
        let opened = try CaseDecider.decide(.open(fields: Fixtures.intakeFields(), priority: .normal, difficulty: .normal, helper: "李娜"),
                                            on: nil, caseID: "C-1", workflow: workflow, context: context("2025-03-03")).get()
        var state = try #require(CaseState.after(opened, on: nil, caseID: "C-1", at: Fixtures.time("2025-03-03"), workflow: workflow))
        state.stage = "consultation"
        state.visits = [StageVisit(stage: "consultation", enteredAt: Fixtures.time("2025-03-03"), leftAt: nil, suspensions: [])]
        for (number, vote) in [("101", BallotChoice.agree), ("102", .agree), ("201", .agree), ("202", .object), ("301", .object)] {
            let home = try Home(number: number, floor: Int(String(number.first!))!, area: try Area(parsing: "80"), owner: "owner \(number)")
            state.apply(EventEnvelope(event: .homeRecorded(.init(home: home)), occurredAt: Fixtures.time("2025-03-04")), workflow: workflow)
            state.apply(EventEnvelope(event: .ballotCast(.init(home: number, vote: vote)), occurredAt: Fixtures.time("2025-03-04")), workflow: workflow)
        }
        return state
    }

    @Test func aConsultationMissingFieldsAndVotesNamesBothWithTheVoteFigures() throws {
        let state = try consulting()
        let move = try #require(CaseDecider.nextMove(of: state, workflow: workflow, context: context("2025-04-01")))
        #expect(move.transition.name == "vote-passed")
        #expect(move.blockers.map(\.kind) == ["missing-fields", "vote"])
        guard case .missingFields(let stage, let fields) = move.blockers[0],
              case .voteFails(_, let failing, let homes) = move.blockers[1] else {
            Issue.record("unexpected blockers \(move.blockers)")
            return
        }
        #expect(stage == "design")
        #expect(fields == ["implementing_entity", "agreement_signed_on"])
        #expect(homes == 5)
        let owners = try #require(failing.first { $0.condition.measure.quantity == .owners })
        #expect(owners.numerator == 3 && owners.denominator == 5)
    }

    @Test func advanceIsRefusedForTheFirstBlockerAndThenForTheNext() throws {
        let state = try consulting()
        let advance = CaseCommand.advance(to: "vote-passed", fields: [:], note: nil)
        guard case .failure(let first) = CaseDecider.decide(advance, on: state, caseID: "C-1", workflow: workflow, context: context("2025-04-01")) else {
            Issue.record("the advance was accepted")
            return
        }
        #expect(first.message.contains("needs implementing_entity"))
        let withFields = CaseCommand.advance(to: "vote-passed", fields: ["implementing_entity": "德州城投", "agreement_signed_on": "2025-03-20"], note: nil)
        guard case .failure(let second) = CaseDecider.decide(withFields, on: state, caseID: "C-1", workflow: workflow, context: context("2025-04-01")) else {
            Issue.record("accepted although the vote fails")
            return
        }
        #expect(second.message.hasPrefix("vote rule not met"))
        #expect(second.message.contains("owners agreeing 3/5 of participants"))
    }

    @Test func aHelperIsToldThatAssigningNeedsAManager() throws {
        var state = try consulting()
        state.stage = "helper-assignment"
        state.helper = nil
        let move = try #require(CaseDecider.nextMove(of: state, workflow: workflow, context: context("2025-04-01", role: .helper)))
        #expect(move.blockers.map(\.kind) == ["role", "missing-value"])
        #expect(move.blockers.first == .role(actor: "李娜", role: .helper, needed: [.manager]))
    }

    @Test func aPublicNoticeNamesTheFirstDayItMayEnd() throws {
        var state = try consulting()
        state.stage = "public-notice"
        state.visits = [StageVisit(stage: "public-notice", enteredAt: Fixtures.time("2025-05-06T09:00"), leftAt: nil, suspensions: [])]
        for field in workflow.fieldsRequired(in: "joint-review") where state.fields[field.name] == nil {
            state.fields[field.name] = field.type == .date ? "2025-05-01" : "x"
        }
        let waiting = try #require(CaseDecider.nextMove(of: state, workflow: workflow, context: context("2025-05-15")))
        #expect(waiting.blockers == [.minimumDuration(MinimumWait(stage: "public-notice", minimum: .days(10), entered: Fixtures.date("2025-05-06"),
                                                                  runsUntil: Fixtures.date("2025-05-16"), firstAllowed: Fixtures.date("2025-05-17")))])
        #expect(CaseDecider.nextMove(of: state, workflow: workflow, context: context("2025-05-17"))?.isReady == true)
    }

    @Test func anOpenObjectionIsNamedOnceThoughTheGuardAlsoReadsIt() throws {
        var state = try consulting()
        state.stage = "public-notice"
        state.visits = [StageVisit(stage: "public-notice", enteredAt: Fixtures.time("2025-05-06T09:00"), leftAt: nil, suspensions: [])]
        for field in workflow.fieldsRequired(in: "joint-review") where state.fields[field.name] == nil {
            state.fields[field.name] = field.type == .date ? "2025-05-01" : "x"
        }
        state.apply(EventEnvelope(event: .objectionRaised(.init(number: 1, from: "王先生", text: "采光")), occurredAt: Fixtures.time("2025-05-08")),
                    workflow: workflow)
        let move = try #require(CaseDecider.nextMove(of: state, workflow: workflow, context: context("2025-05-20")))
        #expect(move.blockers.map(\.kind) == ["open-objections"])
        let refusal = CaseDecider.decide(.advance(to: nil, fields: [:], note: nil), on: state, caseID: "C-1", workflow: workflow, context: context("2025-05-20"))
        guard case .failure(let rejection) = refusal else { Issue.record("accepted with an open objection"); return }
        #expect(rejection.message.contains("while objections are open: #1 from 王先生"))
    }

    @Test func settingAFieldToTheValueItHasYieldsNoEvent() throws {
        let state = try consulting()
        let same = CaseDecider.decide(.setFields(["homes": "12"], note: nil), on: state, caseID: "C-1", workflow: workflow, context: context("2025-04-01"))
        #expect((try? same.get()) == [])
        let other = CaseDecider.decide(.setFields(["homes": "14"], note: nil), on: state, caseID: "C-1", workflow: workflow, context: context("2025-04-01"))
        #expect((try? other.get())?.count == 1)
    }

    @Test func aRepeatedBallotOrClassificationYieldsNoEventButAChangedOneDoes() throws {
        let state = try consulting()
        func events(_ command: CaseCommand) -> [CaseEvent]? {
            try? CaseDecider.decide(command, on: state, caseID: "C-1", workflow: workflow, context: context("2025-04-01")).get()
        }
        #expect(events(.castBallot(home: "101", vote: .agree)) == [])
        #expect(events(.castBallot(home: "101", vote: .object))?.count == 1)
        #expect(events(.classify(priority: .normal, difficulty: nil)) == [])
        #expect(events(.classify(priority: .urgent, difficulty: nil))?.count == 1)
        #expect(events(.assign(helper: "李娜")) == [])
        #expect(events(.castOwnerBallot(owner: "owner 202", vote: .object)) == [])
        #expect(events(.note("a note"))?.count == 1)
    }
}
