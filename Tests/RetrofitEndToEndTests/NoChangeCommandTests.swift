import Foundation
import RetrofitTestSupport
import Testing

/// A command whose outcome is the case as it stands appends nothing, says so and exits 0; every
/// write takes --at; a refused first command leaves no database behind.
@Suite("A command that changes nothing writes nothing")
struct NoChangeCommandTests {
    let folder: URL
    let cli: RetrofitProcess
    var database: String { cli.environment["RETROFIT_DB"] ?? "" }

    init() throws {
        folder = try Fixtures.temporaryDirectory()
        cli = RetrofitProcess(directory: folder, now: "2025-06-01T10:00", actor: "李娜")
    }

    static let intake = ["--field", "address=德州市德城区新华路12号", "--field", "district=德城区", "--field", "community=新华小区",
                         "--field", "building=3", "--field", "unit=2", "--field", "homes=12", "--field", "floors=6"]

    func events() throws -> Int64 { try LedgerDatabaseInspection.eventCount(database) }

    /// Runs a command that must change nothing: exit 0, the words given, and not one event more.
    func expectNoChange(_ arguments: [String], says words: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = try events()
        let result = try cli.run(arguments)
        #expect(result.status == 0, "\(result)", sourceLocation: sourceLocation)
        #expect(result.stdout == words + "\n", "\(result)", sourceLocation: sourceLocation)
        #expect(try events() == before, "\(arguments) appended an event", sourceLocation: sourceLocation)
    }

    func expectChange(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = try events()
        let result = try cli.run(arguments)
        #expect(result.status == 0, "\(result)", sourceLocation: sourceLocation)
        #expect(try events() > before, "\(arguments) appended nothing", sourceLocation: sourceLocation)
    }

    func open() throws {
        try #require(try cli.run(["case", "open", "--workflow", "elevator-retrofit", "--id", "C-1", "--at", "2025-05-06"] + Self.intake).status == 0)
    }

    @Test func settingAFieldToItsValueAppendsNothing() throws {
        try open()
        try expectNoChange(["case", "set", "C-1", "--field", "homes=12"], says: "C-1: nothing changed: homes is already 12")
        try expectNoChange(["case", "set", "C-1", "--field", "homes=12", "--field", "floors=6"],
                           says: "C-1: nothing changed: floors is already 6, homes is already 12")
        try expectChange(["case", "set", "C-1", "--field", "homes=14"])
        let json = try cli.run("case", "set", "C-1", "--field", "homes=14", "--json")
        #expect(json.status == 0 && json.stderr == "C-1: nothing changed: homes is already 14\n", "\(json)")
        #expect(json.stdout.contains("\"version\" : 2"), "\(json)")
    }

    @Test func classifyingTwiceAppendsOnceAndTakesAt() throws {
        try open()
        try expectChange(["case", "classify", "C-1", "--priority", "urgent", "--at", "2025-05-07"])
        try expectNoChange(["case", "classify", "C-1", "--priority", "urgent"], says: "C-1: nothing changed: priority is already urgent")
        try expectNoChange(["case", "classify", "C-1", "--priority", "urgent", "--difficulty", "normal"],
                           says: "C-1: nothing changed: priority is already urgent, difficulty is already normal")
        // Back-dated classification leaves room for later back-dated entries.
        try expectChange(["case", "note", "C-1", "入户走访", "--at", "2025-05-08"])
        let history = try cli.run("case", "history", "C-1", "--json")
        #expect(history.stdout.contains("2025-05-07"), "\(history)")
    }

    @Test func assigningTheSameHelperAppendsNothing() throws {
        try open()
        try expectChange(["case", "assign", "C-1", "--helper", "李娜", "--at", "2025-05-07"])
        try expectNoChange(["case", "assign", "C-1", "--helper", "李娜"], says: "C-1: nothing changed: the helper is already 李娜")
    }

    @Test func aRepeatedHomeOrBallotIsNotRecordedAgain() throws {
        try open()
        let home = ["consult", "home", "add", "C-1", "--home", "2-101", "--floor", "1", "--area", "89.53", "--owner", "赵敏"]
        try expectChange(home + ["--at", "2025-05-07"])
        try expectNoChange(home, says: "C-1: nothing changed: home 2-101 is already recorded as floor 1, 89.53 m², 赵敏")
        try expectChange(["consult", "vote", "C-1", "--home", "2-101", "--vote", "agree", "--at", "2025-05-08"])
        try expectNoChange(["consult", "vote", "C-1", "--home", "2-101", "--vote", "agree"],
                           says: "C-1: nothing changed: home 2-101 has already voted agree")
        try expectNoChange(["consult", "vote", "C-1", "--owner", "赵敏", "--vote", "agree"],
                           says: "C-1: nothing changed: every home of 赵敏 has already voted agree")
        try "home,vote\n2-101,agree\n".write(to: folder.appendingPathComponent("ballots.csv"), atomically: true, encoding: .utf8)
        try expectNoChange(["consult", "vote", "import", "C-1", "ballots.csv"],
                           says: "C-1: nothing changed: every ballot of ballots.csv is already recorded")
        try expectChange(["consult", "vote", "C-1", "--home", "2-101", "--vote", "object"])
    }

    @Test func resolvingAnObjectionAgainTheSameWayAppendsNothing() throws {
        try open()
        try expectChange(["case", "advance", "C-1", "--at", "2025-05-07"])
        try expectChange(["case", "assign", "C-1", "--helper", "李娜", "--at", "2025-05-07"])
        try expectChange(["case", "advance", "C-1", "--at", "2025-05-08"])   // → consultation
        for floor in 1...4 {
            try expectChange(["consult", "home", "add", "C-1", "--home", "\(floor)01", "--floor", "\(floor)", "--area", "80", "--owner", "业主\(floor)", "--at", "2025-05-09"])
            try expectChange(["consult", "vote", "C-1", "--home", "\(floor)01", "--vote", "agree", "--at", "2025-05-09"])
        }
        try expectChange(["case", "advance", "C-1", "--at", "2025-05-10", "--field", "implementing_entity=德州城投", "--field", "agreement_signed_on=2025-05-09"])
        try expectChange(["case", "advance", "C-1", "--at", "2025-05-11", "--field", "design_scheme_no=SJ-1"])   // → public-notice
        try expectChange(["consult", "objection", "C-1", "--from", "王先生", "--text", "采光", "--at", "2025-05-12"])
        try expectChange(["consult", "objection", "resolve", "C-1", "1", "--outcome", "mediated", "--at", "2025-05-13"])
        try expectNoChange(["consult", "objection", "resolve", "C-1", "1", "--outcome", "mediated"],
                           says: "C-1: nothing changed: objection #1 is already resolved (mediated)")
        let other = try cli.run("consult", "objection", "resolve", "C-1", "1", "--outcome", "overruled")
        #expect(other.status == 3 && other.stderr == "error: objection #1 of case C-1 is already resolved (mediated)\n", "\(other)")
    }

    @Test func registeringAPersonAgainAppendsNothing() throws {
        try #require(try cli.run("people", "add", "张伟", "--role", "admin", "--actor", "张伟", "--at", "2025-05-01").status == 0)
        try expectChange(["people", "add", "李娜", "--role", "helper", "--district", "德城区", "--actor", "张伟"])
        try expectNoChange(["people", "add", "李娜", "--role", "helper", "--district", "德城区", "--actor", "张伟"],
                           says: "nothing changed: 李娜 is already a helper in 德城区")
    }

    @Test(arguments: [
        ["case", "open", "--workflow", "no-such-workflow"],
        ["people", "add", "李娜", "--role", "helper"],
        ["case", "classify", "C-9", "--priority", "urgent"],
        ["consult", "vote", "C-9", "--home", "1", "--vote", "agree"],
    ])
    func aRefusedFirstCommandLeavesNoDatabase(arguments: [String]) throws {
        let result = try cli.run(arguments)
        #expect(result.status != 0, "\(result)")
        #expect(result.stderr.hasPrefix("error: "), "\(result)")
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("retrofit.sqlite") }
        #expect(left.isEmpty, "\(arguments) left \(left)")
    }
}
