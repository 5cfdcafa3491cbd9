import Foundation
import RetrofitTestSupport
import Testing

@Suite("Deadlines through the command line: due soon, as of a date, what was known then")
struct DeadlineCommandTests {
    let cli: RetrofitProcess

    init() throws {
        cli = RetrofitProcess(directory: try Fixtures.temporaryDirectory(), now: "2025-03-20T10:00")
    }

    func json(_ arguments: String...) throws -> Any {
        let result = try cli.run(arguments)
        #expect(result.status == 0, "\(result)")
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    }

    /// A case in helper-assignment (3 working days) entered 2025-02-27, suspended 03-03 to 03-10: deadline 03-11.
    func prepare() throws {
        let intake = CommandLineTests.intake
        #expect(try cli.run(["case", "open", "--workflow", "elevator-retrofit", "--id", "ER-7", "--at", "2025-02-26"] + intake).status == 0)
        #expect(try cli.run("case", "advance", "ER-7", "--at", "2025-02-27").status == 0)
        #expect(try cli.run("case", "suspend", "ER-7", "--reason", "litigation", "--at", "2025-03-03T09:00").status == 0)
        // Recorded on 03-20 although it happened on 03-10: back-dated.
        #expect(try cli.run("case", "resume", "ER-7", "--at", "2025-03-10T09:00").status == 0)
    }

    @Test func suspensionMovesTheDeadlineAndExplainSaysWhy() throws {
        try prepare()
        let show = try #require(try json("case", "show", "ER-7", "--json") as? [String: Any])
        #expect(show["deadline"] as? String == "2025-03-11")
        #expect(show["daysLate"] as? Int == 9)
        let explain = try cli.run("case", "explain", "ER-7")
        #expect(explain.stdout.contains("Not counted: 7 days suspended (litigation) from 2025-03-03 to 2025-03-09."))
        #expect(explain.stdout.contains("Deadline: 2025-03-11 (Tuesday)"))
    }

    @Test func asOfADateReplaysTheLogAsItStoodThen() throws {
        try prepare()
        // On 2025-03-05 the case was suspended: not overdue, deadline unknown until resumed.
        let then = try #require(try json("case", "show", "ER-7", "--as-of", "2025-03-05", "--json") as? [String: Any])
        #expect(then["status"] as? String == "suspended")
        #expect(then["overdue"] as? Bool == false)
        #expect((try json("overdue", "--as-of", "2025-03-05", "--json") as? [Any])?.isEmpty == true)
        // On 2025-03-12 it was one day late.
        let late = try #require(try json("overdue", "--as-of", "2025-03-12", "--json") as? [[String: Any]])
        #expect(late.first?["daysLate"] as? Int == 1)
        // But on 03-12 nobody had recorded the resumption yet (it was typed in on 03-20): as known then,
        // the case was still suspended and so not overdue.
        #expect((try json("overdue", "--as-of", "2025-03-12", "--as-known", "--json") as? [Any])?.isEmpty == true)
    }

    @Test func dueSoonAddsCasesInsideTheWarningWindow() throws {
        let intake = CommandLineTests.intake
        // Entered Monday 2025-03-17: 5 working days end Monday 03-24; 3 working days before it the window opens on 03-19.
        #expect(try cli.run(["case", "open", "--workflow", "elevator-retrofit", "--id", "ER-8", "--at", "2025-03-17"] + intake).status == 0)
        #expect((try json("overdue", "--json") as? [Any])?.isEmpty == true)
        let soon = try #require(try json("overdue", "--due-soon", "--json") as? [[String: Any]])
        #expect(soon.first?["id"] as? String == "ER-8")
        #expect(soon.first?["deadline"] as? String == "2025-03-24")
        #expect(soon.first?["dueSoon"] as? Bool == true)
        let early = RetrofitProcess(directory: cli.directory, now: "2025-03-18T10:00")
        #expect(try early.run("overdue", "--due-soon", "--json").stdout.contains("ER-8") == false)
    }

    @Test func aCaseWhoseDeadlineFallsInAYearTheCalendarLacksIsNamedByOverdue() throws {
        // A calendars folder whose mainland calendar file leaves out the provisional rule: years without a file are missing.
        let folder = cli.directory.appendingPathComponent("strict-calendars")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "id: cn-mainland\ntitle: strict\nwarn_before: 3\n".write(
            to: folder.appendingPathComponent("cn-mainland.yaml"), atomically: true, encoding: .utf8)
        var late = RetrofitProcess(directory: cli.directory, now: "2026-12-29T10:00")
        late.environment["RETROFIT_CALENDARS"] = folder.path
        // Entered 2026-12-28: 5 working days end in 2027, which this calendar does not have.
        #expect(try late.run(["case", "open", "--workflow", "elevator-retrofit", "--id", "ER-9", "--at", "2026-12-28"]
                             + CommandLineTests.intake).status == 0)
        #expect(try late.run(["case", "open", "--workflow", "elevator-retrofit", "--id", "ER-10", "--at", "2026-12-01"]
                             + CommandLineTests.intake).status == 0)
        let overdue = try late.run("overdue")
        #expect(overdue.status == 0, "\(overdue)")
        #expect(overdue.stdout.contains("ER-10"))
        #expect(overdue.stderr.contains("1 active case has no deadline and cannot show as overdue (ER-9: "), "\(overdue)")
        #expect(overdue.stderr.contains("2027"), "\(overdue)")
    }
}
