import RetrofitCore
import RetrofitStore

/// What every report needs besides the store: the day it is made, the calendars, and the
/// workflows the cases run under (the newest stored version of each names the stage order).
public struct ReportSetting: Sendable {
    /// The report's "today": figures "now" are as of this day.
    public let asOf: CivilDate
    public let calendars: [String: WorkingCalendar]
    /// The newest stored version of each workflow, by id.
    public let workflows: [String: WorkflowDefinition]
    /// Workflows whose stored versions do not all count in the newest version's calendar: their visits'
    /// stored working days were counted in another calendar than the reports count in.
    public let workflowsChangingCalendar: Set<String>

    public init(asOf: CivilDate, calendars: [String: WorkingCalendar], workflows: [String: WorkflowDefinition],
                workflowsChangingCalendar: Set<String> = []) {
        self.asOf = asOf
        self.calendars = calendars
        self.workflows = workflows
        self.workflowsChangingCalendar = workflowsChangingCalendar
    }

    /// Reads the stored workflows of `store`; a version that cannot be read is an error.
    public static func load(_ store: CaseStore, asOf: CivilDate, calendars: [String: WorkingCalendar]) throws -> ReportSetting {
        var newest: [String: StoredDefinition] = [:]
        let all = try store.storedWorkflows()
        for stored in all where (newest[stored.id]?.version ?? .min) < stored.version {
            newest[stored.id] = stored
        }
        var workflows: [String: WorkflowDefinition] = [:]
        for (id, stored) in newest {
            workflows[id] = try stored.load()
        }
        var changing: Set<String> = []
        for stored in all where stored.version != newest[stored.id]?.version {
            if try stored.load().calendar != workflows[stored.id]?.calendar { changing.insert(stored.id) }
        }
        return ReportSetting(asOf: asOf, calendars: calendars, workflows: workflows, workflowsChangingCalendar: changing)
    }

    /// Workflow ids in a stable order: `elevator-retrofit` first (the programme's target), then by id.
    public var workflowIDs: [String] {
        workflows.keys.sorted(by: ReportSetting.comesFirst)
    }

    /// The report order of workflow ids: the preferred one first, then by id.
    static func comesFirst(_ lhs: String, _ rhs: String) -> Bool {
        lhs != rhs && (lhs == preferredWorkflow || (rhs != preferredWorkflow && lhs < rhs))
    }

    /// The workflow a one-workflow report uses when none is named.
    public static let preferredWorkflow = "elevator-retrofit"

    /// The workflow named, or the preferred one, or the only one stored.
    public func workflow(named id: String?) throws(ReportInputError) -> WorkflowDefinition {
        if let id {
            guard let workflow = workflows[id] else { throw .unknownWorkflow(id, known: workflowIDs) }
            return workflow
        }
        if let preferred = workflows[ReportSetting.preferredWorkflow] { return preferred }
        if workflows.count == 1, let only = workflows.values.first { return only }
        if workflows.isEmpty { throw .noCases }
        throw .chooseWorkflow(workflowIDs)
    }

    /// The calendar a workflow counts in, or an error naming it.
    public func calendar(for workflow: WorkflowDefinition) throws(ReportInputError) -> WorkingCalendar {
        guard let calendar = calendars[workflow.calendar] else { throw .missingCalendar(workflow.calendar, workflow: workflow.id) }
        return calendar
    }
}

/// Why a report cannot be made from what was asked: a sentence naming no flag or command, and ``hints``.
public enum ReportInputError: Error, Sendable, Hashable, CustomStringConvertible {
    case unknownWorkflow(String, known: [String])
    case chooseWorkflow([String])
    case noCases
    case missingCalendar(String, workflow: String)
    case badPeriod(from: CivilDate, to: CivilDate)
    case badYear(Int)

    public var description: String { message }

    public var message: String {
        switch self {
        case .unknownWorkflow(let id, let known):
            "no case runs under workflow '\(id)'; the database has: \(known.isEmpty ? "none" : known.joined(separator: ", "))"
        case .chooseWorkflow:
            "the database holds several workflows"
        case .noCases:
            "the database has no cases yet"
        case .missingCalendar(let calendar, let workflow):
            "workflow \(workflow) counts in calendar '\(calendar)', which is not among the calendars"
        case .badPeriod(let from, let to):
            "the period's start \(from) is after its end \(to)"
        case .badYear(let year):
            "year \(year) is not a year a report can cover; expected 1 to 9999"
        }
    }

    public var hints: [InputHint] {
        switch self {
        case .chooseWorkflow(let known): [.chooseOne(.workflow, choices: known.map { InputChoice($0) })]
        case .noCases: [.run(SuggestedOperation(.openCase))]
        case .badPeriod(let from, let to): [.outOfOrder(InputArgument(.periodStart, from.description), InputArgument(.periodEnd, to.description))]
        default: []
        }
    }
}
