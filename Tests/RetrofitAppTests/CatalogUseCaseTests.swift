import Foundation
import RetrofitApp
import RetrofitCore
import RetrofitTestSupport
import Testing

@Suite("Calendar and workflow use cases")
struct CatalogUseCaseTests {
    let app = RetrofitApp(environment: RetrofitEnvironment(databasePath: "/nonexistent/unused.sqlite", clock: .fixed(Fixtures.time("2025-12-15T17:00"))))
    let actor = Actor(name: "王磊")

    @Test func tenWorkingDaysOverSpringFestival2025() async throws {
        // Entered Monday 20 January: 21–24, Sunday 26 (a make-up working day), 27, then the holiday 28 January – 4 February,
        // then 5, 6, 7 and Saturday 8 February (a make-up working day).
        let request = DeadlineRequest(entered: Fixtures.date("2025-01-20"), period: Period(unit: .workingDays, count: 10))
        let result = try await app.deadline(request, by: actor)
        #expect(result.deadline == Fixtures.date("2025-02-08"))
        #expect(result.overdueFrom == Fixtures.date("2025-02-09"))
        #expect(!result.deadlineProvisional)
        #expect(!result.explanation.isEmpty)
    }

    @Test func workingDaysBetweenCountsTheSecondDayNotTheFirst() async throws {
        let result = try await app.workingDays(WorkingDaysRequest(from: Fixtures.date("2025-03-03"), through: Fixtures.date("2025-03-10")), by: actor)
        #expect(result.workingDays == 5 && result.calendarDays == 7)
    }

    @Test func anUnknownCalendarIsBadInputNamingTheKnownOnes() async throws {
        do {
            _ = try await app.calendarYear(CalendarYearRequest(calendarID: "mars", year: 2025), by: actor)
            Issue.record("an unknown calendar was shown")
        } catch {
            #expect(error.category == .badInput)
            #expect(error.message.hasPrefix("unknown calendar 'mars'; available: ") && error.message.contains("cn-mainland"))
        }
    }

    @Test func aYearWithItsNoticeIsOfficial() async throws {
        let year = try await app.calendarYear(CalendarYearRequest(year: 2025), by: actor)
        #expect(!year.provisional && year.file != nil)
        #expect(year.holidays.contains { $0.from == Fixtures.date("2025-01-28") })
        #expect(year.makeUpWorkingDays.contains { $0.date == Fixtures.date("2025-01-26") })
        let status = try await app.calendarStatus(CalendarStatusRequest(calendarID: "cn-mainland"), by: actor)
        #expect(status.today == Fixtures.date("2025-12-15"))
        #expect(status.calendars.first?.years.contains { $0.year == 2025 && $0.status == "official" } == true)
    }

    @Test func aWorkflowNamingAnUnknownCalendarIsAProblemReportedAsFindings() async throws {
        let builtIn = try #require(Fixtures.workflowFiles.first { $0.path.hasSuffix("elevator-retrofit.yaml") })
        let broken = CatalogFile(path: "broken.yaml", text: builtIn.text.replacingOccurrences(of: "calendar: cn-mainland", with: "calendar: atlantis"))
        let result = try await app.validateWorkflows(WorkflowValidationRequest(files: [builtIn, broken]), by: actor)
        #expect(result.valid.map(\.id) == ["elevator-retrofit"])
        let problem = try #require(result.problems.first)
        #expect(problem.file == "broken.yaml" && problem.message.contains("atlantis"))
        #expect(result.findings?.category == .findings)
        #expect(result.findings?.message == "\(result.problems.count) problem\(result.problems.count == 1 ? "" : "s") found")
    }

    @Test func theSameWorkflowIdTwiceIsAProblem() async throws {
        let builtIn = try #require(Fixtures.workflowFiles.first { $0.path.hasSuffix("elevator-retrofit.yaml") })
        let copy = CatalogFile(path: "copy.yaml", text: builtIn.text)
        let result = try await app.validateWorkflows(WorkflowValidationRequest(files: [builtIn, copy]), by: actor)
        #expect(result.problems.map(\.message) == ["workflow id 'elevator-retrofit' is also declared in \(builtIn.path)"])
    }

    @Test func theBuiltInWorkflowsAreListedAndShown() async throws {
        let listings = try await app.listWorkflows(by: actor)
        #expect(listings.compactMap(\.summary?.id).contains("elevator-retrofit"))
        let validation = try await app.validateWorkflows(WorkflowValidationRequest(), by: actor)
        #expect(validation.findings == nil && validation.valid.count == listings.count)
        let workflow = try await app.workflow("elevator-retrofit", by: actor)
        #expect(workflow.id == "elevator-retrofit")
        do {
            _ = try await app.workflow("no-such", by: actor)
            Issue.record("an unknown workflow was shown")
        } catch {
            #expect(error.category == .badInput)
        }
    }
}
