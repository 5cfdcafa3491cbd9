import Foundation
import RetrofitTestSupport
import Testing

/// Runs the built binary. `swift build` must have run first (`swift test` builds it).
@Suite("The retrofit command line, run as a user would")
struct CommandLineTests {
    let folder: URL
    let cli: RetrofitProcess

    init() throws {
        folder = try Fixtures.temporaryDirectory()
        cli = RetrofitProcess(directory: folder, now: "2025-06-02T10:00")
    }

    static let intake = ["--field", "address=德州市德城区新华路12号", "--field", "district=德城区", "--field", "community=新华小区",
                         "--field", "building=3", "--field", "unit=2", "--field", "homes=12", "--field", "floors=6"]

    func openCase(_ id: String = "ER-1", at: String = "2025-05-06") throws {
        let result = try cli.run(["case", "open", "--workflow", "elevator-retrofit", "--id", id, "--at", at] + Self.intake)
        #expect(result.status == 0, "\(result)")
    }

    func eventCount() throws -> Int {
        let result = try cli.run("case", "history", "ER-1", "--json")
        return (try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [Any])?.count ?? -1
    }

    @Test func theBinaryExists() {
        #expect(FileManager.default.isExecutableFile(atPath: RetrofitProcess.binary.path), "run swift build first: \(RetrofitProcess.binary.path)")
    }

    @Test func everyCommandsHelpShowsAnExample() throws {
        for command in [["case", "open"], ["case", "advance"], ["case", "show"], ["case", "suspend"], ["overdue"], ["queue"],
                        ["workflow", "validate"], ["workflow", "show"], ["calendar", "deadline"], ["people", "add"], ["admin", "rebuild"], ["demo"]] {
            let result = try cli.run(command + ["--help"])
            #expect(result.status == 0)
            #expect(result.stdout.contains("Example"), "no example in \(command.joined(separator: " ")) --help")
        }
    }

    @Test func openingPrintsTheGeneratedIdAndJSON() throws {
        let first = try cli.run(["case", "open", "--workflow", "elevator-retrofit", "--at", "2025-05-06"] + Self.intake)
        #expect(first.status == 0)
        #expect(first.stdout == "ER-2025-0001\n")
        let second = try cli.run(["case", "open", "--workflow", "elevator-retrofit", "--json", "--at", "2025-05-06"] + Self.intake)
        let json = try JSONSerialization.jsonObject(with: Data(second.stdout.utf8)) as? [String: String]
        #expect(json?["id"] == "ER-2025-0002")
    }

    struct Failure: CustomTestStringConvertible, Sendable {
        let name: String
        let arguments: [String]
        let status: Int32
        let message: String
        var testDescription: String { name }
    }

    static let failures: [Failure] = [
        Failure(name: "unknown case", arguments: ["case", "advance", "NOPE"], status: 2, message: "error: case NOPE does not exist"),
        Failure(name: "unknown workflow", arguments: ["case", "open", "--workflow", "lift"] + intake, status: 2, message: "error: unknown workflow 'lift'; available: elevator-renewal, elevator-retrofit"),
        Failure(name: "a move not allowed from this stage", arguments: ["case", "advance", "ER-1", "--to", "construction"], status: 3,
                message: "error: case ER-1 cannot move from 'intake' to 'construction'; allowed: helper-assignment (accept)"),
        Failure(name: "a required field missing", arguments: ["case", "open", "--workflow", "elevator-retrofit", "--field", "floors=6"], status: 3,
                message: "error: cannot open a case: stage 'intake' needs address (地址 / Address)"),
        Failure(name: "a value of the wrong type", arguments: ["case", "set", "ER-1", "--field", "floors=eight"], status: 2,
                message: "error: field floors=eight is not valid: expected a whole number for integer field 'floors' (层数 / Floors)"),
        Failure(name: "an unknown field", arguments: ["case", "set", "ER-1", "--field", "flors=6"], status: 2,
                message: "error: unknown field 'flors' (did you mean 'floors'?)"),
        Failure(name: "a date in the future", arguments: ["case", "note", "ER-1", "x", "--at", "2025-07-01"], status: 2,
                message: "error: the date 2025-07-01T00:00:00+08:00 is in the future"),
        Failure(name: "a date before the previous event", arguments: ["case", "note", "ER-1", "x", "--at", "2025-05-01"], status: 2,
                message: "error: the date 2025-05-01T00:00:00+08:00 is before case ER-1's previous event"),
        Failure(name: "a date that is not a date", arguments: ["case", "note", "ER-1", "x", "--at", "2025-02-30"], status: 2,
                message: "error: --at '2025-02-30' is not a date"),
        Failure(name: "resuming a case that is not suspended", arguments: ["case", "resume", "ER-1"], status: 3,
                message: "error: case ER-1 is not suspended"),
    ]

    @Test("each failure is one error line, its exit code, and nothing written", arguments: failures)
    func failuresAreClearAndWriteNothing(_ failure: Failure) throws {
        try openCase()
        let before = try eventCount()
        let result = try cli.run(failure.arguments)
        #expect(result.status == failure.status, "\(result)")
        #expect(result.stderr.hasPrefix(failure.message), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1, "more than one line: \(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(try eventCount() == before)
    }

    @Test func aFileThatIsNotARetrofitDatabaseIsRefused() throws {
        let path = folder.appendingPathComponent("notes.txt").path
        _ = FileManager.default.createFile(atPath: path, contents: Data(String(repeating: "这不是数据库。", count: 200).utf8))
        let before = FileManager.default.contents(atPath: path)
        let result = try cli.run(["case", "list", "--db", path])
        #expect(result.status == 5, "\(result)")
        #expect(result.stderr == "error: \(path) is not a SQLite database; give --db the path of a retrofit database\n")
        #expect(FileManager.default.contents(atPath: path) == before)
    }

    @Test func readingAMissingDatabaseSaysHowToCreateOne() throws {
        let result = try cli.run("overdue")
        #expect(result.status == 5)
        #expect(result.stderr.hasPrefix("error: no database at "))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("retrofit.sqlite").path))
    }

    @Test func twoProcessesAdvancingOneCaseAtOnceOneWinsTheOtherGetsTheConflictCode() throws {
        try openCase()
        for round in 0..<3 {
            let version = 1 + round
            let cli = self.cli
            let results = try [0, 1].concurrentMap { index in
                try cli.run(["case", "note", "ER-1", "helper \(index) round \(round)", "--expect-version", "\(version)"])
            }
            let statuses = results.map(\.status).sorted()
            #expect(statuses == [0, 4], "\(results)")
            let loser = results.first { $0.status == 4 }
            #expect(loser?.stderr.hasPrefix("error: case ER-1 changed while this command ran (expected version \(version), found \(version + 1))") == true)
        }
        #expect(try eventCount() == 4)
        let check = try cli.run("admin", "rebuild", "--check")
        #expect(check.status == 0, "\(check)")
    }

    @Test func caseShowJSONHasTheContractKeys() throws {
        try openCase()
        let result = try cli.run("case", "show", "ER-1", "--json")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        for key in ["id", "workflow", "workflowVersion", "stage", "status", "version", "helper", "deadline", "overdue", "fields"] {
            #expect(json.keys.contains(key), "missing \(key)")
        }
        #expect(json["deadline"] as? String == "2025-05-13")   // 5 working days after Tuesday 2025-05-06
        #expect(json["overdue"] as? Bool == true)
        #expect((json["fields"] as? [String: String])?["district"] == "德城区")
        let overdue = try cli.run("overdue", "--json")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(overdue.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 1)
        #expect(rows.first?["daysLate"] as? Int == 20)   // overdue from 05-14; on 06-02 that is 20 days late
        for key in ["id", "stage", "deadline", "daysLate", "helper"] { #expect(rows.first?.keys.contains(key) == true, "missing \(key)") }
    }

    @Test func tablesStayAlignedWithChineseText() throws {
        try openCase("ER-1")
        _ = try cli.run(["case", "open", "--workflow", "elevator-retrofit", "--id", "ER-2", "--at", "2025-05-06"] + Self.intake
                        .map { $0 == "district=德城区" ? "district=经济技术开发区" : $0 })
        _ = try cli.run("case", "assign", "ER-2", "--helper", "欧阳娜娜")
        let result = try cli.run("case", "list")
        let lines = result.stdout.split(separator: "\n").map(String.init).filter { $0.hasPrefix("ER-") || $0.hasPrefix("case") }
        #expect(lines.count == 3)
        // Every row's "status" column starts at the same display column as the header's.
        func statusColumn(_ line: String) -> Int? {
            guard let range = line.range(of: "active") ?? line.range(of: "status") else { return nil }
            return String(line[..<range.lowerBound]).unicodeScalars.reduce(0) { $0 + ($1.value >= 0x2E80 ? 2 : 1) }
        }
        let columns = Set(lines.compactMap(statusColumn))
        #expect(columns.count == 1, "\(result.stdout)")
        let helperLine = try #require(lines.first { $0.contains("欧阳娜娜") })
        let headerLine = try #require(lines.first { $0.hasPrefix("case") })
        func width(_ text: String, upTo marker: String) -> Int {
            guard let range = text.range(of: marker) else { return -1 }
            return String(text[..<range.lowerBound]).unicodeScalars.reduce(0) { $0 + ($1.value >= 0x2E80 ? 2 : 1) }
        }
        #expect(width(helperLine, upTo: "欧阳娜娜") == width(headerLine, upTo: "helper"))
    }
}

extension Array where Element: Sendable {
    /// Runs `transform` on every element at the same time, on separate threads.
    func concurrentMap<T: Sendable>(_ transform: @escaping @Sendable (Element) throws -> T) throws -> [T] {
        let lock = NSLock()
        nonisolated(unsafe) var results = [Result<T, any Error>?](repeating: nil, count: count)
        let elements = self
        DispatchQueue.concurrentPerform(iterations: count) { index in
            let result = Result { try transform(elements[index]) }
            lock.lock()
            results[index] = result
            lock.unlock()
        }
        return try results.map { try ($0 ?? .failure(CancellationError())).get() }
    }
}
