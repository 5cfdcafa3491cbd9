import RetrofitCore
import RetrofitReports
import RetrofitStore

/// Plays one case through its workflow with the real engine (decide and evolve), at simulated
/// times, as helpers and managers would: what the demo and the benchmark data are made of.
struct CaseSimulation {
    let caseID: String
    let workflow: WorkflowDefinition
    let calendar: WorkingCalendar
    let now: Timestamp
    let district: String
    let serial: Int
    /// Homes per building, in pairs (two homes a floor).
    let homePairs: ClosedRange<Int>

    private(set) var state: CaseState?
    private(set) var entries: [CaseHistoryAppend.Entry] = []
    private(set) var rejections: [String] = []
    private var helper: String { DemoPeople.helper(for: district) }
    private var manager: String { DemoPeople.managers[serial % DemoPeople.managers.count].name }

    init(caseID: String, workflow: WorkflowDefinition, calendar: WorkingCalendar, now: Timestamp, district: String, serial: Int,
         homePairs: ClosedRange<Int> = 5...9) {
        self.caseID = caseID
        self.homePairs = homePairs
        self.workflow = workflow
        self.calendar = calendar
        self.now = now
        self.district = district
        self.serial = serial
    }

    /// Runs the case from `opened` until it finishes, is withdrawn, or reaches `now`.
    mutating func run(opened: CivilDate, random: inout SeededRandom) {
        let priority: CasePriority = random.chance(25) ? .urgent : .normal
        let difficulty = random.pick([CaseDifficulty.easy, .normal, .normal, .hard]) ?? .normal
        let opening = CaseCommand.open(fields: openingFields(random: &random), priority: priority, difficulty: difficulty, helper: nil)
        guard perform(opening, on: opened, actor: helper, role: .helper, random: &random) else { return }
        var day = opened
        var reworked: Set<String> = []
        while let current = state, current.status == .active, let stage = workflow.stage(current.stage), !stage.isTerminal {
            var leave = leaveDate(stage: stage, entered: day, random: &random)
            // Consultation is the usual bottleneck: some votes stall and the case waits there, overdue.
            let stalls = stage.vote != nil && random.chance(8)
            if stage.vote != nil { holdVote(entered: day, leave: leave, stalls: stalls, random: &random) }
            if stage.acceptsObjections, random.chance(20) { raiseAndResolveObjection(entered: day, random: &random) }
            if stage.id == workflow.stages.dropFirst().first?.id {
                guard perform(.assign(helper: helper), on: day.adding(days: 1), actor: manager, role: .manager, random: &random) else { return }
            }
            let stillHereNow = Timestamp(startOf: leave) > now
            if stage.vote != nil || stage.deadline?.unit == .months, random.chance(stillHereNow ? 35 : 12) {
                guard let resumed = suspend(entered: day, leave: leave, random: &random) else { return }
                leave = max(leave, resumed.adding(days: 1))
            }
            if stalls { return }
            if random.chance(stage.vote != nil ? 4 : 1) {
                _ = perform(.withdraw(reason: "业主放弃加装 / owners gave up"), on: min(leave, now.date), actor: manager, role: .manager, random: &random)
                return
            }
            guard Timestamp(startOf: leave) <= now else { return }
            let transition = chooseTransition(stage, reworked: &reworked, random: &random)
            let fields = fieldsFor(transition, entered: day, leave: leave, random: &random)
            let actor = (transition.roles.isEmpty ? stage.roles : transition.roles).contains(.helper) ? helper : manager
            let role: Role = actor == helper ? .helper : .manager
            guard perform(.advance(to: transition.name, fields: fields, note: nil), on: leave, actor: actor, role: role, random: &random) else { return }
            day = leave
        }
    }

    /// The case's history ready to append, or nil when it never opened.
    func history() -> CaseHistoryAppend? {
        guard let state else { return nil }
        let schedule = CaseSchedule.atLastEvent(state, workflow: workflow, calendar: calendar)
        return CaseHistoryAppend(caseID: caseID, workflow: workflow, entries: entries, state: state, schedule: schedule)
    }

    @discardableResult
    private mutating func perform(_ command: CaseCommand, on day: CivilDate, actor: String, role: Role, random: inout SeededRandom) -> Bool {
        let minutes = Int.random(in: 0..<480, using: &random)
        guard let at = Timestamp(date: day, hour: 9 + minutes / 60, minute: minutes % 60, second: 0) else { return false }
        let occurredAt = max(at, state?.lastOccurredAt ?? at)
        guard occurredAt <= now else { return false }
        let context = CommandContext(actor: actor, role: role, occurredAt: occurredAt, now: occurredAt, calendar: calendar)
        switch CaseDecider.decide(command, on: state, caseID: caseID, workflow: workflow, context: context) {
        case .failure(let rejection):
            rejections.append("\(caseID) \(command.name) on \(day): \(rejection.message)")
            return false
        case .success(let events):
            // Now and then an event is typed in long after it happened: the audit pack lists those.
            let delay: Int64 = random.chance(2) ? Int64.random(in: 31...60, using: &random) * 86_400 : Int64.random(in: 60...3_600, using: &random)
            let recordedAt = min(occurredAt.adding(seconds: delay), max(now, occurredAt))
            state = CaseState.after(events, on: state, caseID: caseID, at: occurredAt, workflow: workflow)
            entries += events.map { .init(event: $0, occurredAt: occurredAt, recordedAt: recordedAt, actor: actor) }
            return true
        }
    }

    private func openingFields(random: inout SeededRandom) -> [String: String] {
        let road = random.pick(DemoPeople.roads) ?? "新华路"
        var fields = [
            "address": "德州市\(district)\(road)\(Int.random(in: 1...300, using: &random))号",
            "district": district,
            "community": random.pick(DemoPeople.communities) ?? "新华小区",
            "building": "\(Int.random(in: 1...30, using: &random))",
            "unit": "\(Int.random(in: 1...4, using: &random))",
            "homes": "\(Int.random(in: homePairs, using: &random) * 2)",
            "floors": "\(Int.random(in: 5...7, using: &random))",
        ]
        if workflow.field("years_in_service") != nil { fields["years_in_service"] = "\(Int.random(in: 15...30, using: &random))" }
        return fields.filter { workflow.field($0.key) != nil }
    }

    /// When the case leaves a stage: usually within its deadline, sometimes late.
    private func leaveDate(stage: StageDefinition, entered: CivilDate, random: inout SeededRandom) -> CivilDate {
        var leave: CivilDate
        switch stage.deadline {
        case .some(let period) where period.unit == .workingDays:
            let count = Int.random(in: 1...(period.count + period.count / 2 + 1), using: &random)
            leave = (try? calendar.deadline(entered: entered, period: Period(unit: .workingDays, count: count), suspensions: []).deadline)
                ?? entered.adding(days: count * 7 / 5 + 1)
        case .some(let period) where period.unit == .days:
            leave = entered.adding(days: Int.random(in: max(1, period.count / 3)...(period.count * 13 / 10 + 1), using: &random))
        case .some(let period):
            leave = entered.adding(days: Int.random(in: (period.count * 10)...(period.count * 36), using: &random))
        case .none:
            leave = entered.adding(days: Int.random(in: 3...20, using: &random))
        }
        if let minimum = stage.minimum,
           let earliest = try? calendar.deadline(entered: entered, period: minimum, suspensions: []).deadline.adding(days: 1) {
            leave = max(leave, earliest)
        }
        return max(leave, entered.adding(days: stage.vote != nil ? 22 : 1))
    }

    private mutating func holdVote(entered: CivilDate, leave: CivilDate, stalls: Bool, random: inout SeededRandom) {
        let homes = Int(state?.fields["homes"] ?? "") ?? 12
        let floors = max(1, Int(state?.fields["floors"] ?? "") ?? 6)
        let unit = state?.fields["unit"] ?? "1"
        let registered = entered.adding(days: 2)
        var numbers: [String] = []
        for index in 0..<homes {
            let floor = index / 2 + 1
            let number = "\(unit)-\(min(floor, floors))0\(index % 2 + 1)"
            let owner = (DemoPeople.surnames[(serial + index) % DemoPeople.surnames.count]) + (DemoPeople.givenNames[(serial * 7 + index) % DemoPeople.givenNames.count])
            guard let area = Area(hundredths: Int.random(in: 6_000...12_000, using: &random)),
                  let home = try? Home(number: number, floor: min(floor, floors), area: area, owner: "\(owner)\(index)") else { continue }
            guard perform(.recordHome(home), on: registered, actor: helper, role: .helper, random: &random) else { return }
            numbers.append(number)
        }
        let voting = registered.adding(days: Int.random(in: 5...15, using: &random))
        for (index, number) in numbers.enumerated() {
            // A low-floor owner objects now and then, never enough to block a vote unless the case stalls
            // (under 8 homes one owner's area can block the 3/4 rule, so in the small buildings of --homes all agree).
            let vote: BallotChoice = stalls ? (random.chance(40) ? .object : .agree)
                : (index == 0 && numbers.count >= 8 && random.chance(30) ? .object : .agree)
            perform(.castBallot(home: number, vote: vote), on: min(voting, leave), actor: helper, role: .helper, random: &random)
        }
    }

    private mutating func raiseAndResolveObjection(entered: CivilDate, random: inout SeededRandom) {
        let objector = (random.pick(DemoPeople.surnames) ?? "王") + "先生（一楼）"
        guard perform(.raiseObjection(from: objector, text: "担心采光和噪音 / light and noise"), on: entered.adding(days: 2),
                      actor: helper, role: .helper, random: &random),
              let number = state?.objections.last?.number else { return }
        let outcome = random.pick([ObjectionOutcome.withdrawn, .mediated, .overruled]) ?? .mediated
        perform(.resolveObjection(number: number, outcome: outcome, note: nil), on: entered.adding(days: 6), actor: helper, role: .helper, random: &random)
    }

    /// Suspends the case partway through the stage; returns the day it resumed, or nil if it is still suspended now.
    private mutating func suspend(entered: CivilDate, leave: CivilDate, random: inout SeededRandom) -> CivilDate? {
        let from = entered.adding(days: max(1, entered.days(until: leave) / 3))
        let reason = random.pick([SuspensionReason.mediation, .mediation, .litigation, .funding, .other]) ?? .other
        guard perform(.suspend(reason: reason, note: reason == .mediation ? "低层业主异议，转人民调解" : nil), on: from,
                      actor: helper, role: .helper, random: &random) else { return nil }
        let until = from.adding(days: Int.random(in: 15...150, using: &random))
        guard Timestamp(startOf: until) <= now,
              perform(.resume(note: nil), on: until, actor: helper, role: .helper, random: &random) else { return nil }
        return until
    }

    /// Forward usually; back (a rejection or a failed inspection) now and then, once per stage.
    private func chooseTransition(_ stage: StageDefinition, reworked: inout Set<String>, random: inout SeededRandom) -> TransitionDefinition {
        let forward = stage.transitions[0]
        guard stage.transitions.count > 1, !reworked.contains(stage.id), random.chance(15),
              let back = stage.transitions.dropFirst().first else { return forward }
        reworked.insert(stage.id)
        return back
    }

    private func fieldsFor(_ transition: TransitionDefinition, entered: CivilDate, leave: CivilDate, random: inout SeededRandom) -> [String: String] {
        guard let target = workflow.stage(transition.to) else { return [:] }
        var fields: [String: String] = [:]
        let needed = workflow.fieldsRequired(in: target.id).map(\.name) + transition.requiredFields
        for name in needed where state?.fields[name] == nil && fields[name] == nil {
            guard let field = workflow.field(name) else { continue }
            fields[name] = value(for: field, entered: entered, leave: leave, random: &random)
        }
        return fields
    }

    private func value(for field: FieldDefinition, entered: CivilDate, leave: CivilDate, random: inout SeededRandom) -> String {
        switch field.type {
        case .date:
            return (field.name.contains("started") ? entered : leave.adding(days: field.name.contains("finished") ? -1 : 0)).description
        case .integer:
            return "\(Int.random(in: 15...30, using: &random))"
        case .decimal:
            return field.name.contains("subsidy") ? "100000" : "150000"
        case .boolean:
            return "true"
        case .enumeration(let values):
            return random.pick(values) ?? ""
        case .text:
            let year = leave.year
            switch field.name {
            case "use_registration_no": return "梯登鲁N\(year)\(String(format4: serial % 10_000))"
            case "registration_code": return "3710\(year)\(String(format4: serial % 10_000))\(serial / 10_000)"
            case "equipment_code": return "31103714\(year)\(String(format4: serial % 10_000))"
            case "implementing_entity": return "\(state?.fields["community"] ?? "小区")业主委员会"
            default: return "\(field.name.uppercased().prefix(3))-\(year)-\(serial)"
            }
        }
    }
}
