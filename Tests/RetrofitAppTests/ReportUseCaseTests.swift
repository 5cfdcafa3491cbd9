import Foundation
import RetrofitApp
import RetrofitCore
import RetrofitReports
import RetrofitTestSupport
import Testing

@Suite("Report use cases: the demo's database, reported through the application")
struct ReportUseCaseTests {
    @Test func theDemoSummarisesWhatItBuilt() async throws {
        let (database, demo) = try await AppTestDatabase.withDemo()
        defer { database.remove() }
        #expect(demo.cases == 30)
        #expect(demo.events > demo.cases)
        #expect(demo.asOf == Fixtures.date("2025-12-15"))
        #expect(demo.rejections.isEmpty, "\(demo.rejections.prefix(3))")
        let counted = demo.stages.reduce(0) { $0 + $1.active + $1.suspended + $1.completed + $1.withdrawn }
        #expect(counted > 0 && counted <= demo.cases)
        #expect(demo.stages.allSatisfy { RetrofitApp.demoWorkflowIDs.contains($0.workflow) })
        #expect(demo.overdue.allSatisfy { $0.daysLate > 0 })
        #expect(demo.firstCaseID != nil)
    }

    @Test func aQuietDemoBuildsWithoutSummary() async throws {
        let database = try AppTestDatabase()
        defer { database.remove() }
        let demo = try await database.app.buildDemo(DemoRequest(cases: 5, seed: 1, years: 1, summarise: false), by: database.actor)
        #expect(demo.cases == 5)
        #expect(demo.stages.isEmpty && demo.overdue.isEmpty && demo.firstCaseID == nil)
    }

    @Test func bottlenecksOfTheDemoCountEveryCaseInItsStage() async throws {
        let (database, demo) = try await AppTestDatabase.withDemo()
        defer { database.remove() }
        let report = try await database.app.bottleneckReport(BottleneckReportRequest(workflowID: "elevator-retrofit"), by: database.actor)
        #expect(report.asOf == demo.asOf)
        let workflow = try #require(report.workflows.first)
        #expect(report.workflows.count == 1 && workflow.workflow == "elevator-retrofit")
        let nowInStages = workflow.overall.stages.reduce(0) { $0 + $1.inStage }
        let openInDemo = demo.stages.filter { $0.workflow == "elevator-retrofit" }.reduce(0) { $0 + $1.active + $1.suspended }
        #expect(nowInStages == openInDemo)
    }

    @Test func anUnknownWorkflowIsBadInput() async throws {
        let (database, _) = try await AppTestDatabase.withDemo(cases: 5)
        defer { database.remove() }
        do {
            _ = try await database.app.bottleneckReport(BottleneckReportRequest(workflowID: "no-such-workflow"), by: database.actor)
            Issue.record("an unknown workflow was reported on")
        } catch {
            #expect(error.category == .badInput)
            #expect(error.message.contains("no-such-workflow"))
        }
    }

    @Test func aMissingDatabaseIsUnavailable() async throws {
        let database = try AppTestDatabase()
        defer { database.remove() }
        do {
            _ = try await database.app.progressReport(ProgressReportRequest(year: 2025), by: database.actor)
            Issue.record("a report was made without a database")
        } catch {
            #expect(error.category == .unavailable)
        }
        #expect(!FileManager.default.fileExists(atPath: database.path))
    }

    @Test func theCommissionedReportStreamsEachElevatorToTheSink() async throws {
        let (database, _) = try await AppTestDatabase.withDemo(cases: 60)
        defer { database.remove() }
        var made = 0
        let (sink, closing) = try await database.app.commissionedReport(CommissionedReportRequest(year: 2025), by: database.actor) { () throws(AppError) -> CountingSink in
            made += 1
            return CountingSink()
        }
        #expect(made == 1)
        #expect(sink.started && sink.finished)
        #expect(sink.added == closing.elevators)
        #expect(closing.elevators == closing.total.elevators)
    }
}

/// Counts what the commissioned report hands over.
struct CountingSink: CommissionedSink {
    var started = false
    var added = 0
    var finished = false

    mutating func start(_ heading: CommissionedHeading) throws { started = true }
    mutating func add(_ item: CommissionedCase, findings: [AuditFinding]) throws { added += 1 }
    mutating func finish(_ closing: CommissionedClosing) throws { finished = true }
}
