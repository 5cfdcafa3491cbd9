import Foundation
import RetrofitTestSupport

/// A database of imported consultation-stage cases with an admin and a manager who can sign in, for tests that run
/// `retrofit serve` as its own process and talk to it over loopback.
struct ServerFixture {
    let cli: RetrofitProcess
    /// The manager's API token: managers may write on every case.
    let token: String
    let caseIDs: [String]

    var database: String { cli.directory.appendingPathComponent("retrofit.sqlite").path }

    /// Whether the full-size (minutes-long) server tests run: `RETROFIT_SLOW_TESTS=1`, as `.ci/run` sets.
    static var slow: Bool { ProcessInfo.processInfo.environment["RETROFIT_SLOW_TESTS"] == "1" }

    static func make(_ label: String, cases: Int) throws -> ServerFixture {
        var cli = RetrofitProcess(directory: try LedgerFixtures.temporaryDirectory(label), now: LedgerFixtures.now)
        try LedgerFiles.csv(LedgerFiles.rows(cases)).write(to: cli.directory.appendingPathComponent("cases.csv"))
        let imported = try cli.run("import", "cases.csv", "--workflow", "elevator-retrofit")
        guard imported.status == 0 else { throw ServerProcess.Failure(description: "import: \(imported)") }
        _ = try cli.personWithToken("张伟", role: "admin")
        // Once the register has someone, the CLI's actor must be in it.
        cli.environment["RETROFIT_ACTOR"] = "张伟"
        let token = try cli.personWithToken("王芳", role: "manager")
        return ServerFixture(cli: cli, token: token, caseIDs: LedgerFiles.rows(cases).map { $0[0] })
    }

    func cleanUp() { try? FileManager.default.removeItem(at: cli.directory) }

    var bearer: (String, String) { ("Authorization", "Bearer \(token)") }

    /// `POST /api/v1/cases/{id}/note`, with `If-Match` and `Idempotency-Key` when given.
    func note(_ server: ServerProcess, _ caseID: String, _ text: String, ifMatch: Int? = nil, idempotencyKey: String? = nil,
              timeoutSeconds: Int = 30) throws(LoopbackHTTPError) -> HTTPAnswer {
        var headers = [bearer, ("Content-Type", "application/json")]
        if let ifMatch { headers.append(("If-Match", "\"\(ifMatch)\"")) }
        if let idempotencyKey { headers.append(("Idempotency-Key", idempotencyKey)) }
        let body = (try? JSONSerialization.data(withJSONObject: ["text": text])) ?? Data()
        return try server.send("POST", "/api/v1/cases/\(caseID)/note", headers: headers, body: body, timeoutSeconds: timeoutSeconds)
    }

    /// The case's version from `GET /api/v1/cases/{id}` (its ETag).
    func version(_ server: ServerProcess, _ caseID: String) throws -> Int? {
        let answer = try server.send("GET", "/api/v1/cases/\(caseID)", headers: [bearer])
        return answer.status == 200 ? answer.etagVersion : nil
    }

    /// One event of `GET /api/v1/cases/{id}/history`: its version, type and the strings of its payload.
    struct Event {
        let version: Int
        let type: String
        let texts: [String]
    }

    /// The whole history, page by page.
    func history(_ server: ServerProcess, _ caseID: String) throws -> [Event] {
        var events: [Event] = []
        while true {
            let answer = try server.send("GET", "/api/v1/cases/\(caseID)/history?after=\(events.last?.version ?? 0)&limit=1000",
                                         headers: [bearer])
            guard answer.status == 200, let page = try answer.json() as? [[String: Any]] else {
                throw ServerProcess.Failure(description: "history of \(caseID): \(answer)")
            }
            events += page.map { object in
                Event(version: object["version"] as? Int ?? -1, type: object["type"] as? String ?? "",
                      texts: Self.strings(in: object["payload"]))
            }
            if page.count < 1000 { return events }
        }
    }

    /// Every string inside a JSON value.
    static func strings(in value: Any?) -> [String] {
        switch value {
        case let text as String: [text]
        case let array as [Any]: array.flatMap { strings(in: $0) }
        case let object as [String: Any]: object.values.flatMap { strings(in: $0) }
        default: []
        }
    }

    /// How many times each note text appears in the histories of these cases, and whether every history's versions
    /// run 1, 2, 3… without a gap.
    func noteCounts(_ server: ServerProcess, cases: [String]) throws -> (counts: [String: Int], gapFree: Bool) {
        var counts: [String: Int] = [:]
        var gapFree = true
        for caseID in cases {
            let events = try history(server, caseID)
            if events.map(\.version) != Array(1...max(1, events.count)) || events.isEmpty { gapFree = false }
            for event in events where event.type == "noted" {
                for text in event.texts { counts[text, default: 0] += 1 }
            }
        }
        return (counts, gapFree)
    }

    /// `retrofit admin check`.
    func adminCheck() throws -> RetrofitProcess.Result { try cli.run("admin", "check") }
}

/// Outcomes from concurrent workers, gathered under a lock.
final class OutcomeLog<Outcome: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var outcomes: [Outcome] = []

    func add(_ outcome: Outcome) {
        lock.lock()
        defer { lock.unlock() }
        outcomes.append(outcome)
    }

    var all: [Outcome] {
        lock.lock()
        defer { lock.unlock() }
        return outcomes
    }
}
