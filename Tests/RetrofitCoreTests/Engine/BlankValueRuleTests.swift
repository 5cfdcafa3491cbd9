import RetrofitCore
import RetrofitTestSupport
import Testing

/// "Blank is not set" is one rule of the engine: what commands give, what the log holds, what guards and requirements read.
@Suite("Blank is not a value, in the engine")
struct BlankValueRuleTests {
    let workflow: WorkflowDefinition
    let calendar: WorkingCalendar

    init() throws {
        workflow = try Fixtures.workflow("elevator-retrofit")
        calendar = try #require(Fixtures.calendar)
    }

    func context(_ at: String, role: Role? = nil, actor: String = "李娜", people: [PersonRegistered] = []) -> CommandContext {
        CommandContext(actor: actor, role: role, occurredAt: Fixtures.time(at), now: Fixtures.time("2025-12-31"), calendar: calendar,
                       people: people)
    }

    func opened() throws -> CaseState {
        let events = try CaseDecider.decide(.open(fields: Fixtures.intakeFields(), priority: .normal, difficulty: .normal, helper: nil),
                                            on: nil, caseID: "C-1", workflow: workflow, context: context("2025-03-03")).get()
        return try #require(CaseState.start(id: "C-1", workflow: workflow, with: EventEnvelope(event: events[0], occurredAt: Fixtures.time("2025-03-03"))))
    }

    @Test("blank means empty or only white space, the ideographic space and line breaks included", arguments: [
        ("", true), (" ", true), ("\t", true), ("\u{3000}", true), (" \r\n ", true), ("\u{00A0}", true), ("0", false), (" x ", false),
    ])
    func blankness(text: String, blank: Bool) {
        #expect(FieldValue.isBlank(text) == blank)
    }

    @Test("a blank in a logged event unsets the field, so a case written by an older retrofit reads it as not set")
    func loggedBlanksUnset() throws {
        var state = try opened()
        state.apply(EventEnvelope(event: .fieldsSet(.init(fields: ["address": "  ", "subsidy_amount": "100"])), occurredAt: Fixtures.time("2025-03-04")),
                    workflow: workflow)
        #expect(state.fields["address"] == nil)
        #expect(state.fields["subsidy_amount"] == "100")
        let start = try #require(CaseState.start(id: "C-2", workflow: workflow, with: EventEnvelope(
            event: .opened(.init(stage: "intake", fields: ["address": "", "district": "德城区"], priority: .normal, difficulty: .normal)),
            occurredAt: Fixtures.time("2025-03-03"))))
        #expect(start.fields == ["district": "德城区"])
        // And the engine then asks for it before the case may move on.
        let refused = CaseDecider.decide(.advance(to: nil, fields: [:], note: nil), on: state, caseID: "C-1", workflow: workflow,
                                         context: context("2025-03-05"))
        guard case .failure(let rejection) = refused else { Issue.record("a case without its address advanced"); return }
        #expect(rejection.kind == .notAllowed)
        #expect(rejection.message.contains("needs address (地址 / Address)"))
    }

    @Test("clearing removes the fields it names; a blank set cannot stand in for it")
    func clearingRemoves() throws {
        var state = try opened()
        state.apply(EventEnvelope(event: .fieldsSet(.init(fields: ["subsidy_amount": "100"])), occurredAt: Fixtures.time("2025-03-04")), workflow: workflow)
        let events = try CaseDecider.decide(.clearFields(["subsidy_amount", "subsidy_amount"], note: nil), on: state, caseID: "C-1",
                                            workflow: workflow, context: context("2025-03-05")).get()
        #expect(events == [.fieldsCleared(.init(fields: ["subsidy_amount"]))])
        state.apply(EventEnvelope(event: events[0], occurredAt: Fixtures.time("2025-03-05")), workflow: workflow)
        #expect(state.fields["subsidy_amount"] == nil)
        let blankSet = CaseDecider.decide(.setFields(["subsidy_amount": ""], note: nil), on: state, caseID: "C-1", workflow: workflow,
                                          context: context("2025-03-05"))
        #expect(throws: Rejection.self) { try blankSet.get() }
    }

    @Test("the payload of a clearing and of an assignment across districts is written as JSONEncoder writes it and reads back")
    func payloads() throws {
        for event: CaseEvent in [.fieldsCleared(.init(fields: ["amount", "paid_on"], note: "复核")), .fieldsCleared(.init(fields: [])),
                                 .helperAssigned(.init(helper: "刘洋", anyDistrict: true)), .helperAssigned(.init(helper: "李娜"))] {
            let json = try event.payloadJSON()
            #expect(json == (try event.foundationPayloadJSON()))
            #expect(try CaseEvent.decode(type: event.type, payload: json) == event)
        }
        #expect(try CaseEvent.helperAssigned(.init(helper: "李娜")).payloadJSON() == #"{"helper":"李娜"}"#)
        #expect(try CaseEvent.fieldsCleared(.init(fields: ["amount"])).payloadJSON() == #"{"fields":["amount"]}"#)
    }

    @Test("with people registered, the helper must be a registered helper of the case's district unless a manager says any district")
    func helperChecks() throws {
        let people = [PersonRegistered(name: "王芳", role: .manager, district: nil),
                      PersonRegistered(name: "李娜", role: .helper, district: "德城区"),
                      PersonRegistered(name: "刘洋", role: .helper, district: "陵城区")]
        let state = try opened()
        func decide(_ helper: String, anyDistrict: Bool = false, role: Role = .manager) -> Result<[CaseEvent], Rejection> {
            CaseDecider.decide(.assign(helper: helper, anyDistrict: anyDistrict), on: state, caseID: "C-1", workflow: workflow,
                               context: context("2025-03-04", role: role, actor: role == .manager ? "王芳" : "李娜", people: people))
        }
        #expect(try decide("李娜").get() == [.helperAssigned(.init(helper: "李娜"))])
        #expect(throws: Rejection.self) { try decide("李那").get() }
        #expect(throws: Rejection.self) { try decide("王芳").get() }
        #expect(throws: Rejection.self) { try decide("刘洋").get() }
        #expect(throws: Rejection.self) { try decide("刘洋", anyDistrict: true, role: .helper).get() }
        #expect(try decide("刘洋", anyDistrict: true).get() == [.helperAssigned(.init(helper: "刘洋", anyDistrict: true))])
        // An empty register: anyone may act, and any name may be given.
        let free = CaseDecider.decide(.assign(helper: "随便"), on: state, caseID: "C-1", workflow: workflow, context: context("2025-03-04"))
        #expect(try free.get() == [.helperAssigned(.init(helper: "随便"))])
    }
}
