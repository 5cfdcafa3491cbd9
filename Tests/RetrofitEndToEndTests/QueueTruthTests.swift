import Foundation
import RetrofitTestSupport
import Testing

/// The queue and `case explain` name what `case advance` checks: on a seeded demo database, a move
/// the queue calls ready is accepted, and a blocked one is refused for the first blocker it names.
@Suite("The queue tells the truth about what blocks each case")
struct QueueTruthTests {
    let folder: URL
    let cli: RetrofitProcess

    init() throws {
        folder = try Fixtures.temporaryDirectory()
        cli = RetrofitProcess(directory: folder, now: "2025-12-15T17:00", actor: "张伟")
    }

    func json(_ arguments: String...) throws -> Any {
        let result = try cli.run(arguments)
        #expect(result.status == 0, "\(arguments): \(result)")
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    }

    /// The words of `case advance`'s refusal for each kind of blocker (the engine's messages).
    static func refusal(_ stderr: String, matches blocker: [String: Any], move: String) -> Bool {
        let text = blocker["text"] as? String ?? ""
        switch blocker["kind"] as? String {
        case "role": return stderr.contains("\"\(move)\" needs")
        case "minimum-duration": return stderr.contains("must last at least") && text.split(separator: " ").last.map { stderr.contains("until \($0))") } == true
        case "minimum-unknown": return stderr.contains("cannot check the minimum")
        case "open-objections": return stderr.contains("while objections are open")
        case "missing-fields":
            let fields = text.dropFirst("set ".count).components(separatedBy: ", ")
            return stderr.contains("cannot \(move) to") && fields.allSatisfy { stderr.contains($0) }
        case "missing-value": return stderr.contains("cannot \(move): case") && stderr.contains("yet")
        case "guard": return stderr.contains("guard failed:")
        case "tally": return stderr.contains("cannot \(move):")
        case "vote": return stderr.contains("vote rule not met")
        default: return false
        }
    }

    /// A value of the right type for a field the queue asks for.
    static func value(for field: String) -> String {
        if field.hasSuffix("_on") || field.hasSuffix("_date") { return "2025-12-01" }
        if field.hasSuffix("_amount") || field == "homes" || field == "floors" || field.hasPrefix("years") { return "100000" }
        return "T-1"
    }

    @Test func everyReadyMoveSucceedsAndEveryBlockedMoveIsRefusedForItsFirstBlocker() throws {
        let seed = ProcessInfo.processInfo.environment["RETROFIT_TEST_SEED"].flatMap(Int.init) ?? Int.random(in: 1...1_000_000)
        print("queue truth: demo seed \(seed) (rerun with RETROFIT_TEST_SEED=\(seed))")
        let demo = try cli.run("demo", "--seed", "\(seed)", "--cases", "60", "--quiet", "--db", cli.environment["RETROFIT_DB"] ?? "")
        try #require(demo.status == 0, "\(demo)")

        let active = try #require(try json("case", "list", "--status", "active", "--json") as? [[String: Any]])
        // Each case is judged for the person who would move it: its helper, or a manager while it has none.
        var entries: [(entry: [String: Any], actor: String)] = []
        for helper in Set(active.compactMap { $0["helper"] as? String }).sorted() {
            let queue = try #require(try json("queue", "--helper", helper, "--actor", helper, "--json") as? [[String: Any]])
            entries += queue.map { ($0, helper) }
        }
        let managers = try #require(try json("queue", "--actor", "王芳", "--json") as? [[String: Any]])
        entries += managers.filter { $0["helper"] is NSNull }.map { ($0, "王芳") }
        #expect(entries.count == active.count, "every active case is in one queue")

        var ready = 0, blocked = 0, otherMoves = 0, kinds: Set<String> = []
        for (entry, actor) in entries {
            let id = try #require(entry["id"] as? String)
            guard let next = entry["next"] as? [String: Any], let move = next["move"] as? String else { continue }
            let blockers = next["blockers"] as? [[String: Any]] ?? []
            let explain = try #require(try json("case", "explain", id, "--actor", actor, "--json") as? [String: Any])
            let explained = (explain["moves"] as? [[String: Any]])?.first
            #expect(explained?["move"] as? String == move, "\(id)")
            #expect((explained?["blockers"] as? [[String: Any]])?.compactMap { $0["kind"] as? String }
                    == blockers.compactMap { $0["kind"] as? String }, "explain and queue agree on \(id)")

            // The other moves out of the stage (a rework, a failed inspection): a blocked one is refused
            // for its first blocker, which leaves the case as it was.
            for other in (explain["moves"] as? [[String: Any]] ?? []).dropFirst() where other["ready"] as? Bool == false {
                let name = try #require(other["move"] as? String)
                let first = try #require((other["blockers"] as? [[String: Any]])?.first)
                let refused = try cli.run("case", "advance", id, "--to", name, "--actor", actor)
                #expect(refused.status == 3 && Self.refusal(refused.stderr, matches: first, move: name),
                        "\(id): explain said \(name) is blocked by \(first), advance said \(refused)")
                otherMoves += 1
            }

            let advance = try cli.run("case", "advance", id, "--to", move, "--actor", actor)
            if next["ready"] as? Bool == true {
                ready += 1
                #expect(advance.status == 0, "queue said \(id) may \(move): \(advance)")
                continue
            }
            blocked += 1
            for vote in blockers where vote["kind"] as? String == "vote" && !(vote["text"] as? String ?? "").hasPrefix("record") {
                let conditions = vote["conditions"] as? [[String: Any]] ?? []
                #expect(!conditions.isEmpty && conditions.allSatisfy { $0["numerator"] is Int && $0["denominator"] is Int }, "\(id): \(vote)")
            }
            let first = try #require(blockers.first)
            kinds.insert(first["kind"] as? String ?? "")
            #expect(advance.status == 3, "\(id): \(advance)")
            #expect(Self.refusal(advance.stderr, matches: first, move: move), "\(id): queue said \(first), advance said \(advance.stderr)")

            // Doing exactly what the first blocker asks for (the fields) leaves the next blocker, and no other.
            if first["kind"] as? String == "missing-fields", let text = first["text"] as? String {
                let fields = text.dropFirst("set ".count).components(separatedBy: ", ")
                let given = fields.flatMap { ["--field", "\($0)=\(Self.value(for: $0))"] }
                let again = try cli.run(["case", "advance", id, "--to", move, "--actor", actor] + given)
                if blockers.count > 1 {
                    #expect(again.status == 3, "\(id): \(again)")
                    #expect(Self.refusal(again.stderr, matches: blockers[1], move: move), "\(id): then \(blockers[1]), advance said \(again.stderr)")
                } else {
                    #expect(again.status == 0, "\(id): the queue named only fields, yet: \(again)")
                }
            }
        }
        print("queue truth: \(ready) ready, \(blocked) blocked (first blockers: \(kinds.sorted().joined(separator: ", "))), \(otherMoves) other blocked moves refused")
        #expect(ready + blocked > 0)
    }

    @Test func explainSaysWhyACaseEnteredTodayIsNotYetDueSoon() throws {
        let intake = ["--field", "address=德州市德城区新华路12号", "--field", "district=德城区", "--field", "community=新华小区",
                      "--field", "building=3", "--field", "unit=2", "--field", "homes=12", "--field", "floors=6"]
        #expect(try cli.run(["case", "open", "--workflow", "elevator-retrofit", "--id", "A", "--at", "2025-12-15T09:00"] + intake).status == 0)
        #expect(try cli.run("case", "advance", "A", "--at", "2025-12-15T10:00").status == 0)   // helper assignment: 3 working days, to 12-18
        let explain = try cli.run("case", "explain", "A")
        #expect(explain.stdout.contains("Due soon from 2025-12-16: the last 3 working day(s) before the deadline (warn_before of calendar cn-mainland); the window never opens before the day after entry (2025-12-16)."), "\(explain)")
        #expect(explain.stdout.contains("On 2025-12-15 it is not due soon: the window opens on 2025-12-16."))
        #expect(explain.stdout.contains("Move assign → consultation: blocked on 2025-12-15:\n  - assign a helper"))
        let later = try cli.run("case", "explain", "A", "--as-of", "2025-12-17")
        #expect(later.stdout.contains("On 2025-12-17 it is due soon: 2025-12-16 ≤ 2025-12-17 ≤ 2025-12-18."), "\(later)")
        #expect(try cli.run("case", "assign", "A", "--helper", "李娜").status == 0)
        #expect(try cli.run("case", "explain", "A").stdout.contains("Move assign → consultation: ready on 2025-12-15."))
    }
}
