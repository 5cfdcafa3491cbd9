import Foundation
import RetrofitApp
import RetrofitCore
import RetrofitStore
import RetrofitTestSupport
import Testing

@Suite("Projections rebuilt from the log equal the live ones")
struct RebuildEqualsLiveTests {
    /// Values for every field a stage requires, so random advances can succeed.
    static func fields(for stage: String, in workflow: WorkflowDefinition, day: CivilDate) -> [String: String] {
        var values: [String: String] = [:]
        for field in workflow.fieldsRequired(in: stage) {
            switch field.type {
            case .date: values[field.name] = day.description
            case .integer: values[field.name] = "20"
            case .decimal: values[field.name] = "100000.50"
            case .boolean: values[field.name] = "true"
            case .enumeration(let options): values[field.name] = options.first ?? ""
            case .text: values[field.name] = "编号-\(field.name)"
            }
        }
        return values
    }

    @Test func afterASeededRandomHistoryOfFiveHundredCommands() async throws {
        let seed = UInt64(ProcessInfo.processInfo.environment["RETROFIT_SEED"] ?? "") ?? 20_251_129
        print("RebuildEqualsLiveTests seed: \(seed) (rerun with RETROFIT_SEED=\(seed))")
        var random = SplitMix(seed: seed)
        let store = try TemporaryStore.inMemory()
        var day = Fixtures.date("2025-01-02")
        var ids: [String] = []
        var accepted = 0
        var refused = 0
        for step in 0..<640 {
            if random.next() % 3 == 0 { day = day.adding(days: Int(random.next() % 4)) }
            let service = Fixtures.service(store, now: "\(day)T18:00")
            let at = Fixtures.time("\(day)T\(10 + Int(random.next() % 7)):00")
            let before = try store.head().sequence
            do {
                if ids.isEmpty || random.next() % 12 == 0 {
                    let workflow = random.next() % 4 == 0 ? "elevator-renewal" : "elevator-retrofit"
                    var fields = Fixtures.intakeFields(district: ["德城区", "陵城区", "禹城市"][Int(random.next() % 3)])
                    if workflow == "elevator-renewal" { fields["years_in_service"] = "\(10 + Int(random.next() % 15))" }
                    await ids.append(try service.open(workflowID: workflow, caseID: nil, fields: fields, at: at).caseID)
                } else {
                    let id = ids[Int(random.next() % UInt64(ids.count))]
                    let (state, workflow) = try await service.load(id)
                    let command = Self.randomCommand(state: state, workflow: workflow, day: day, random: &random)
                    // A command whose outcome is the case as it stands is accepted and appends nothing.
                    if try await !service.execute(command, caseID: id, at: at).changed {
                        #expect(try store.head().sequence == before, "an unchanged outcome wrote events at step \(step)")
                        continue
                    }
                }
                accepted += 1
                #expect(try store.head().sequence > before)
            } catch {
                refused += 1
                #expect(try store.head().sequence == before, "a refused command wrote events at step \(step): \(error)")
            }
            if step % 100 == 99 {
                let report = try store.rebuild(calendars: Fixtures.calendars, keep: false)
                #expect(report.identical, "rebuild differs at step \(step) in \(report.firstDifference ?? "?") (seed \(seed))")
            }
        }
        print("RebuildEqualsLiveTests: \(accepted) accepted, \(refused) refused, \(ids.count) cases")
        #expect(accepted >= 300)
        let report = try store.rebuild(calendars: Fixtures.calendars, keep: true)
        #expect(report.identical, "final rebuild differs in \(report.firstDifference ?? "?") (seed \(seed))")
        #expect(try store.verifyChain().isIntact)
        #expect(try store.integrityCheck().isEmpty)
    }

    static func randomCommand(state: CaseState, workflow: WorkflowDefinition, day: CivilDate, random: inout SplitMix) -> CaseCommand {
        let stage = workflow.stage(state.stage)
        switch random.next() % 14 {
        case 0: return .note("第\(random.next() % 100)次回访")
        case 1: return .suspend(reason: SuspensionReason.allCases[Int(random.next() % 4)], note: nil)
        case 2, 3: return .resume(note: nil)
        case 4: return .assign(helper: ["李娜", "刘洋"][Int(random.next() % 2)])
        case 5: return random.next() % 6 == 0 ? .withdraw(reason: "放弃") : .classify(priority: .urgent, difficulty: .easy)
        case 6:
            let number = "1-\(1 + random.next() % 6)01"
            guard let area = Area(hundredths: 6_000 + Int(random.next() % 5_000)),
                  let home = try? Home(number: number, floor: 1 + Int(random.next() % 6), area: area, owner: "业主\(random.next() % 5)") else { return .note("x") }
            return .recordHome(home)
        case 7: return .castBallot(home: "1-\(1 + random.next() % 6)01", vote: BallotChoice.allCases[Int(random.next() % 3)])
        case 8: return .raiseObjection(from: "张三", text: "采光")
        case 9: return .resolveObjection(number: 1 + Int(random.next() % 2), outcome: .mediated, note: nil)
        case 10: return .setFields(["floors": "\(5 + random.next() % 3)"], note: nil)
        default:
            guard let stage, !stage.transitions.isEmpty else { return .note("end") }
            let transition = stage.transitions[Int(random.next() % UInt64(stage.transitions.count))]
            return .advance(to: transition.name, fields: fields(for: transition.to, in: workflow, day: day), note: nil)
        }
    }
}

/// SplitMix64, for reproducible random histories in tests.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
