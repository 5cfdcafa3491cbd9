import ArgumentParser
import Foundation
import RetrofitApp
import RetrofitCore
import RetrofitReports
import RetrofitStore

extension CaseGroup {
    struct CaseShow: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show a case: stage, status, deadline, fields, helper and timeline.",
            discussion: """
                Example:
                  retrofit case show ER-2025-0001
                  retrofit case show ER-2025-0001 --as-of 2025-06-30 --json
                """
        )
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The case id.") var caseID: String
        @Option(help: "Answer as the log stood on this day (events that occurred by its end).") var asOf: String?
        @Flag(help: "With --as-of: also ignore events recorded after that day (what was known then).") var asKnown = false
        @Flag(help: "Print as JSON.") var json = false

        func run() async throws {
            try await runReporting {
                let service = try global.service(.read)
                let today = try global.clock().date
                let date = try global.date(asOf, option: "--as-of") ?? today
                let (state, workflow) = try await CaseLoading.state(caseID, service: service, asOf: asOf == nil ? nil : date, asKnown: asKnown)
                let calendar = try service.calendar(for: workflow)
                let schedule = CaseSchedule.of(state, workflow: workflow, calendar: calendar, asOf: date)
                if json {
                    try printJSON(CaseSummary(state, schedule: schedule, workflow: workflow, asOf: date))
                    return
                }
                let events = try await service.store.events(caseID: caseID, afterVersion: max(0, state.version - 20), limit: .max)
                print(CaseText.show(state, schedule: schedule, workflow: workflow, asOf: date,
                                    timeline: events.filter { $0.version <= state.version }))
            }
        }
    }

    struct CaseHistory: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "history",
            abstract: "List a case's events, oldest first, a page at a time.",
            discussion: """
                Example:
                  retrofit case history ER-2025-0001
                  retrofit case history ER-2025-0001 --after 100 --limit 50 --json
                """
        )
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The case id.") var caseID: String
        @Option(help: "Start after this case version.") var after: Int = 0
        @Option(help: "At most this many events.") var limit: Int = 1000
        @Flag(help: "Print as JSON.") var json = false

        func validate() throws {
            if after < 0 { throw ValidationError("--after must be 0 or more") }
            if limit < 1 { throw ValidationError("--limit must be at least 1") }
        }

        func run() async throws {
            try runReporting {
                let store = try global.store(.read)
                let events = try store.events(caseID: caseID, afterVersion: after, limit: limit)
                if events.isEmpty, after == 0, try store.loadCase(caseID) == nil { throw CommandFailure.badInput("case \(caseID) does not exist") }
                if json {
                    try printJSON(events.map(EventSummary.init))
                    return
                }
                var table = TextTable(["#", "occurred", "type", "actor", "details"])
                for event in events {
                    table.add(["\(event.version)", event.occurredAt.prefix(16).replacingOccurrences(of: "T", with: " "),
                               event.type, event.actor, CaseText.details(event)])
                }
                print(table.render())
                if events.count == limit { print("… more: --after \(events.last?.version ?? after)") }
            }
        }
    }

    struct CaseList: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List cases, filtered.",
            discussion: "Example:\n  retrofit case list --stage consultation --district 德城区")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only this workflow.") var workflow: String?
        @Option(help: "Only cases in this stage.") var stage: String?
        @Option(help: "active, suspended, withdrawn or completed.") var status: CaseStatus?
        @Option(help: "Only this district.") var district: String?
        @Option(help: "Only this helper's cases.") var helper: String?
        @Flag(help: "Print as JSON.") var json = false

        func run() async throws {
            try runReporting {
                let store = try global.store(.read)
                let filter = CaseFilter(workflow: workflow, stage: stage, status: status, district: district, helper: helper)
                if filter.namesAny { try store.check(filter, definitions: try global.catalog().definitions()) }
                let rows = try store.cases(filter)
                if json {
                    try printJSON(rows.map(CaseRowSummary.init))
                    return
                }
                var table = TextTable(["case", "workflow", "stage", "status", "district", "helper", "deadline"])
                for row in rows {
                    table.add([row.id, row.workflowID, row.stage, row.status.rawValue, row.district ?? "", row.helper ?? "",
                               row.deadline?.description ?? ""])
                }
                print(table.render())
                print("\(rows.count) case\(rows.count == 1 ? "" : "s")")
            }
        }
    }
}

/// JSON of one event in `case history`.
struct EventSummary: Encodable {
    let sequence: Int64
    let version: Int
    let type: String
    let occurredAt: String
    let recordedAt: String
    let actor: String
    let payload: JSONFragment
    let workflow: String
    let workflowVersion: Int
    let hash: String

    init(_ event: StoredEvent) {
        sequence = event.sequence
        version = event.version
        type = event.type
        occurredAt = event.occurredAt
        recordedAt = event.recordedAt
        actor = event.actor
        payload = JSONFragment(text: event.payload)
        workflow = event.workflowID
        workflowVersion = event.workflowVersion
        hash = event.hash
    }
}

/// Already-encoded JSON, embedded as a value.
struct JSONFragment: Encodable {
    let text: String

    func encode(to encoder: any Encoder) throws {
        let value = (try? JSONDecoder().decode(AnyJSON.self, from: Data(text.utf8))) ?? .string(text)
        try value.encode(to: encoder)
    }
}

/// Any JSON value, for re-encoding stored payloads.
enum AnyJSON: Codable {
    case string(String), number(Int), boolean(Bool), null, array([AnyJSON]), object([String: AnyJSON])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .boolean(value) }
        else if let value = try? container.decode(Int.self) { self = .number(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([AnyJSON].self) { self = .array(value) }
        else if let value = try? container.decode([String: AnyJSON].self) { self = .object(value) }
        else { self = .object(try container.decode([String: AnyJSON].self)) }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .boolean(let value): try container.encode(value)
        case .null: try container.encodeNil()
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}

struct CaseRowSummary: Encodable {
    let id, workflow, stage, status, priority, difficulty: String
    let workflowVersion, version: Int
    @EncodeNil var helper: String?
    @EncodeNil var district: String?
    @EncodeNil var deadline: String?

    init(_ row: CaseRow) {
        id = row.id
        workflow = row.workflowID
        workflowVersion = row.workflowVersion
        stage = row.stage
        status = row.status.rawValue
        version = row.version
        helper = row.helper
        district = row.district
        priority = row.priority.rawValue
        difficulty = row.difficulty.rawValue
        deadline = row.deadline?.description
    }
}
