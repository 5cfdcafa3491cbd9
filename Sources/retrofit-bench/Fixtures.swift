import Foundation
import RetrofitBuiltins
import RetrofitApp
import RetrofitCore
import RetrofitStore

/// The shipped workflows and calendars, the clock and the people the benchmarks act as.
enum Fixtures {
    /// The demo's clock; every run uses it so databases and answers are the same each time.
    static let nowText = "2025-12-15T17:00"
    static let now = Timestamp(iso: nowText)!
    static let helper = "李娜"
    static let manager = "王芳"
    static let workflowID = "elevator-retrofit"

    static func files(_ folder: String) -> [WorkflowCatalog.File] {
        folder == "workflows" ? BuiltinFiles.workflowFiles
            : BuiltinFiles.all.filter { $0.key.hasPrefix(folder + "/") }.map { WorkflowCatalog.File(path: $0.key, text: $0.value) }
    }

    static func calendars() throws -> [String: WorkingCalendar] {
        try CalendarCatalog.load(files("calendars").map { ($0.path, $0.text) })
    }

    static func catalog(_ calendars: [String: WorkingCalendar]) -> WorkflowCatalog {
        WorkflowCatalog(files: files("workflows"), knownCalendars: Set(calendars.keys))
    }

    static func service(_ store: CaseStore, calendars: [String: WorkingCalendar], actor: String = helper) -> CaseService {
        CaseService(store: store, workflows: catalog(calendars), calendars: calendars, now: now, actor: actor)
    }

    /// The fields a new case needs (the README's example).
    static let fields = [
        "address": "德州市德城区新华路12号", "district": "德城区", "community": "新华小区",
        "building": "3", "unit": "2", "homes": "12", "floors": "6",
    ]

    /// Opens new cases in intake, one transaction each (as `retrofit case open` would).
    static func open(_ ids: [String], service: CaseService, helper: String? = nil) async throws {
        for id in ids {
            _ = try await service.open(workflowID: workflowID, caseID: id, fields: fields, helper: helper, at: now.adding(seconds: -3_600))
        }
    }

    /// The environment every `retrofit` process gets.
    static func environment(actor: String = helper) -> [String: String] {
        ["RETROFIT_NOW": nowText, "RETROFIT_ACTOR": actor]
    }

    static func ids(_ prefix: String, _ count: Int) -> [String] {
        (1...max(1, count)).map { "\(prefix)-\(String(format4: $0))" }
    }
}
