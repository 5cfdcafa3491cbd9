import Foundation
import RetrofitTestSupport
import Testing

@Suite("Calendars never run out: provisional years, year files added to the built-ins")
struct ProvisionalCalendarTests {
    let cli: RetrofitProcess

    init() throws {
        cli = RetrofitProcess(directory: try Fixtures.temporaryDirectory(), now: "2026-12-06T10:00")
    }

    /// A test notice for 2027 that differs from the provisional year: New Year's Day runs to Monday 4 January.
    static let test2027 = """
        calendar: cn-mainland
        year: 2027
        source: test notice for 2027
        holidays:
          - name: 元旦 / New Year's Day
            from: 2027-01-01
            to: 2027-01-04
        """

    /// A folder holding only the given files.
    func folder(_ name: String, _ files: [String: String]) throws -> String {
        let url = cli.directory.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (file, text) in files { try text.write(to: url.appendingPathComponent(file), atomically: true, encoding: .utf8) }
        return url.path
    }

    func json(_ process: RetrofitProcess, _ arguments: [String], environment: [String: String] = [:]) throws -> Any {
        let result = try process.run(arguments, environment: environment)
        #expect(result.status == 0, "\(result)")
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    }

    @Test func aDatabaseUpgradedToStoredWorkingDaysIsRecomputedOnceAndSaysWhy() throws {
        let path = cli.directory.appendingPathComponent("upgraded.sqlite").path
        #expect(try cli.run(["demo", "--cases", "20", "--quiet", "--db", path], environment: ["RETROFIT_NOW": "2025-12-15T17:00"]).status == 0)
        // What a schema-4 retrofit left: no working-day columns, no record of the migration.
        try SQLiteFile.execute(path, """
            ALTER TABLE stage_visit DROP COLUMN working_days;
            ALTER TABLE stage_visit DROP COLUMN suspended_working_days;
            DELETE FROM grdb_migrations WHERE identifier LIKE 'v5%';
            PRAGMA user_version = 4;
            """)
        let first = try cli.run(["overdue", "--db", path], environment: ["RETROFIT_NOW": "2025-12-15T17:00"])
        #expect(first.status == 0, "\(first)")
        #expect(first.stderr.hasPrefix("note: the database was upgraded; recomputed 20 cases from their events"), "\(first)")
        let second = try cli.run(["overdue", "--db", path], environment: ["RETROFIT_NOW": "2025-12-15T17:00"])
        #expect(second.stderr.isEmpty, "\(second)")
        #expect(second.stdout == first.stdout)
        #expect(try cli.run(["admin", "check", "--db", path], environment: ["RETROFIT_NOW": "2025-12-15T17:00"]).status == 0)
    }

    @Test func aThreeMonthStageEnteredInDecemberHasAProvisionalDeadlineShownEverywhere() throws {
        #expect(try cli.run(["case", "open", "--workflow", "elevator-retrofit", "--id", "ER-1", "--at", "2026-12-01"]
                            + CommandLineTests.intake).status == 0)
        #expect(try cli.run("case", "advance", "ER-1", "--at", "2026-12-02").status == 0)
        #expect(try cli.run("case", "assign", "ER-1", "--helper", "李娜", "--at", "2026-12-03").status == 0)
        let move = try cli.run("case", "advance", "ER-1", "--at", "2026-12-03")
        #expect(move.status == 0, "\(move)")
        #expect(move.stdout.contains("deadline 2027-03-03 (3 months)"), "\(move)")
        #expect(move.stderr.contains("warning: the deadline 2027-03-03 of ER-1 is provisional: 2027 has no State Council"), "\(move)")

        let show = try #require(try json(cli, ["case", "show", "ER-1", "--json"]) as? [String: Any])
        #expect(show["deadline"] as? String == "2027-03-03")
        #expect(show["deadlineProvisional"] as? Bool == true)
        #expect(try cli.run("case", "show", "ER-1").stdout
            .contains("Deadline:  2027-03-03 (3 months) — 87 days left; provisional (2027 not yet published)"))

        let explain = try #require(try json(cli, ["case", "explain", "ER-1", "--json"]) as? [String: Any])
        #expect(explain["deadlineProvisional"] as? Bool == true)
        #expect(explain["provisionalYears"] as? [Int] == [2027])
        #expect(try cli.run("case", "explain", "ER-1").stdout.contains("Provisional: 2027 has no State Council notice yet"))

        let queue = try #require(try json(cli, ["queue", "--json"]) as? [[String: Any]])
        #expect(queue.first?["deadlineProvisional"] as? Bool == true)
        #expect(try cli.run("queue").stdout.contains("2027-03-03 (provisional)"))

        // A deadline inside the published years is not provisional.
        #expect(try cli.run(["case", "open", "--workflow", "elevator-retrofit", "--id", "ER-2", "--at", "2026-12-01"]
                            + CommandLineTests.intake).stderr.isEmpty)
        let official = try #require(try json(cli, ["case", "show", "ER-2", "--json"]) as? [String: Any])
        #expect(official["deadlineProvisional"] as? Bool == false)
        #expect(try cli.run("admin", "check").status == 0)
    }

    @Test func addingTheOfficialYearRecomputesTheDeadlineAndOverdueShowsTheNewDate() throws {
        // Entered Monday 2026-12-28: 5 working days are Dec 29–31 and, provisionally, Jan 4–5 (Jan 1 off).
        let december = RetrofitProcess(directory: cli.directory, now: "2026-12-28T10:00")
        #expect(try december.run(["case", "open", "--workflow", "elevator-retrofit", "--id", "ER-9"] + CommandLineTests.intake).status == 0)
        let january = RetrofitProcess(directory: cli.directory, now: "2027-01-12T10:00")
        let before = try #require(try json(january, ["overdue", "--json"]) as? [[String: Any]])
        #expect(before.first?["deadline"] as? String == "2027-01-05")
        #expect(before.first?["deadlineProvisional"] as? Bool == true)
        #expect(try january.run("overdue").stdout.contains("2027-01-05 (provisional)"))

        // The official notice arrives: a folder with just that year file, added to the built-in calendars.
        let calendars = ["RETROFIT_CALENDARS": try folder("calendars-2027", ["cn-mainland-2027.yaml": Self.test2027])]
        let overdue = try january.run(["overdue", "--json"], environment: calendars)
        #expect(overdue.status == 0, "\(overdue)")
        #expect(overdue.stderr.contains("note: the calendars changed since the deadlines were computed; recomputed 1 cases"), "\(overdue)")
        let after = try #require(try JSONSerialization.jsonObject(with: Data(overdue.stdout.utf8)) as? [[String: Any]])
        #expect(after.first?["deadline"] as? String == "2027-01-06")
        #expect(after.first?["deadlineProvisional"] as? Bool == false)
        #expect(try january.run(["overdue", "--json"], environment: calendars).stderr.isEmpty)
        #expect(try january.run(["admin", "check"], environment: calendars).status == 0)
        let show = try #require(try json(january, ["case", "show", "ER-9", "--json"], environment: calendars) as? [String: Any])
        #expect(show["deadline"] as? String == "2027-01-06")

        // Without the folder the provisional year is back, and so is the provisional deadline.
        let again = try #require(try json(january, ["overdue", "--json"]) as? [[String: Any]])
        #expect(again.first?["deadline"] as? String == "2027-01-05")
        #expect(again.first?["deadlineProvisional"] as? Bool == true)
    }

    @Test func aFolderWithOnlyOneYearFileAddsToTheBuiltInCalendars() throws {
        let calendars = try folder("only-2027", ["cn-mainland-2027.yaml": Self.test2027])
        let status = try cli.run("calendar", "status", "--calendars", calendars)
        #expect(status.status == 0, "\(status)")
        #expect(status.stdout.contains("2025  official  built-in calendars/cn-mainland-2025.yaml"), "\(status)")
        #expect(status.stdout.contains("2027  official  \(calendars)/cn-mainland-2027.yaml"), "\(status)")
        let deadline = try #require(try json(cli, ["calendar", "deadline", "2026-12-28", "5", "working-days", "--json",
                                                   "--calendars", calendars]) as? [String: Any])
        #expect(deadline["deadline"] as? String == "2027-01-06")
        #expect(deadline["deadlineProvisional"] as? Bool == false)
        let builtIn = try #require(try json(cli, ["calendar", "deadline", "2026-12-28", "5", "working-days", "--json"]) as? [String: Any])
        #expect(builtIn["deadline"] as? String == "2027-01-05")
        #expect(builtIn["deadlineProvisional"] as? Bool == true)
        #expect(try cli.run("calendar", "show", "2025", "--calendars", calendars).stdout
            .contains("From built-in calendars/cn-mainland-2025.yaml"))

        // A year file for a built-in year replaces that year only.
        let replaced = Self.test2027.replacingOccurrences(of: "2027", with: "2026")
        let replacing = try folder("replace-2026", ["cn-mainland-2026.yaml": replaced])
        let show = try cli.run("calendar", "show", "2026", "--calendars", replacing, "--json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any])
        #expect(object["file"] as? String == "\(replacing)/cn-mainland-2026.yaml")
        #expect((object["holidays"] as? [Any])?.count == 1)
        #expect(try cli.run("calendar", "show", "2025", "--calendars", replacing).status == 0)
    }

    @Test func calendarStatusWarnsFromFirstOctoberWhenNextYearIsMissing() throws {
        let september = RetrofitProcess(directory: cli.directory, now: "2026-09-30T10:00")
        let quiet = try september.run("calendar", "status")
        #expect(quiet.status == 0 && quiet.stderr.isEmpty, "\(quiet)")
        #expect(quiet.stdout.contains("2027  provisional  computed from 《全国年节及纪念日放假办法》"), "\(quiet)")

        let october = RetrofitProcess(directory: cli.directory, now: "2026-10-01T08:00")
        let warned = try october.run("calendar", "status")
        #expect(warned.status == 0, "\(warned)")
        #expect(warned.stderr.contains("warning: calendar cn-mainland has no official schedule for 2027 (cn-mainland-2027.yaml)"), "\(warned)")
        let object = try #require(try json(october, ["calendar", "status", "--json"]) as? [String: Any])
        #expect((object["warnings"] as? [String])?.count == 1)

        let calendars = try folder("with-2027", ["cn-mainland-2027.yaml": Self.test2027])
        #expect(try october.run("calendar", "status", "--calendars", calendars).stderr.isEmpty)
    }
}
