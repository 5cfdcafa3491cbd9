import Foundation
import RetrofitApp
import RetrofitCore
import RetrofitStore
import RetrofitTestSupport
import Testing

/// Replay equals live, in the style of Zeebe's replay tests: random valid workflow definitions and
/// random command sequences through `CaseService`; after every step, projections rebuilt from the
/// log alone equal the live ones. A failure prints its seed, the workflow and the step.
@Suite("Replay equals live", .tags(.reliability, .heavy))
struct ReplayEqualsLiveTests {
    static let now = "2027-12-31T00:00"

    @Test("seeded: random workflows and commands; a rebuild after every step equals the live projections")
    func replayEqualsLive() async throws {
        var random = LedgerRandom.seeded("replay equals live")
        let workflows = LedgerFixtures.scaled(4, heavy: 40)
        let steps = LedgerFixtures.scaled(40, heavy: 300)
        for index in 0..<workflows {
            let folder = try LedgerFixtures.temporaryDirectory("replay")
            defer { try? FileManager.default.removeItem(at: folder) }
            let yaml = RandomWorkflows.yaml(id: "random-\(index)", using: &random)
            let file = WorkflowCatalog.File(path: "random-\(index).yaml", text: yaml)
            let catalog = WorkflowCatalog(files: [file], knownCalendars: Set(LedgerFixtures.calendars.keys))
            let workflow = try catalog.load("random-\(index)")
            let store = try CaseStore(path: folder.appendingPathComponent("r.sqlite").path, access: .write)
            let service = LedgerFixtures.service(store, workflows: catalog, now: Self.now)
            var driver = CommandDriver(service: service, workflow: workflow, time: LedgerFixtures.time("2025-01-06T09:00"))
            for step in 0..<steps {
                let what = try await driver.step(using: &random)
                let report = try store.rebuild(calendars: LedgerFixtures.calendars, keep: false)
                #expect(report.identical, "seed \(random.seed), workflow \(index), step \(step) (\(what)): \(report.firstDifference ?? "")\n\(yaml)")
                if !report.identical { return }
            }
            #expect(try store.verifyChain().isIntact)
            print("replay equals live: workflow \(index) (\(workflow.stages.count) stages): \(driver.done) commands carried out, \(driver.refused) refused")
        }
    }
}

/// Sends random commands to random cases of one workflow, with a clock that mostly moves forward.
struct CommandDriver {
    let service: CaseService
    let workflow: WorkflowDefinition
    var time: Timestamp
    var cases: [String] = []
    var done = 0
    var refused = 0

    init(service: CaseService, workflow: WorkflowDefinition, time: Timestamp) {
        self.service = service
        self.workflow = workflow
        self.time = time
    }

    /// One random command; returns what it was, for failure messages.
    mutating func step(using random: inout LedgerRandom) async throws -> String {
        time = time.adding(seconds: Int64(Int.random(in: 0...(36 * 3600), using: &random)))
        let at = random.chance(5) ? time.adding(seconds: -3 * 86_400) : time
        if cases.isEmpty || random.chance(12) { return try await open(at: at, using: &random) }
        let caseID = random.pick(cases) ?? ""
        let state = try await service.load(caseID).0
        let command = Self.command(for: state, workflow: workflow, using: &random)
        let service = service
        try await carryOut { () async throws(AppError) in try await service.execute(command, caseID: caseID, at: at) }
        return "\(command.name) \(caseID)"
    }

    private mutating func open(at: Timestamp, using random: inout LedgerRandom) async throws -> String {
        let caseID = "C-\(cases.count + 1)"
        if random.chance(30) {
            try await importCase(caseID, at: at, using: &random)
            return "import \(caseID)"
        }
        var fields = RandomWorkflows.assignments(using: &random)
        for field in workflow.fieldsRequired(in: workflow.initialStage.id) where random.chance(90) {
            fields[field.name] = RandomWorkflows.fields.first { $0.name == field.name }?.valid.first
        }
        let (service, workflowID) = (service, workflow.id)
        let opened = try await carryOut { () async throws(AppError) in try await service.open(workflowID: workflowID, caseID: caseID, fields: fields, at: at) }
        if opened { cases.append(caseID) }
        return "open \(caseID)"
    }

    /// A case brought in by an `imported` event, in a random stage with every field filled.
    private mutating func importCase(_ caseID: String, at: Timestamp, using random: inout LedgerRandom) async throws {
        let stageIndex = Int.random(in: 0..<workflow.stages.count, using: &random)
        var day = at.date.adding(days: -(stageIndex * 3 + 1))
        var dates: [CaseEvent.StageDate] = []
        for stage in workflow.stages.prefix(stageIndex + 1) {
            dates.append(CaseEvent.StageDate(stage: stage.id, entered: day))
            day = day.adding(days: Int.random(in: 0...3, using: &random))
        }
        let fields = Dictionary(uniqueKeysWithValues: RandomWorkflows.fields.map { ($0.name, $0.valid[0]) })
        let imported = CaseEvent.Imported(source: "random.csv", sha256: "0", row: cases.count + 2, stage: dates[stageIndex].stage,
                                          stageDates: dates, fields: fields, priority: .urgent, difficulty: .hard, helper: "李娜")
        let occurredAt = Timestamp(startOf: dates[stageIndex].entered)
        let event = CaseEvent.imported(imported)
        guard let state = CaseState.start(id: caseID, workflow: workflow, with: EventEnvelope(event: event, occurredAt: occurredAt)),
              let calendar = LedgerFixtures.calendars[workflow.calendar] else { return }
        let schedule = CaseSchedule.atLastEvent(state, workflow: workflow, calendar: calendar)
        try await service.store.append(CaseAppend(caseID: caseID, expectedVersion: 0, events: [event], occurredAt: occurredAt,
                                            recordedAt: service.now, actor: "importer", workflow: workflow),
                                 state: state, schedule: schedule)
        cases.append(caseID)
        time = max(time, occurredAt)
    }

    static func command(for state: CaseState, workflow: WorkflowDefinition, using random: inout LedgerRandom) -> CaseCommand {
        let moves = workflow.stage(state.stage)?.transitions ?? []
        switch Int.random(in: 0..<100, using: &random) {
        case 0..<40:
            let target = random.chance(85) ? random.pick(moves.map { random.chance(50) ? $0.to : $0.name }) : random.pick(["nowhere", "s1"])
            return .advance(to: target, fields: RandomWorkflows.assignments(using: &random), note: random.chance(30) ? "走" : nil)
        case 40..<55: return .setFields(RandomWorkflows.assignments(using: &random), note: nil)
        case 55..<63: return .note(random.chance(90) ? "note" : "  ")
        case 63..<68: return .assign(helper: random.pick(["李娜", "王强", ""]) ?? "")
        case 68..<73: return .classify(priority: random.pick(CasePriority.allCases), difficulty: random.pick(CaseDifficulty.allCases))
        case 73..<84: return .suspend(reason: random.pick(SuspensionReason.allCases) ?? .other, note: nil)
        case 84..<96: return .resume(note: nil)
        default: return .withdraw(reason: "放弃")
        }
    }

    /// Runs a command; a refusal is counted, a database failure is thrown.
    @discardableResult
    private mutating func carryOut(_ body: () async throws(AppError) -> CaseService.Outcome) async throws(AppError) -> Bool {
        do {
            _ = try await body()
            done += 1
            return true
        } catch {
            if error.category == .unavailable { throw error }
            refused += 1
            return false
        }
    }
}
