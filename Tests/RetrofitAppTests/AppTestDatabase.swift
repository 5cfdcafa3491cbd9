import Foundation
import RetrofitApp
import RetrofitCore
import RetrofitTestSupport

/// An application over a new database in a temporary folder, with the clock at the demo's day.
struct AppTestDatabase {
    let folder: URL
    let app: RetrofitApp
    let actor = Actor(name: "王磊")

    init(now: String = "2025-12-15T17:00") throws {
        folder = try Fixtures.temporaryDirectory()
        app = RetrofitApp(environment: RetrofitEnvironment(databasePath: folder.appendingPathComponent("app.sqlite").path,
                                                           clock: .fixed(Fixtures.time(now))))
    }

    var path: String { app.environment.databasePath }

    /// The same database with the demo's sample in it.
    static func withDemo(cases: Int = 30) async throws -> (AppTestDatabase, DemoResult) {
        let database = try AppTestDatabase()
        let demo = try await database.app.buildDemo(DemoRequest(cases: cases, seed: 7, years: 1), by: database.actor)
        return (database, demo)
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }
}
