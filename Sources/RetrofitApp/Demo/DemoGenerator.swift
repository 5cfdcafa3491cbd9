import RetrofitCore
import RetrofitReports
import RetrofitStore

/// Builds a realistic sample history — all stages, suspensions, reworks, votes, objections, withdrawn and
/// commissioned cases across years and districts — through the real engine and the real append path.
public struct DemoGenerator: Sendable {
    public struct Options: Sendable {
        public var cases: Int
        public var seed: UInt64
        public var years: Int
        public var now: Timestamp
        /// Cases per transaction.
        public var batchSize: Int
        /// Homes per building (an even number in this range): each home is recorded in the register and votes,
        /// so this sets the event count — 10...18 (the default) gives about 37 events per case, 4...6 about 20.
        public var homes: ClosedRange<Int>

        public init(cases: Int, seed: UInt64, years: Int, now: Timestamp, batchSize: Int = 1_000, homes: ClosedRange<Int> = 10...18) {
            self.cases = cases
            self.seed = seed
            self.years = years
            self.now = now
            self.batchSize = batchSize
            self.homes = homes
        }
    }

    /// What was generated.
    public struct Summary: Sendable {
        public var cases = 0
        public var events = 0
        /// Commands the engine refused while simulating; the generator aims for none.
        public var rejections: [String] = []
    }

    public let workflows: [WorkflowDefinition]
    public let calendars: [String: WorkingCalendar]
    public let options: Options

    /// - Parameter workflows: the first is used for most cases (85 %), the others share the rest.
    public init(workflows: [WorkflowDefinition], calendars: [String: WorkingCalendar], options: Options) {
        self.workflows = workflows
        self.calendars = calendars
        self.options = options
    }

    /// Registers the sample people (when the register is empty) and appends every case.
    ///
    /// Simulation and appending overlap: while one batch is written (one transaction), the next is
    /// simulated and encoded on the calling thread. The batches are written in order, so a seed still
    /// gives the same database.
    public func run(into store: CaseStore, progress: (Int) -> Void = { _ in }) throws -> Summary {
        try registerPeople(in: store)
        let appender = BatchAppender(store: store)
        let summary: Summary
        do {
            summary = try simulate { batch, sofar in
                var prepared: [PreparedCaseHistory] = []
                prepared.reserveCapacity(batch.count)
                // The events are encoded here, the states by the writer: the two threads then take about as long.
                for history in batch { prepared.append(try store.prepare(history, encodingState: false)) }
                try appender.submit(prepared)
                progress(sofar.cases)
            }
        } catch {
            try? appender.finish()
            throw error
        }
        try appender.finish()
        return summary
    }

    /// Registers the sample people, unless the register already has someone.
    public func registerPeople(in store: CaseStore) throws {
        guard try store.people().isEmpty else { return }
        for (index, person) in DemoPeople.everyone.enumerated() {
            try store.register(person, expectedCount: index, at: options.now, recordedAt: options.now, actor: DemoPeople.admin.name)
        }
    }

    /// Simulates every case through the engine and hands over their histories, `batchSize` at a time,
    /// with the summary so far. Writes nothing: `run(into:)` appends the batches; a benchmark can time them.
    @discardableResult
    public func simulate(_ body: (_ batch: [CaseHistoryAppend], _ sofar: Summary) throws -> Void) throws -> Summary {
        var random = SeededRandom(seed: options.seed)
        let districts = districtValues()
        let fewestPairs = max(1, (options.homes.lowerBound + 1) / 2)
        let homePairs = fewestPairs...max(fewestPairs, options.homes.upperBound / 2)
        let openings = openingDays(random: &random)
        var counters: [String: Int] = [:]
        var summary = Summary()
        var batch: [CaseHistoryAppend] = []
        for (serial, opened) in openings.enumerated() {
            guard let workflow = chooseWorkflow(serial: serial, random: &random), let calendar = calendars[workflow.calendar] else { continue }
            let key = "\(workflow.caseIDPrefix)-\(opened.year)"
            counters[key, default: 0] += 1
            let caseID = "\(key)-\(String(format4: counters[key] ?? 1))"
            var simulation = CaseSimulation(caseID: caseID, workflow: workflow, calendar: calendar, now: options.now,
                                            district: districts[serial % districts.count], serial: serial, homePairs: homePairs)
            simulation.run(opened: opened, random: &random)
            summary.rejections += simulation.rejections
            guard let history = simulation.history() else { continue }
            summary.cases += 1
            summary.events += history.entries.count
            batch.append(history)
            if batch.count >= options.batchSize {
                try body(batch, summary)
                batch.removeAll(keepingCapacity: true)
            }
        }
        if !batch.isEmpty { try body(batch, summary) }
        return summary
    }

    private func districtValues() -> [String] {
        if case .enumeration(let values)? = workflows.first?.field("district")?.type, !values.isEmpty { return values }
        return ["德城区"]
    }

    /// Opening days spread over the last `years` years, oldest first, never before the calendar's first year.
    private func openingDays(random: inout SeededRandom) -> [CivilDate] {
        let last = options.now.date.adding(days: -3)
        var first = options.now.date.adding(days: -365 * max(1, options.years))
        let firstYear = workflows.compactMap { calendars[$0.calendar]?.years.first }.max() ?? first.year
        if let floor = CivilDate(year: firstYear, month: 1, day: 2), first < floor { first = floor }
        let span = max(1, first.days(until: last))
        return (0..<options.cases).map { _ in first.adding(days: Int.random(in: 0...span, using: &random)) }.sorted()
    }

    private func chooseWorkflow(serial: Int, random: inout SeededRandom) -> WorkflowDefinition? {
        guard workflows.count > 1, random.chance(15) else { return workflows.first }
        return random.pick(Array(workflows.dropFirst()))
    }
}
