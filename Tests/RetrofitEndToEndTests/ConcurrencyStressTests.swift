import Foundation
import RetrofitTestSupport
import Testing

/// Several `retrofit` processes write to one database at once.
///
/// Writers wait for each other (SQLite's busy timeout) instead of failing; the only failure allowed
/// is a conflict (exit 4) from `--expect-version` when another process got there first. Afterwards
/// every success that changed something is one event, no more, no less, each case's versions run 1, 2, 3… without a gap,
/// and a rebuild from the log equals the live tables.
@Suite("Concurrent writers", .tags(.reliability))
struct ConcurrencyStressTests {
    private struct Version: Decodable { let version: Int }

    /// What one worker did.
    private struct Tally {
        var successes = 0
        var conflicts = 0
        var failures: [String] = []
    }

    @Test("processes writing to shared cases at once lose no event and leave a sound database")
    func writersWaitAndLoseNothing() throws {
        let cli = try LedgerCLI.temporary("concurrency")
        defer { cli.cleanUp() }
        try cli.write("cases.csv", LedgerFiles.csv(LedgerFiles.rows(3)))
        #expect(try cli.run("import", "cases.csv", "--workflow", "elevator-retrofit").status == 0)
        let before = try #require(LedgerCLI.eventCount(cli.database))
        let workers = LedgerFixtures.scaled(4, heavy: 8)
        let operations = LedgerFixtures.scaled(10, heavy: 60)
        let random = LedgerRandom.seeded("concurrency stress")
        let tallies = LockedTallies()
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var generator = LedgerRandom(seed: random.seed &+ UInt64(worker))
            var tally = Tally()
            var lastSeen: [String: Int] = [:]
            for step in 0..<operations {
                let caseID = "LG-0000\(Int.random(in: 0..<3, using: &generator))"
                let arguments: [String]
                if generator.chance(50) {
                    arguments = ["case", "note", caseID, "worker \(worker) step \(step)"]
                } else {
                    let expected = lastSeen[caseID] ?? 1
                    arguments = ["case", "set", caseID, "--field", "floors=\(6 + step % 5)", "--expect-version", "\(expected)", "--json"]
                }
                do {
                    let result = try cli.run(arguments)
                    switch result.status {
                    case 0:
                        // A set to the value the field already has writes nothing (and says so): not a success to count.
                        if !result.stderr.contains("nothing changed") { tally.successes += 1 }
                        if let seen = try? JSONDecoder().decode(Version.self, from: Data(result.stdout.utf8)) { lastSeen[caseID] = seen.version }
                    case 4 where arguments.contains("--expect-version") && result.errorLines.count == 1:
                        tally.conflicts += 1
                        lastSeen[caseID] = (lastSeen[caseID] ?? 1) + Int.random(in: 1...3, using: &generator)
                    default:
                        tally.failures.append(result.description)
                    }
                } catch {
                    tally.failures.append("\(arguments): \(error)")
                }
            }
            tallies.add(successes: tally.successes, conflicts: tally.conflicts, failures: tally.failures)
        }
        let (successes, conflicts, failures) = tallies.totals
        print("concurrency stress: \(workers) processes × \(operations) commands: \(successes) written, \(conflicts) conflicts")
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n\n"))")
        let inspection = try LedgerDatabaseInspection.inspect(cli.database)
        #expect(inspection.eventCount == before + successes)
        #expect(inspection.versionsGapFree)
        #expect(inspection.isSound)
        #expect(try cli.run("admin", "rebuild", "--check").status == 0)
        let check = try cli.run("admin", "check")
        #expect(check.status == 0, "\(check)")
    }

    @Test("two imports of the same file at once bring in every case exactly once")
    func concurrentImportsOfOneFile() throws {
        let cli = try LedgerCLI.temporary("concurrent-import")
        defer { cli.cleanUp() }
        let rows = LedgerFixtures.scaled(200, heavy: 2000)
        try cli.write("ledger.csv", LedgerFiles.csv(LedgerFiles.rows(rows)))
        // Create the database first, so both processes race on the rows, not on creating the file.
        try cli.write("empty.csv", LedgerFiles.csv([]))
        #expect(try cli.run("import", "empty.csv", "--workflow", "elevator-retrofit").status == 0)
        let arguments = ["import", "ledger.csv", "--workflow", "elevator-retrofit", "--batch", "5"]
        let group = DispatchGroup()
        nonisolated(unsafe) var first: LedgerCLI.Result?
        nonisolated(unsafe) var second: LedgerCLI.Result?
        DispatchQueue.global().async(group: group) { first = try? cli.run(arguments) }
        DispatchQueue.global().async(group: group) { second = try? cli.run(arguments) }
        group.wait()
        var imported = 0
        for result in [first, second] {
            let result = try #require(result)
            #expect(result.status == 0, "\(result)")
            let words = result.stdout.split(separator: " ")
            imported += words.count > 1 ? Int(words[1]) ?? 0 : 0
        }
        #expect(imported == rows)
        let inspection = try LedgerDatabaseInspection.inspect(cli.database)
        #expect(inspection.eventCount == rows)
        #expect(inspection.types.count == rows)
        #expect(inspection.types.values.allSatisfy { $0 == ["imported"] })
        #expect(inspection.isSound)
    }
}

/// Tallies from concurrent workers, added under a lock.
final class LockedTallies: @unchecked Sendable {
    private let lock = NSLock()
    private var successes = 0
    private var conflicts = 0
    private var failures: [String] = []

    func add(successes: Int, conflicts: Int, failures: [String]) {
        lock.lock()
        defer { lock.unlock() }
        self.successes += successes
        self.conflicts += conflicts
        self.failures += failures
    }

    var totals: (Int, Int, [String]) {
        lock.lock()
        defer { lock.unlock() }
        return (successes, conflicts, failures)
    }
}
