import Foundation
import RetrofitBuiltins
import RetrofitApp
import RetrofitCore
import RetrofitStore

/// Fixtures for the ledger and reliability tests: the shipped workflows and calendars, temporary
/// folders, fixed clocks, and the switch between the quick default run and `RETROFIT_HEAVY=1`.
public enum LedgerFixtures {
    /// The clock every ledger test uses unless it says otherwise.
    public static let now = "2025-06-30T10:00"

    public static var workflowFiles: [WorkflowCatalog.File] {
        BuiltinFiles.workflowFiles
    }

    /// The shipped calendars, loaded once.
    public static let calendars: [String: WorkingCalendar] = {
        let files = BuiltinFiles.all.filter { $0.key.hasPrefix("calendars/") }.map { (path: $0.key, text: $0.value) }
        return (try? CalendarCatalog.load(files)) ?? [:]
    }()

    public static var catalog: WorkflowCatalog { WorkflowCatalog(files: workflowFiles, knownCalendars: Set(calendars.keys)) }

    /// A fresh temporary folder; remove it with `FileManager.default.removeItem`.
    public static func temporaryDirectory(_ label: String = "ledger") throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("retrofit-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    public static func time(_ text: String) -> Timestamp { Timestamp(iso: text) ?? Timestamp(secondsSinceEpoch: 0) }

    public static func date(_ text: String) -> CivilDate { CivilDate(iso: text) ?? CivilDate(dayNumber: 0) }

    /// A service on `store` with the clock at `now`.
    public static func service(_ store: CaseStore, workflows: WorkflowCatalog? = nil, now: String = now, actor: String = "tester") -> CaseService {
        CaseService(store: store, workflows: workflows ?? catalog, calendars: calendars, now: time(now), actor: actor)
    }

    /// Intake fields of the shipped elevator-retrofit workflow.
    public static func intakeFields(number: Int = 12, district: String = "德城区") -> [String: String] {
        ["address": "德州市\(district)新华路\(number)号", "district": district, "community": "新华小区", "building": "\(number % 9 + 1)",
         "unit": "\(number % 3 + 1)", "homes": "12", "floors": "6"]
    }

    /// True when `RETROFIT_HEAVY=1`: heavy tests run at full size.
    public static var isHeavy: Bool { ProcessInfo.processInfo.environment["RETROFIT_HEAVY"] == "1" }

    /// `light` in the default run, `heavy` with `RETROFIT_HEAVY=1`.
    public static func scaled(_ light: Int, heavy: Int) -> Int { isHeavy ? heavy : light }
}
