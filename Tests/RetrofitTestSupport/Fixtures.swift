import Foundation
import RetrofitBuiltins
import RetrofitApp
import RetrofitCore
import RetrofitStore

/// Shared test fixtures: the shipped workflows and calendars, temporary databases, fixed clocks.
public enum Fixtures {
    /// The shipped workflow files.
    public static var workflowFiles: [WorkflowCatalog.File] {
        BuiltinFiles.workflowFiles
    }

    public static var calendars: [String: WorkingCalendar] {
        let files = BuiltinFiles.all.filter { $0.key.hasPrefix("calendars/") }.map { (path: $0.key, text: $0.value) }
        return (try? CalendarCatalog.load(files)) ?? [:]
    }

    public static var calendar: WorkingCalendar? { calendars["cn-mainland"] }

    public static var catalog: WorkflowCatalog { WorkflowCatalog(files: workflowFiles, knownCalendars: Set(calendars.keys)) }

    public static func workflow(_ id: String) throws -> WorkflowDefinition { try catalog.load(id) }

    /// A fresh temporary folder, removed by the caller with `FileManager.default.removeItem`.
    public static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("retrofit-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A new database in a temporary folder.
    public static func store() throws -> (CaseStore, URL) {
        let folder = try temporaryDirectory()
        return (try CaseStore(path: folder.appendingPathComponent("test.sqlite").path, access: .write), folder)
    }

    /// A service on `store` with the clock at `now` (China Standard Time).
    public static func service(_ store: CaseStore, now: String, actor: String = "tester") -> CaseService {
        CaseService(store: store, workflows: catalog, calendars: calendars, now: time(now), actor: actor)
    }

    public static func time(_ text: String) -> Timestamp { Timestamp(iso: text) ?? Timestamp(secondsSinceEpoch: 0) }

    public static func date(_ text: String) -> CivilDate { CivilDate(iso: text) ?? CivilDate(dayNumber: 0) }

    /// Intake fields for a case in `district`.
    public static func intakeFields(district: String = "德城区", homes: Int = 12) -> [String: String] {
        ["address": "德州市\(district)新华路12号", "district": district, "community": "新华小区", "building": "3",
         "unit": "2", "homes": "\(homes)", "floors": "6"]
    }
}
