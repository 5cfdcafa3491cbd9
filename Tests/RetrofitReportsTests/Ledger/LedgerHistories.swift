import Foundation
import RetrofitApp
import RetrofitCore
import RetrofitReports
import RetrofitStore
import RetrofitTestSupport

/// Random ledgers and random case histories on the shipped elevator-retrofit workflow.
enum LedgerHistories {
    static func caseID(_ index: Int) -> String { "RT-\(index)" }

    static let awkwardTexts = ["德州市德城区新华路12号, 3栋", "say \"hi\"", "two\nlines", "=1+1", "-5", "@x", "'=kept", " padded "]

    /// A valid value of `field`'s type.
    static func value(_ field: FieldDefinition, using random: inout LedgerRandom) -> String {
        switch field.type {
        case .text: random.chance(30) ? random.pick(awkwardTexts) ?? "t" : "\(field.name)-\(Int.random(in: 1...999, using: &random))"
        case .integer: "\(Int.random(in: 1...30, using: &random))"
        case .decimal: "\(Int.random(in: 1...200_000, using: &random)).5"
        case .date: field.name.contains("finished") ? "2025-01-03" : "2025-01-02"
        case .boolean: random.chance(50) ? "true" : "false"
        case .enumeration(let values): random.pick(values) ?? ""
        }
    }

    /// A ledger of `cases` rows in random stages, every field filled, earlier stage dates increasing.
    static func ledger(_ workflow: WorkflowDefinition, cases: Int, using random: inout LedgerRandom) -> Data {
        let header = ["id", "workflow"] + workflow.fields.map(\.name) + ["stage", "entered"]
            + workflow.stages.map { "entered:\($0.id)" } + ["helper", "priority", "difficulty"]
        var rows = [header]
        for index in 0..<cases {
            let stageIndex = Int.random(in: 0..<workflow.stages.count, using: &random)
            var day = CivilDate(year: 2025, month: 1, day: 6) ?? CivilDate(dayNumber: 20_000)
            var dates: [String: String] = [:]
            for stage in workflow.stages.prefix(stageIndex) where random.chance(80) {
                dates[stage.id] = day.description
                day = day.adding(days: Int.random(in: 0...6, using: &random))
            }
            var row = [caseID(index), workflow.id] + workflow.fields.map { value($0, using: &random) }
            row += [workflow.stages[stageIndex].id, day.description] + workflow.stages.map { dates[$0.id] ?? "" }
            row += [random.pick(["李娜", "王强", ""]) ?? "", random.pick(["urgent", "normal", ""]) ?? "", random.pick(["easy", "hard", ""]) ?? ""]
            rows.append(row)
        }
        return LedgerCSV.write(rows.map { $0.map(LedgerCSV.neutralised) })
    }

    /// Moves a case `steps` times at random: mostly along its transitions (forward or back), with
    /// notes, suspensions, field changes and the odd withdrawal. Refusals are part of the walk.
    static func walk(_ caseID: String, service: CaseService, steps: Int, using random: inout LedgerRandom) async throws {
        for _ in 0..<steps {
            let (state, workflow) = try await service.load(caseID)
            let at = state.lastOccurredAt.adding(seconds: Int64(Int.random(in: 15...25, using: &random)) * 86_400)
            let targets = workflow.stage(state.stage)?.transitions.map(\.to) ?? []
            let command: CaseCommand
            switch Int.random(in: 0..<100, using: &random) {
            case 0..<65: command = .advance(to: random.pick(targets), fields: [:], note: nil)
            case 65..<75: command = .note("step")
            case 75..<85: command = state.status == .suspended ? .resume(note: nil) : .suspend(reason: .mediation, note: nil)
            case 85..<88: command = .withdraw(reason: "业主放弃")
            default: command = .setFields(["homes": "\(Int.random(in: 1...40, using: &random))"], note: nil)
            }
            do {
                _ = try await service.execute(command, caseID: caseID, at: at)
            } catch {
                guard [.badInput, .forbidden, .refused].contains(error.category) else { throw error }
            }
        }
    }

    /// Differences between the cases of `original` and their re-imported copies. Cases that visited each
    /// stage once, in order, must also have the very same stage dates. Returns the count of those.
    static func compare(_ original: CaseStore, _ copy: CaseStore, leavingOut: Set<String>) throws -> (mismatches: [String], linear: Int) {
        var mismatches: [String] = []
        var linear = 0
        for state in try original.caseStates() {
            let imported = try copy.loadCase(state.id)?.state
            guard state.status != .withdrawn else {
                if imported != nil { mismatches.append("\(state.id): withdrawn but exported") }
                continue
            }
            guard let imported else {
                mismatches.append("\(state.id): missing from the copy")
                continue
            }
            if (imported.stage, imported.fields, imported.helper) != (state.stage, state.fields, state.helper)
                || (imported.priority, imported.difficulty) != (state.priority, state.difficulty) {
                mismatches.append("\(state.id): stage, fields, helper or classification differ")
            }
            let stages = state.visits.map(\.stage)
            if Set(stages).count == stages.count, !leavingOut.contains(state.id) {
                linear += 1
                let dates = { (visits: [StageVisit]) in visits.map { "\($0.stage)@\($0.enteredAt.date)" } }
                if dates(imported.visits) != dates(state.visits) {
                    mismatches.append("\(state.id): stage dates \(dates(imported.visits)) ≠ \(dates(state.visits))")
                }
            }
        }
        return (mismatches, linear)
    }
}
