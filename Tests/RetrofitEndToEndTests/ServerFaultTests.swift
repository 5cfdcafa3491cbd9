import Foundation
import RetrofitTestSupport
import Testing

/// `retrofit serve` stopped or killed under load, and blocked by another writer holding the database.
@Suite("Server faults under load", .tags(.reliability), .serialized)
struct ServerFaultTests {
    /// What became of one request sent while the server was being stopped.
    enum Fate: Hashable, Sendable {
        case answered(Int)
        /// Sent, but no whole answer came back.
        case unanswered
        /// The connection was refused: the server never saw it.
        case notSent
    }

    struct Request: Sendable {
        let caseID: String
        let text: String
        let fate: Fate
    }

    static var clients: Int { ServerFixture.slow ? 16 : 6 }
    static var loadSeconds: Double { ServerFixture.slow ? 4 : 1.5 }

    /// Notes from `clients` threads, each with its text as its `Idempotency-Key`, until `stop()` has returned and the
    /// server refuses connections.
    static func underLoad(_ fixture: ServerFixture, _ server: ServerProcess, label: String,
                          stop: () -> Void) -> [Request] {
        let requests = OutcomeLog<Request>()
        let stopped = Flag()
        let clients = Self.clients
        let group = DispatchGroup()
        group.enter()
        Thread {
            concurrently(clients) { worker in
                var step = 0
                var refusedInARow = 0
                while refusedInARow < 3 {
                    let caseID = fixture.caseIDs[(worker + step) % fixture.caseIDs.count]
                    let text = "\(label) \(worker) step \(step)"
                    step += 1
                    do {
                        let answer = try fixture.note(server, caseID, text, idempotencyKey: text, timeoutSeconds: 20)
                        requests.add(Request(caseID: caseID, text: text, fate: .answered(answer.status)))
                        refusedInARow = 0
                    } catch LoopbackHTTPError.notConnected {
                        requests.add(Request(caseID: caseID, text: text, fate: .notSent))
                        if stopped.isSet { refusedInARow += 1 } else { usleep(10_000) }
                    } catch {
                        requests.add(Request(caseID: caseID, text: text, fate: .unanswered))
                    }
                }
            }
            group.leave()
        }.start()
        usleep(UInt32(Self.loadSeconds * 1_000_000))
        stop()
        stopped.set()
        group.wait()
        return requests.all
    }

    @Test("SIGTERM under load: every request was answered and written, or never started; the server exits 0")
    func terminateUnderLoad() throws {
        let fixture = try ServerFixture.make("server-sigterm", cases: 6)
        defer { fixture.cleanUp() }
        let server = try ServerProcess.start(fixture.cli)
        defer { server.kill() }
        var ending: ServerProcess.Ending?
        let requests = Self.underLoad(fixture, server, label: "term") { ending = server.terminate() }
        let fates = Dictionary(grouping: requests, by: \.fate).mapValues(\.count)
        print("SIGTERM under load: \(fates)")
        #expect(ending.map { $0.status == 0 && !$0.wasSignalled } == true, "\(String(describing: ending))\n\(server.log.suffix(3000))")
        #expect(requests.contains { $0.fate == .answered(200) }, "no write was answered before the stop")
        let unexpected = requests.filter { if case .answered(let status) = $0.fate { status != 200 && status != 503 } else { false } }
        #expect(unexpected.isEmpty, "\(unexpected.prefix(5))")

        let restarted = try ServerProcess.start(fixture.cli)
        defer { restarted.kill() }
        let notes = try fixture.noteCounts(restarted, cases: fixture.caseIDs)
        #expect(notes.gapFree)
        for request in requests {
            let count = notes.counts[request.text] ?? 0
            // Completed: answered 200 and there once. Never started: no answer (or a refusal) and not there at all.
            #expect(count == (request.fate == .answered(200) ? 1 : 0), "\(request.text) (\(request.fate)) is there \(count) times")
        }
        restarted.terminate()
        let check = try fixture.adminCheck()
        #expect(check.status == 0, "\(check)")
    }

    @Test("SIGKILL under load: admin check is clean after it, and retrying the unanswered requests with their keys writes each once")
    func killUnderLoad() throws {
        let fixture = try ServerFixture.make("server-sigkill", cases: 6)
        defer { fixture.cleanUp() }
        let server = try ServerProcess.start(fixture.cli)
        let requests = Self.underLoad(fixture, server, label: "kill") { server.kill() }
        let fates = Dictionary(grouping: requests, by: \.fate).mapValues(\.count)
        print("SIGKILL under load: \(fates)")
        #expect(requests.contains { $0.fate == .answered(200) }, "no write was answered before the kill")

        let check = try fixture.adminCheck()
        #expect(check.status == 0, "\(check)")
        let restarted = try ServerProcess.start(fixture.cli)
        defer { restarted.kill() }
        // A helper on a bad connection sends the same request again, with the same key.
        let unanswered = requests.filter { $0.fate == .unanswered }
        let answered = requests.filter { $0.fate == .answered(200) }
        for request in unanswered + answered.suffix(3) {
            let retry = try fixture.note(restarted, request.caseID, request.text, idempotencyKey: request.text)
            #expect(retry.status == 200, "retrying \(request.text): \(retry)")
        }
        let notes = try fixture.noteCounts(restarted, cases: fixture.caseIDs)
        #expect(notes.gapFree)
        for request in requests {
            let count = notes.counts[request.text] ?? 0
            let written = request.fate == .answered(200) || request.fate == .unanswered
            #expect(count == (written ? 1 : 0), "\(request.text) (\(request.fate)) is there \(count) times")
        }
        restarted.terminate()
        let recheck = try fixture.adminCheck()
        #expect(recheck.status == 0, "\(recheck)")
    }

    @Test("a database locked by another writer: a write waits the busy timeout, then 503 with Retry-After; it works once the lock is gone")
    func lockedDatabase() throws {
        let fixture = try ServerFixture.make("server-locked", cases: 2)
        defer { fixture.cleanUp() }
        let server = try ServerProcess.start(fixture.cli)
        defer { server.kill() }
        let caseID = fixture.caseIDs[0]
        #expect(try fixture.note(server, caseID, "before the lock").status == 200)

        let lock = try SQLiteWriteLock(holding: fixture.database)
        let started = Date()
        let blocked = try fixture.note(server, caseID, "while locked", idempotencyKey: "while locked", timeoutSeconds: 120)
        let waited = Date().timeIntervalSince(started)
        #expect(blocked.status == 503, "\(blocked)")
        #expect(blocked.headers["content-type"]?.hasPrefix("application/problem+json") == true)
        #expect(blocked.headers["retry-after"].flatMap(Int.init).map { $0 > 0 } == true, "\(blocked.headers)")
        #expect(waited >= 5 && waited < 60, "answered after \(waited) s; the busy timeout is 10 s")
        // Reading does not need the write lock (WAL), and the process is still there.
        #expect(try server.send("GET", "/healthz").status == 200)
        #expect(try server.send("GET", "/api/v1/cases/\(caseID)", headers: [fixture.bearer], timeoutSeconds: 60).status == 200)
        try lock.release()

        let retried = try fixture.note(server, caseID, "while locked", idempotencyKey: "while locked")
        #expect(retried.status == 200, "\(retried)")
        #expect(server.isRunning)
        let notes = try fixture.noteCounts(server, cases: [caseID])
        #expect(notes.counts == ["before the lock": 1, "while locked": 1])
        #expect(notes.gapFree)
        #expect(!server.log.contains("Fatal error"))
    }
}

/// A flag one thread sets and others read.
final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    func set() {
        lock.lock()
        value = true
        lock.unlock()
    }

    var isSet: Bool {
        lock.lock()
        defer { lock.unlock() }
        return value
    }
}
