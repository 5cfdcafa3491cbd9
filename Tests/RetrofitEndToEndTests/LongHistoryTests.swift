import Foundation
import RetrofitTestSupport
import Testing

/// One case with a very long history (100,000 events with `RETROFIT_HEAVY=1`, 10,000 by default),
/// built in-process in big transactions, then used through the CLI as a helper would.
@Suite("Long histories", .tags(.reliability, .heavy))
struct LongHistoryTests {
    @Test("a case with a long history shows, pages, advances and rebuilds")
    func longHistory() async throws {
        let cli = try LedgerCLI.temporary("long-history")
        defer { cli.cleanUp() }
        let notes = LedgerFixtures.scaled(10_000, heavy: 100_000)
        let version = try await LedgerHistoryBuilder.caseWithNotes(path: cli.database, caseID: "LONG-1", notes: notes)
        #expect(version == notes + 1)

        let show = try cli.run("case", "show", "LONG-1")
        #expect(show.status == 0, "\(show)")
        #expect(show.stdout.contains("case version \(notes + 1)"))
        #expect(show.stdout.contains("bulk note \(notes)"))

        let middle = notes / 2
        let page = try cli.run("case", "history", "LONG-1", "--limit", "100", "--after", "\(middle)")
        #expect(page.status == 0, "\(page)")
        let rows = page.stdout.split(separator: "\n").filter { $0.contains("noted") }
        #expect(rows.count == 100)
        #expect(rows.first?.hasPrefix("\(middle + 1) ") == true, "\(rows.first ?? "")")
        #expect(rows.last?.hasPrefix("\(middle + 100) ") == true)
        #expect(page.stdout.hasSuffix("… more: --after \(middle + 100)\n"))
        let last = try cli.run("case", "history", "LONG-1", "--limit", "100", "--after", "\(notes + 1 - 10)", "--json")
        #expect(last.stdout.components(separatedBy: "\"type\" : \"noted\"").count - 1 == 10)

        let advance = try cli.run("case", "advance", "LONG-1", "--to", "helper-assignment", "--at", "2025-03-05")
        #expect(advance.status == 0, "\(advance)")
        #expect(try cli.run("case", "show", "LONG-1", "--json").stdout.contains("\"version\" : \(notes + 2)"))
        let rebuild = try cli.run("admin", "rebuild", "--check")
        #expect(rebuild.status == 0, "\(rebuild)")
        #expect(rebuild.stdout.contains("from \(notes + 2) events: identical"))
    }
}
