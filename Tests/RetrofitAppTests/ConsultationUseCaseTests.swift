import RetrofitApp
import RetrofitCore
import RetrofitTestSupport
import Testing

@Suite("A consultation through the application layer alone")
struct ConsultationUseCaseTests {
    static let caseID = "ER-2025-0001"
    static let designFields = ["implementing_entity": "新华小区业委会", "agreement_signed_on": "2025-05-25"]

    @Test("a failing vote refuses the advance with its figures; more ballots make it pass and the case advances")
    func aWholeVote() async throws {
        let bench = try ConsultationWorkbench()
        let app = bench.app, helper = bench.helper, caseID = Self.caseID
        try await bench.openInConsultation(caseID)

        let homes = try ConsultationWorkbench.table(ConsultationWorkbench.homesCSV, file: "homes.csv")
        let homePlan = app.planHomeImport(HomeImportRequest(caseID: caseID, file: "homes.csv", header: homes.header, rows: homes.rows,
                                                            at: Fixtures.time("2025-05-19")))
        #expect(homePlan.problems.isEmpty)
        let imported = try await app.importHomes(homePlan, by: helper)
        #expect(imported.recorded == 13)
        #expect(imported.corrected == 0)
        #expect(imported.write.register == RegisterSize(homes: 13, owners: 12, area: "1000.00", voted: 0))

        let ballots = try ConsultationWorkbench.table(ConsultationWorkbench.firstBallotsCSV, file: "ballots.csv")
        let ballotPlan = try await app.planBallotImport(
            BallotImportRequest(caseID: caseID, file: "ballots.csv", header: ballots.header, rows: ballots.rows,
                                undatedAt: Fixtures.time("2025-05-24")), by: helper)
        #expect(ballotPlan.problems.isEmpty)
        // Recorded in date order: 1-101 (05-19) first, the undated 1-501 (at 05-24) last.
        #expect(ballotPlan.ballots.count == 13)
        let recorded = try await app.importBallots(ballotPlan, by: helper)
        #expect(recorded.recorded == 13)
        #expect(recorded.replacing == 0)
        #expect(recorded.write.register.voted == 13)

        let failing = try await app.tally(TallyRequest(caseID: caseID), by: helper)
        #expect(failing.rulePasses == false)
        #expect(failing.rule?.stage == "consultation")
        let agreeing = try #require(failing.figures["agreeing"])
        #expect(agreeing.owners == 8)
        #expect(agreeing.ownersShare?.fraction == "8/12")
        #expect(agreeing.ownersShare?.exact == "2/3")
        #expect(agreeing.areaShare?.fraction == "680.00/1000.00")
        #expect(agreeing.areaShare?.exact == "17/25")
        #expect(failing.figures["participating"]?.ownersShare?.exact == "1")
        #expect(failing.figures["objecting"]?.ownersShare?.exact == "1/4")
        #expect(failing.figures["abstaining"]?.areaShare?.fraction == "80.00/1000.00")
        #expect(failing.figures["absent"]?.owners == 0)
        #expect(failing.conditions.filter { !$0.passes }.map(\.condition)
                == ["agreeing area at least 3/4 of participating area", "agreeing owners at least 3/4 of participating owners"])

        let refusal = await #expect(throws: AppError.self) {
            try await bench.advance(caseID, fields: Self.designFields, at: "2025-05-26")
        }
        #expect(refusal?.category == .refused)
        #expect(refusal?.message.contains("owners agreeing 8/12 of participants; needs at least 3/4") == true, "\(String(describing: refusal))")
        #expect(refusal?.message.contains("area agreeing 680.00/1000.00 m² of participants; needs at least 3/4") == true)
        #expect(refusal?.message.contains("owners participating") == false, "passing conditions are not listed")

        // 钱坤 changes his ballot: 9/12 is exactly 3/4, which "at least" includes; 760/1000 m².
        let changed = try await app.castBallot(CastBallotRequest(caseID: caseID, voter: .home(" 1-102 "), vote: .agree,
                                                                 at: Fixtures.time("2025-05-27")), by: helper)
        #expect(changed.home == "1-102")
        #expect(changed.replaced == .object)
        #expect(changed.ballots == 1)
        let passing = try await app.tally(TallyRequest(caseID: caseID), by: helper)
        #expect(passing.rulePasses == true)
        #expect(passing.figures["agreeing"]?.ownersShare?.fraction == "9/12")
        #expect(passing.figures["agreeing"]?.ownersShare?.exact == "3/4")
        #expect(passing.figures["agreeing"]?.areaShare?.exact == "19/25")
        #expect(passing.conditions.allSatisfy { $0.passes })

        let advanced = try await bench.advance(caseID, fields: Self.designFields, at: "2025-05-28")
        #expect(advanced.state.stage == "design")
    }

    @Test("a home is recorded, corrected, left as it is when nothing differs, listed and removed")
    func homesOneByOne() async throws {
        let bench = try ConsultationWorkbench()
        let app = bench.app, helper = bench.helper, caseID = Self.caseID
        try await bench.openInConsultation(caseID)
        let home = try Home(number: "3-201", floor: 2, area: Area(parsing: "89.53"), owner: "王伟")

        let first = try await app.recordHome(RecordHomeRequest(caseID: caseID, home: home), by: helper)
        #expect(first.write.changed)
        #expect(!first.corrected)
        let again = try await app.recordHome(RecordHomeRequest(caseID: caseID, home: home), by: helper)
        #expect(!again.write.changed)
        let larger = try Home(number: "3-201", floor: 2, area: Area(parsing: "90.00"), owner: "王伟")
        let correction = try await app.recordHome(RecordHomeRequest(caseID: caseID, home: larger), by: helper)
        #expect(correction.corrected)
        #expect(correction.write.register == RegisterSize(homes: 1, owners: 1, area: "90.00", voted: 0))

        _ = try await app.castBallot(CastBallotRequest(caseID: caseID, voter: .owner("王伟"), vote: .abstain), by: helper)
        let list = try await app.homes(HomeListRequest(caseID: caseID), by: helper)
        #expect(list.homes == [HomeEntry(larger, vote: .abstain)])

        let removed = try await app.removeHome(RemoveHomeRequest(caseID: caseID, home: "3-201 "), by: helper)
        #expect(removed.home == "3-201")
        #expect(removed.write.register.homes == 0)
        let tally = await #expect(throws: AppError.self) { try await app.tally(TallyRequest(caseID: caseID), by: helper) }
        #expect(tally?.category == .refused)
    }

    @Test("an owner of two homes votes once for both; the same vote again changes nothing")
    func anOwnersBallot() async throws {
        let bench = try ConsultationWorkbench()
        let app = bench.app, helper = bench.helper, caseID = Self.caseID
        try await bench.openInConsultation(caseID)
        let homes = try ConsultationWorkbench.table(ConsultationWorkbench.homesCSV, file: "homes.csv")
        _ = try await app.importHomes(app.planHomeImport(HomeImportRequest(caseID: caseID, file: "homes.csv", header: homes.header,
                                                                           rows: homes.rows)), by: helper)

        let both = try await app.castBallot(CastBallotRequest(caseID: caseID, voter: .owner(" 王伟"), vote: .agree), by: helper)
        #expect(both.owner == "王伟")
        #expect(both.ballots == 2)
        #expect(both.write.register.voted == 2)
        let same = try await app.castBallot(CastBallotRequest(caseID: caseID, voter: .owner("王伟"), vote: .agree), by: helper)
        #expect(!same.write.changed)
        #expect(same.ballots == 0)

        let split = await #expect(throws: AppError.self) {
            try await app.castBallot(CastBallotRequest(caseID: caseID, voter: .home("1-701"), vote: .object), by: helper)
        }
        #expect(split?.category == .badInput)
    }

    @Test("a ballots file with unknown homes and bad dates lists every problem and records nothing")
    func aBallotsFileWithProblems() async throws {
        let bench = try ConsultationWorkbench()
        let app = bench.app, helper = bench.helper, caseID = Self.caseID
        try await bench.openInConsultation(caseID)
        let homes = try ConsultationWorkbench.table(ConsultationWorkbench.homesCSV, file: "homes.csv")
        _ = try await app.importHomes(app.planHomeImport(HomeImportRequest(caseID: caseID, file: "homes.csv", header: homes.header,
                                                                           rows: homes.rows, at: Fixtures.time("2025-05-19"))), by: helper)

        let unknown = try ConsultationWorkbench.table("home,vote\n1-101,agree\n9-999,agree\n", file: "ballots.csv")
        let unknownPlan = try await app.planBallotImport(BallotImportRequest(caseID: caseID, file: "ballots.csv", header: unknown.header,
                                                                             rows: unknown.rows), by: helper)
        #expect(unknownPlan.problems.map(\.description)
                == ["ballots.csv:3: column home: there is no home 9-999 in the register; record the home before casting its ballot"])

        let dated = try ConsultationWorkbench.table("home,日期,vote\n1-101,2025-05-18,agree\n1-102,2025-08-01,agree\n1-201,,agree\n",
                                                    file: "ballots.csv")
        let datedPlan = try await app.planBallotImport(BallotImportRequest(caseID: caseID, file: "ballots.csv", header: dated.header,
                                                                           rows: dated.rows), by: helper)
        #expect(datedPlan.problems.map(\.row) == [2, 3])
        #expect(datedPlan.problems.allSatisfy { $0.column == "日期" })
        #expect(datedPlan.problems[1].description
                == "ballots.csv:3: column 日期: date 2025-08-01 is in the future (today is 2025-07-01); ballots cannot be recorded ahead of time")
        let failure = await #expect(throws: AppError.self) { try await app.importBallots(datedPlan, by: helper) }
        #expect(failure == AppError.badInput("ballots.csv: 2 problems found; no ballot was recorded"))
        #expect(try await app.homes(HomeListRequest(caseID: caseID), by: helper).homes.allSatisfy { $0.vote == nil })

        let empty = try ConsultationWorkbench.table("home,vote\n\n", file: "ballots.csv")
        let nothing = await #expect(throws: AppError.self) {
            try await app.planBallotImport(BallotImportRequest(caseID: caseID, file: "ballots.csv", header: empty.header, rows: empty.rows),
                                           by: helper)
        }
        #expect(nothing == AppError.badInput("ballots.csv: the file has a header but no ballots; no ballot was recorded"))
    }

    @Test("a register file with a bad area is refused row by row")
    func aRegisterFileWithProblems() throws {
        let bench = try ConsultationWorkbench()
        let homes = try ConsultationWorkbench.table("房号,楼层,面积,业主\n1-101,1,80.00,赵敏\n1-102,1,89.531,钱坤\n", file: "homes.csv")
        let plan = bench.app.planHomeImport(HomeImportRequest(caseID: Self.caseID, file: "homes.csv", header: homes.header, rows: homes.rows))
        #expect(plan.homes.isEmpty)
        #expect(plan.problems.count == 1)
        #expect(plan.problems.first?.description.hasPrefix("homes.csv:3: column 面积: area '89.531' has more than two decimals") == true)
    }

    @Test("objections are raised in public notice, resolved with a note, and listed with it")
    func objections() async throws {
        let bench = try ConsultationWorkbench()
        let app = bench.app, helper = bench.helper, caseID = Self.caseID
        try await bench.openInConsultation(caseID)
        let homes = try ConsultationWorkbench.table(ConsultationWorkbench.homesCSV, file: "homes.csv")
        _ = try await app.importHomes(app.planHomeImport(HomeImportRequest(caseID: caseID, file: "homes.csv", header: homes.header,
                                                                           rows: homes.rows, at: Fixtures.time("2025-05-19"))), by: helper)
        _ = try await app.castBallot(CastBallotRequest(caseID: caseID, voter: .owner("王伟"), vote: .agree, at: Fixtures.time("2025-05-20")), by: helper)
        for home in ["1-101", "1-102", "1-201", "1-202", "1-301", "1-302", "1-401", "1-402", "1-501", "1-502", "1-601"] {
            _ = try await app.castBallot(CastBallotRequest(caseID: caseID, voter: .home(home), vote: .agree, at: Fixtures.time("2025-05-20")),
                                         by: helper)
        }

        let early = await #expect(throws: AppError.self) {
            try await app.raiseObjection(RaiseObjectionRequest(caseID: caseID, from: "赵敏", text: "采光", at: Fixtures.time("2025-05-21")), by: helper)
        }
        #expect(early?.category == .refused)
        _ = try await bench.advance(caseID, fields: Self.designFields, at: "2025-05-28")
        _ = try await bench.advance(caseID, fields: ["design_scheme_no": "SJ-2025-01"], at: "2025-06-09")

        let raised = try await app.raiseObjection(RaiseObjectionRequest(caseID: caseID, from: "赵敏", text: "一楼采光受影响",
                                                                        at: Fixtures.time("2025-06-10")), by: helper)
        #expect(raised.number == 1)
        #expect(raised.open == 1)
        let closed = try await app.resolveObjection(ResolveObjectionRequest(caseID: caseID, number: 1, outcome: .mediated, note: "调解达成补偿协议",
                                                                            at: Fixtures.time("2025-06-20")), by: helper)
        #expect(closed.open == 0)
        let again = try await app.resolveObjection(ResolveObjectionRequest(caseID: caseID, number: 1, outcome: .mediated), by: helper)
        #expect(!again.write.changed)

        let list = try await app.objections(ObjectionListRequest(caseID: caseID), by: helper)
        #expect(list.open == 0)
        #expect(list.objections.map(\.number) == [1])
        #expect(list.objections.first?.outcome == "mediated")
        #expect(list.objections.first?.note == "调解达成补偿协议")
        #expect(list.objections.first?.resolvedAt?.hasPrefix("2025-06-20") == true)
    }
}
