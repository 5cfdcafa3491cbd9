import Foundation
import RetrofitTestSupport
import Testing

/// `retrofit admin backup` while another process keeps writing: each copy is a consistent snapshot
/// that passes `admin check` (integrity, hash chain, rebuild equals live).
@Suite("Backup while writing", .tags(.reliability))
struct BackupWhileWritingTests {
    @Test("copies taken while a writer runs pass admin check")
    func backupsDuringWrites() throws {
        let cli = try LedgerCLI.temporary("backup")
        defer { cli.cleanUp() }
        try cli.write("ledger.csv", LedgerFiles.csv(LedgerFiles.rows(200)))
        #expect(try cli.run("import", "ledger.csv", "--workflow", "elevator-retrofit").status == 0)
        let writes = LedgerFixtures.scaled(30, heavy: 300)
        let writerDone = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var writerFailures: [String] = []
        DispatchQueue.global().async {
            for step in 0..<writes {
                let result = try? cli.run("case", "note", "LG-0000\(step % 10)", "note \(step)")
                if result?.status != 0 { writerFailures.append(result?.description ?? "could not start") }
            }
            writerDone.signal()
        }
        var copies: [String] = []
        for index in 0..<LedgerFixtures.scaled(4, heavy: 20) {
            let copy = cli.path("backup-\(index).sqlite")
            let result = try cli.run("admin", "backup", copy)
            #expect(result.status == 0, "\(result)")
            copies.append(copy)
            usleep(150_000)
        }
        writerDone.wait()
        #expect(writerFailures.isEmpty, "\(writerFailures)")
        let final = try #require(LedgerCLI.eventCount(cli.database))
        for copy in copies {
            let check = try cli.run("admin", "check", "--db", copy)
            #expect(check.status == 0, "\(copy): \(check)")
            let events = try #require(LedgerCLI.eventCount(copy))
            #expect(events >= 200 && events <= final)
        }
    }
}
