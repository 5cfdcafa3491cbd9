import Foundation
import RetrofitApp
import RetrofitCore
import RetrofitStore

/// A database built through the real write path (`CaseService`) with fixed clocks: in memory, or on a file
/// in a temporary folder for a test that changes the file behind the store's back.
///
/// Each step runs with `now` equal to the time it happened unless a later recording time is given,
/// as a helper recording events on the day would.
final class ReportFixture: Sendable {
    let store: CaseStore
    /// The temporary folder holding the store's file; nil for a store in memory.
    let folder: URL?
    let catalog: WorkflowCatalog
    let calendars: [String: WorkingCalendar]

    /// The package's root folder, found from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    init(extraWorkflows: [WorkflowCatalog.File] = [], onFile: Bool = false) throws {
        if onFile {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("retrofit-reports-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            self.folder = folder
            store = try CaseStore(path: folder.appendingPathComponent("fixture.sqlite").path, access: .write)
        } else {
            folder = nil
            store = try CaseStore.inMemory()
        }
        // The shipped calendar files: the stub ignores them; the calendar module reads them.
        calendars = try CalendarCatalog.load(try ReportFixture.yamlFiles("calendars").map { ($0.path, $0.text) })
        catalog = WorkflowCatalog(files: try ReportFixture.yamlFiles("workflows") + extraWorkflows, knownCalendars: Set(calendars.keys))
    }

    deinit { if let folder { try? FileManager.default.removeItem(at: folder) } }

    static func yamlFiles(_ folder: String) throws -> [WorkflowCatalog.File] {
        let directory = packageRoot.appendingPathComponent(folder)
        return try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".yaml") }.sorted().map { name in
            WorkflowCatalog.File(path: "\(folder)/\(name)", text: try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8))
        }
    }

    static func time(_ text: String) throws -> Timestamp {
        guard let time = Timestamp(iso: text) else { throw FixtureError("bad time \(text)") }
        return time
    }

    static func date(_ text: String) throws -> CivilDate {
        guard let date = CivilDate(iso: text) else { throw FixtureError("bad date \(text)") }
        return date
    }

    func service(now: String) throws -> CaseService {
        CaseService(store: store, workflows: catalog, calendars: calendars, now: try ReportFixture.time(now), actor: "fixture")
    }

    func open(_ id: String, workflow: String = "elevator-retrofit", fields: [String: String], helper: String?, at: String) async throws {
        _ = try await service(now: at).open(workflowID: workflow, caseID: id, fields: fields, helper: helper, at: try ReportFixture.time(at))
    }

    /// Runs `command` on case `id` as it happened `at`, recorded at `recorded` (default: the same time).
    func run(_ command: CaseCommand, _ id: String, at: String, recorded: String? = nil) async throws {
        _ = try await service(now: recorded ?? at).execute(command, caseID: id, at: try ReportFixture.time(at))
    }

    func advance(_ id: String, to: String? = nil, at: String, fields: [String: String] = [:], recorded: String? = nil) async throws {
        try await run(.advance(to: to, fields: fields, note: nil), id, at: at, recorded: recorded)
    }

    /// Appends `event` to case `id` as it stands in the log, without the engine deciding it: how a database
    /// written by an older retrofit, which let a blank value through, looks today.
    func appendAsLogged(_ event: CaseEvent, _ id: String, at: String, recorded: String? = nil) async throws {
        let service = try service(now: recorded ?? at)
        let (state, workflow) = try await service.load(id)
        let time = try ReportFixture.time(at)
        guard let after = CaseState.after([event], on: state, caseID: id, at: time, workflow: workflow) else {
            throw FixtureError("\(event.type) cannot follow case \(id)")
        }
        let schedule = CaseSchedule.atLastEvent(after, workflow: workflow, calendar: try service.calendar(for: workflow))
        _ = try store.append(CaseAppend(caseID: id, expectedVersion: state.version, events: [event], occurredAt: time,
                                        recordedAt: try ReportFixture.time(recorded ?? at),
                                        actor: "fixture", workflow: workflow), state: after, schedule: schedule)
    }

    /// Records homes (number, floor, area, owner) and their ballots.
    func vote(_ id: String, at: String, _ homes: [(String, Int, String, String, BallotChoice)]) async throws {
        for (number, floor, area, owner, _) in homes {
            try await run(.recordHome(try Home(number: number, floor: floor, area: try Area(parsing: area), owner: owner)), id, at: at)
        }
        for (number, _, _, _, choice) in homes { try await run(.castBallot(home: number, vote: choice), id, at: at) }
    }

    /// Intake fields of a unit.
    static func intake(address: String, district: String, community: String, building: String, unit: String, homes: Int) -> [String: String] {
        ["address": address, "district": district, "community": community, "building": building, "unit": unit,
         "homes": "\(homes)", "floors": "6"]
    }
}

struct FixtureError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
