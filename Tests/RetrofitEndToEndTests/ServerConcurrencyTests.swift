import Foundation
import RetrofitTestSupport
import Testing

/// Many clients write to shared cases through `retrofit serve` at once, over loopback, while CLI processes write to the
/// same file: nothing is lost, nothing is written twice, every refusal is a 412 or a 409.
@Suite("Server under concurrent writers", .tags(.reliability), .serialized)
struct ServerConcurrencyTests {
    /// One API write and what came of it.
    struct Write: Sendable {
        let caseID: String
        let text: String
        let ifMatch: Int?
        let status: Int?
        let answeredVersion: Int?
        let error: String?
    }

    struct Load: Sendable, CustomStringConvertible {
        let clients: Int
        let writesEach: Int
        let cases: Int
        let cliProcesses: Int
        let cliWritesEach: Int
        var description: String { "\(clients) clients × \(writesEach) writes on \(cases) cases, \(cliProcesses) CLI processes × \(cliWritesEach)" }
    }

    static let fast = Load(clients: 4, writesEach: 25, cases: 5, cliProcesses: 2, cliWritesEach: 5)
    static let full = Load(clients: 16, writesEach: 200, cases: 20, cliProcesses: 4, cliWritesEach: 25)

    @Test("a few clients and CLI processes writing notes on shared cases lose nothing and write nothing twice")
    func fastVariant() throws { try run(Self.fast) }

    @Test("16 clients × 200 writes on 20 shared cases, with CLI processes on the same file, lose nothing",
          .enabled(if: ServerFixture.slow, "set RETROFIT_SLOW_TESTS=1"))
    func fullVariant() throws { try run(Self.full) }

    func run(_ load: Load) throws {
        let fixture = try ServerFixture.make("server-concurrency", cases: load.cases)
        defer { fixture.cleanUp() }
        let server = try ServerProcess.start(fixture.cli)
        defer { server.kill() }
        let before = try fixture.noteCounts(server, cases: fixture.caseIDs)
        #expect(before.counts.isEmpty && before.gapFree)

        let writes = OutcomeLog<Write>()
        let cliFailures = OutcomeLog<String>()
        let cliWritten = OutcomeLog<String>()
        concurrently(load.clients + load.cliProcesses) { worker in
            var generator = LedgerRandom(seed: 0x5e7e_0000 &+ UInt64(worker))
            if worker >= load.clients {
                for step in 0..<load.cliWritesEach {
                    let caseID = fixture.caseIDs[Int.random(in: 0..<load.cases, using: &generator)]
                    let text = "cli \(worker) step \(step)"
                    do {
                        let result = try fixture.cli.run(["case", "note", caseID, text], environment: ["RETROFIT_ACTOR": "王芳"])
                        if result.status == 0 { cliWritten.add(text) } else { cliFailures.add("\(text): \(result)") }
                    } catch {
                        cliFailures.add("\(text): \(error)")
                    }
                }
                return
            }
            for step in 0..<load.writesEach {
                let caseID = fixture.caseIDs[Int.random(in: 0..<load.cases, using: &generator)]
                let text = "api \(worker) step \(step)"
                // Half the writes say which version they saw (a read just before), half are decided on the current case.
                let ifMatch: Int? = step % 2 == 0 ? ((try? fixture.version(server, caseID)) ?? nil) : nil
                do {
                    let answer = try fixture.note(server, caseID, text, ifMatch: ifMatch)
                    writes.add(Write(caseID: caseID, text: text, ifMatch: ifMatch, status: answer.status,
                                     answeredVersion: answer.etagVersion, error: answer.status == 200 ? nil : answer.text))
                } catch {
                    writes.add(Write(caseID: caseID, text: text, ifMatch: ifMatch, status: nil, answeredVersion: nil, error: "\(error)"))
                }
            }
        }

        let all = writes.all
        let written = all.filter { $0.status == 200 }
        let refused = all.filter { $0.status == 412 || $0.status == 409 }
        print("server concurrency: \(load): \(written.count) written, \(refused.count) refused, \(cliWritten.all.count) by the CLI")
        #expect(all.count == load.clients * load.writesEach)
        let unexpected = all.filter { $0.status != 200 && $0.status != 412 && $0.status != 409 }
        #expect(unexpected.isEmpty, "\(unexpected.prefix(5))")
        #expect(cliFailures.all.isEmpty, "\(cliFailures.all.prefix(3))")
        // A 412 only when the request named a version; a write that named one lands exactly on the next.
        #expect(all.filter { $0.status == 412 && $0.ifMatch == nil }.isEmpty)
        let misplaced = written.filter { write in write.ifMatch.map { write.answeredVersion != $0 + 1 } ?? false }
        #expect(misplaced.isEmpty, "\(misplaced.prefix(5))")

        let after = try fixture.noteCounts(server, cases: fixture.caseIDs)
        #expect(after.gapFree)
        let expected = Set(written.map(\.text) + cliWritten.all)
        let missing = expected.filter { after.counts[$0] != 1 }
        #expect(missing.isEmpty, "notes not there exactly once: \(missing.sorted().prefix(10)) of \(expected.count)")
        let extra = Set(after.counts.keys).subtracting(expected)
        #expect(extra.isEmpty, "notes written that were refused or never sent: \(extra.sorted().prefix(10))")
        #expect(after.counts.values.reduce(0, +) == expected.count)

        let ending = server.terminate()
        #expect(ending.status == 0 && !ending.wasSignalled, "\(ending)\n\(server.log.suffix(2000))")
        let check = try fixture.adminCheck()
        #expect(check.status == 0, "\(check)")
    }
}

/// Runs `body(0)`…`body(count - 1)` each on its own thread (not limited to the number of cores, as
/// `concurrentPerform` is) and waits for all of them.
func concurrently(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
    let group = DispatchGroup()
    for index in 0..<count {
        group.enter()
        let thread = Thread {
            body(index)
            group.leave()
        }
        thread.stackSize = 1 << 20
        thread.start()
    }
    group.wait()
}
