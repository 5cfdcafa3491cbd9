import Foundation
import RetrofitTestSupport
import Testing

/// Random and mutated input through the real binary. Every run must end with exit 0, or with a
/// clear `error:` line and exit 1–5 or 64: never a signal (a crash), never silence, and never a
/// partial write (a failed command leaves the event count as it was). Seeded; the seed is printed.
@Suite("Fuzzing the command line", .tags(.reliability, .heavy))
struct FuzzTests {
    @Test("mutated workflow files through 'workflow validate'")
    func mutatedWorkflows() throws {
        let cli = try LedgerCLI.temporary("fuzz-workflow")
        defer { cli.cleanUp() }
        var random = LedgerRandom.seeded("fuzz (workflow validate)")
        let original = try #require(String(data: try Data(contentsOf: LedgerFuzz.workflowFile), encoding: .utf8))
        for run in 0..<LedgerFixtures.scaled(20, heavy: 300) {
            let mutated = LedgerFuzz.mutate(original, times: Int.random(in: 1...4, using: &random), using: &random)
            try cli.write("w.yaml", Data(mutated.utf8))
            let result = try cli.run("workflow", "validate", "w.yaml")
            #expect(result.endedCleanly, "run \(run): \(result)")
            #expect([0, 1, 2].contains(result.status), "run \(run): \(result)")
        }
    }

    @Test("random --field values on open and set never write half a command")
    func randomFieldValues() throws {
        let cli = try LedgerCLI.temporary("fuzz-fields")
        defer { cli.cleanUp() }
        try cli.write("ledger.csv", LedgerFiles.csv(LedgerFiles.rows(1)))
        #expect(try cli.run("import", "ledger.csv", "--workflow", "elevator-retrofit").status == 0)
        var random = LedgerRandom.seeded("fuzz (--field)")
        let names = ["address", "district", "homes", "floors", "agreement_signed_on", "subsidy_amount", "nope", "", "homes=1"]
        for run in 0..<LedgerFixtures.scaled(20, heavy: 300) {
            let fields = (0..<Int.random(in: 0...3, using: &random)).map { _ in
                "\(random.pick(names) ?? "x")=\(LedgerFuzz.text(maxLength: 12, using: &random))"
            }
            let command = random.chance(50)
                ? ["case", "set", "LG-00000"] : ["case", "open", "--workflow", "elevator-retrofit", "--id", "F-\(run)"]
            try expectAtomic(cli, command + fields.flatMap { ["--field", $0] }, run: run)
        }
    }

    @Test("random command lines end cleanly")
    func randomCommandLines() throws {
        let cli = try LedgerCLI.temporary("fuzz-commands")
        defer { cli.cleanUp() }
        try cli.write("ledger.csv", LedgerFiles.csv(LedgerFiles.rows(2)))
        #expect(try cli.run("import", "ledger.csv", "--workflow", "elevator-retrofit").status == 0)
        var random = LedgerRandom.seeded("fuzz (command lines)")
        for run in 0..<LedgerFixtures.scaled(40, heavy: 500) {
            let arguments = LedgerFuzz.commandLine(using: &random)
            try expectAtomic(cli, arguments, run: run)
        }
    }

    @Test("random CSV bytes through import --dry-run and a real import")
    func randomCSVBytes() throws {
        let cli = try LedgerCLI.temporary("fuzz-csv")
        defer { cli.cleanUp() }
        try cli.write("seed.csv", LedgerFiles.csv(LedgerFiles.rows(1, prefix: "SEED")))
        #expect(try cli.run("import", "seed.csv", "--workflow", "elevator-retrofit").status == 0)
        var random = LedgerRandom.seeded("fuzz (CSV bytes)")
        let valid = [UInt8](LedgerFiles.csv(LedgerFiles.rows(8, prefix: "FZ")))
        for run in 0..<LedgerFixtures.scaled(16, heavy: 200) {
            let bytes = LedgerFuzz.csvBytes(from: valid, using: &random)
            try cli.write("fuzz.csv", Data(bytes))
            let dryRun = try cli.run("import", "fuzz.csv", "--workflow", "elevator-retrofit", "--dry-run")
            #expect(dryRun.endedCleanly, "run \(run): \(dryRun)")
            #expect([0, 2].contains(dryRun.status), "run \(run): \(dryRun)")
            try expectAtomic(cli, ["import", "fuzz.csv", "--workflow", "elevator-retrofit", "--batch", "3"], run: run)
        }
    }

    /// Runs a command and checks it ended cleanly, and that a failure wrote nothing.
    private func expectAtomic(_ cli: LedgerCLI, _ arguments: [String], run: Int) throws {
        let before = LedgerCLI.eventCount(cli.database)
        let result = try cli.run(arguments)
        #expect(result.endedCleanly, "run \(run): \(result)")
        if result.status != 0 {
            #expect(LedgerCLI.eventCount(cli.database) == before, "run \(run) failed but wrote events: \(result)")
        }
    }
}
