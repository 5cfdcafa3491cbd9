import Foundation
import RetrofitApp
import RetrofitCore
import RetrofitTestSupport
import Testing

/// The district rules through RetrofitApp: what each signed-in person reads and changes, on a real (in-memory)
/// database with two districts.
@Suite("Signed-in people see and change the cases their role and districts allow")
struct AuthorizationCaseTests {
    typealias Bench = AuthorizationBench

    /// Every use case that names one case, each run for a case id by an actor.
    enum CaseOperation: String, CaseIterable, Sendable {
        case show, showAsOf, history, explain, advance, note, setFields, tally, homes, objections, castBallot, recordHome,
             removeHome, raiseObjection, resolveObjection, planBallotImport

        func run(_ app: RetrofitApp, _ caseID: String, by actor: Actor) async throws {
            let at = Fixtures.time("2025-06-30T10:00")
            switch self {
            case .show: _ = try await app.showCase(ShowCaseRequest(caseID: caseID), by: actor)
            case .showAsOf: _ = try await app.showCase(ShowCaseRequest(caseID: caseID, asOf: Fixtures.date("2025-03-03")), by: actor)
            case .history: _ = try await app.caseHistory(CaseHistoryRequest(caseID: caseID), by: actor)
            case .explain: _ = try await app.explainCase(ExplainCaseRequest(caseID: caseID), by: actor)
            case .advance:
                _ = try await app.changeCase(CaseChangeRequest(caseID: caseID, command: .advance(to: nil, fields: [:], note: nil), at: at), by: actor)
            case .note: _ = try await app.changeCase(CaseChangeRequest(caseID: caseID, command: .note("看过"), at: at), by: actor)
            case .setFields:
                _ = try await app.changeCase(CaseChangeRequest(caseID: caseID, command: .setFields(["floors": "7"], note: nil), at: at), by: actor)
            case .tally: _ = try await app.tally(TallyRequest(caseID: caseID), by: actor)
            case .homes: _ = try await app.homes(HomeListRequest(caseID: caseID), by: actor)
            case .objections: _ = try await app.objections(ObjectionListRequest(caseID: caseID), by: actor)
            case .castBallot:
                _ = try await app.castBallot(CastBallotRequest(caseID: caseID, voter: .home("2-101"), vote: .agree, at: at), by: actor)
            case .recordHome:
                _ = try await app.recordHome(RecordHomeRequest(caseID: caseID, home: try .row("2-101", 1, "89.53", "赵敏"), at: at), by: actor)
            case .removeHome: _ = try await app.removeHome(RemoveHomeRequest(caseID: caseID, home: "2-101", at: at), by: actor)
            case .raiseObjection:
                _ = try await app.raiseObjection(RaiseObjectionRequest(caseID: caseID, from: "王先生", text: "担心采光", at: at), by: actor)
            case .resolveObjection:
                _ = try await app.resolveObjection(ResolveObjectionRequest(caseID: caseID, number: 1, outcome: .mediated, at: at), by: actor)
            case .planBallotImport:
                _ = try await app.planBallotImport(BallotImportRequest(caseID: caseID, file: "ballots.csv", header: ["home", "vote"],
                                                                       rows: [["2-101", "agree"]]), by: actor)
            }
        }
    }

    @Test("a helper is answered for another district's case exactly as for a case that does not exist",
          arguments: CaseOperation.allCases)
    func anotherDistrictsCaseIsNotFound(operation: CaseOperation) async throws {
        let bench = try await Bench()
        let before = try await bench.versions()
        let missing = await Bench.error { try await operation.run(bench.app, Bench.missing, by: Bench.li) }
        let hidden = await Bench.error { try await operation.run(bench.app, Bench.other, by: Bench.li) }
        #expect(missing?.category == .notFound && hidden?.category == .notFound, "\(String(describing: missing)) / \(String(describing: hidden))")
        #expect(hidden?.message == missing?.message.replacingOccurrences(of: Bench.missing, with: Bench.other))
        #expect(hidden?.message == "case \(Bench.other) does not exist")
        #expect(hidden?.hints == missing?.hints && hidden?.detail == missing?.detail)
        #expect(try await bench.versions() == before, "a refused request wrote")
    }

    @Test func aHelperReadsTheCasesOfTheirDistrictAndTheCasesAssignedToThem() async throws {
        let bench = try await Bench()
        for caseID in [Bench.own, Bench.assigned] {
            #expect(try await bench.app.showCase(ShowCaseRequest(caseID: caseID), by: Bench.li).summary.id == caseID)
            #expect(try await bench.app.caseHistory(CaseHistoryRequest(caseID: caseID), by: Bench.li).events.isEmpty == false)
            #expect(try await bench.app.homes(HomeListRequest(caseID: caseID), by: Bench.li).caseID == caseID)
        }
        #expect(try await bench.app.showCase(ShowCaseRequest(caseID: Bench.other), by: Bench.chen).summary.id == Bench.other)
        let noted = try await bench.app.changeCase(CaseChangeRequest(caseID: Bench.assigned, command: .note("已联系业主"),
                                                                     at: Fixtures.time("2025-06-30T10:00")), by: Bench.li)
        #expect(noted.changed)
    }

    @Test func listsOverdueAndQueueHoldOnlyTheCasesAHelperSees() async throws {
        let bench = try await Bench()
        let app = bench.app
        #expect(try await app.listCases(CaseSelection(), by: Bench.li).cases.map(\.id) == [Bench.own, Bench.assigned])
        #expect(try await app.listCases(CaseSelection(district: "禹城市"), by: Bench.li).cases.map(\.id) == [Bench.assigned])
        #expect(try await app.listCases(CaseSelection(), by: Bench.chen).cases.map(\.id) == [Bench.other, Bench.assigned])
        #expect(try await app.listCases(CaseSelection(), by: Bench.wang).cases.map(\.id) == [Bench.own, Bench.other, Bench.assigned])
        #expect(try await app.listCases(CaseSelection(), by: Bench.liu).cases.count == 3)

        let everyone = try await app.overdue(OverdueRequest(), by: Bench.wang).entries.map(\.id)
        #expect(Set(everyone) == [Bench.own, Bench.other, Bench.assigned])
        #expect(Set(try await app.overdue(OverdueRequest(), by: Bench.li).entries.map(\.id)) == [Bench.own, Bench.assigned])
        #expect(Set(try await app.overdue(OverdueRequest(), by: Bench.chen).entries.map(\.id)) == [Bench.other, Bench.assigned])
        let replayed = try await app.overdue(OverdueRequest(asOf: Fixtures.date("2025-06-01")), by: Bench.li)
        #expect(replayed.replayed && Set(replayed.entries.map(\.id)) == [Bench.own, Bench.assigned])

        #expect(try await app.queue(QueueRequest(), by: Bench.li).entries.map(\.id) == [Bench.assigned])
        #expect(try await app.queue(QueueRequest(helper: "李娜"), by: Bench.li).entries.map(\.id) == [Bench.assigned])
        #expect(try await app.queue(QueueRequest(helper: "陈刚"), by: Bench.wang).entries.map(\.id) == [Bench.other])
        let refused = await Bench.error { _ = try await app.queue(QueueRequest(helper: "陈刚"), by: Bench.li) }
        #expect(refused == .forbidden("李娜 is a helper; a helper sees their own queue, not 陈刚's"))
    }

    @Test func aHelperWithNoDistrictSeesOnlyTheCasesAssignedToThem() async throws {
        let bench = try await Bench()
        let drifter = Actor(signedIn: SignedInPerson(name: "李娜", role: .helper, districts: []))
        #expect(try await bench.app.listCases(CaseSelection(), by: drifter).cases.map(\.id) == [Bench.assigned])
        let hidden = await Bench.error { _ = try await bench.app.showCase(ShowCaseRequest(caseID: Bench.own), by: drifter) }
        #expect(hidden?.category == .notFound)
    }

    @Test func aHelperOpensCasesOnlyInTheirDistrictAndNeverChoosesTheId() async throws {
        let bench = try await Bench()
        let before = try await bench.versions()
        let elsewhere = await Bench.error {
            try await bench.open(fields: Fixtures.intakeFields(district: "禹城市"), at: "2025-06-30T10:00", by: Bench.li)
        }
        #expect(elsewhere == .forbidden("李娜 is a helper in 德城区; case ER-2025-0004 is in 禹城市"))
        let named = await Bench.error { try await bench.open(Bench.other, at: "2025-06-30T10:00", by: Bench.li) }
        #expect(named?.category == .forbidden && named?.message.hasPrefix("李娜 is a helper;") == true, "\(String(describing: named))")
        let namedFree = await Bench.error { try await bench.open("ER-2025-0500", at: "2025-06-30T10:00", by: Bench.li) }
        #expect(namedFree?.category == .forbidden && namedFree?.message == named?.message.replacingOccurrences(of: Bench.other, with: "ER-2025-0500"))
        #expect(try await bench.versions() == before)
        let moved = await Bench.error {
            try await bench.change(Bench.own, .setFields(["district": "禹城市"], note: nil), at: "2025-06-30T10:00", by: Bench.li)
        }
        #expect(moved == .forbidden("李娜 is a helper in 德城区; a helper may not move case ER-2025-0001 to 禹城市"))
        #expect(try await bench.versions() == before)
    }

    @Test("an auditor reads every case and writes none, the rule named", arguments: [CaseOperation.advance, .note, .setFields,
                                                                                    .castBallot, .recordHome, .raiseObjection,
                                                                                    .planBallotImport])
    func anAuditorWritesNothing(operation: CaseOperation) async throws {
        let bench = try await Bench()
        let before = try await bench.versions()
        for caseID in [Bench.own, Bench.other, Bench.missing] {
            let refused = await Bench.error { try await operation.run(bench.app, caseID, by: Bench.liu) }
            #expect(refused == .forbidden("刘洋 is an auditor; auditors read cases and write nothing"))
        }
        let opened = await Bench.error { try await bench.open(at: "2025-06-30T10:00", by: Bench.liu) }
        #expect(opened == .forbidden("刘洋 is an auditor; auditors read cases and write nothing"))
        #expect(try await bench.versions() == before)
        #expect(try await bench.app.showCase(ShowCaseRequest(caseID: Bench.other), by: Bench.liu).summary.id == Bench.other)
    }

    @Test func managersAndAdminsReadEveryCaseAndWriteThroughTheEnginesRoleChecks() async throws {
        let bench = try await Bench()
        for actor in [Bench.wang, Bench.zhang] {
            #expect(try await bench.app.explainCase(ExplainCaseRequest(caseID: Bench.other), by: actor).explanation.isEmpty == false)
        }
        let noted = try await bench.change(Bench.other, .note("经理已阅"), at: "2025-06-30T10:00", by: Bench.wang)
        #expect(noted.changed)
        // The admin is not among the stage's roles: the engine, not the district rules, refuses.
        let advanced = await Bench.error {
            try await bench.change(Bench.own, .advance(to: nil, fields: [:], note: nil), at: "2025-06-30T10:00", by: Bench.zhang)
        }
        #expect(advanced?.category == .forbidden && advanced?.message.hasPrefix("张伟 is an admin;") == true, "\(String(describing: advanced))")
    }

    @Test func aLocalOperatorIsUnchangedBySignIn() async throws {
        let bench = try await Bench()
        let local = Actor(name: "李娜")
        #expect(local.signedIn == nil)
        #expect(try await bench.app.listCases(CaseSelection(), by: local).cases.count == 3)
        #expect(try await bench.app.showCase(ShowCaseRequest(caseID: Bench.other), by: local).summary.id == Bench.other)
        #expect(try await bench.app.queue(QueueRequest(helper: "陈刚"), by: local).entries.map(\.id) == [Bench.other])
        let history = await Bench.error { _ = try await bench.app.caseHistory(CaseHistoryRequest(caseID: Bench.missing), by: local) }
        #expect(history == AppError(.notFound, "case \(Bench.missing) does not exist"))
    }

    @Test func theActorOfEveryEventIsTheSignedInPerson() async throws {
        let bench = try await Bench()
        let person = SignedInPerson(name: "李娜", role: .helper, districts: ["德城区"])
        let actor = Actor(signedIn: person)
        #expect(actor.name == person.name && actor.signedIn == person)
        try await bench.change(Bench.own, .note("现场核实"), at: "2025-06-30T10:00", by: actor)
        let opened = try await bench.open(fields: Fixtures.intakeFields(district: "德城区"), at: "2025-06-30T11:00", by: actor)
        for caseID in [Bench.own, opened.caseID] {
            let events = try await bench.app.caseHistory(CaseHistoryRequest(caseID: caseID), by: Bench.wang).events
            #expect(events.last?.actor == "李娜")
        }
        let setup = try await bench.app.caseHistory(CaseHistoryRequest(caseID: Bench.assigned), by: Bench.wang).events
        #expect(!setup.isEmpty && setup.allSatisfy { $0.actor == "王芳" })
    }
}
