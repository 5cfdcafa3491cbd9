import Foundation
import RetrofitApp
import RetrofitBuiltins
import RetrofitCore
import RetrofitTestSupport
import Testing

@Suite("A preloaded environment reads its files once")
struct PreloadingTests {
    @Test("workflows and calendars preloaded from a folder answer the same after the folder is gone")
    func filesReadOnce() async throws {
        let folder = try Fixtures.temporaryDirectory()
        let workflows = folder.appendingPathComponent("workflows")
        try FileManager.default.createDirectory(at: workflows, withIntermediateDirectories: true)
        for file in BuiltinFiles.workflowFiles {
            try file.text.write(to: workflows.appendingPathComponent((file.path as NSString).lastPathComponent), atomically: true, encoding: .utf8)
        }
        let environment = RetrofitEnvironment(databasePath: folder.appendingPathComponent("r.sqlite").path, workflows: .folder(workflows.path))
        let preloaded = try environment.preloading()
        let before = try environment.catalog().files.map(\.text)
        try FileManager.default.removeItem(at: workflows)

        #expect(try preloaded.catalog().files.map(\.text) == before)
        #expect(try preloaded.loadCalendars().keys.sorted() == (try environment.loadCalendars().keys.sorted()))
        #expect(throws: AppError.badInput("folder '\(workflows.path)' does not exist")) { try environment.catalog() }
        #expect(try preloaded.catalog().load("elevator-retrofit").id == "elevator-retrofit")
        try? FileManager.default.removeItem(at: folder)
    }
}
