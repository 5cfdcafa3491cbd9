import Foundation
import RetrofitTestSupport
import Testing

/// `people password`, `token`, `tokens`, `revoke-token`, `disable`, `enable` through the binary (issue 13 §2).
@Suite("Sign-in credentials through the binary")
struct PeopleAccessCommandTests {
    let folder: URL
    let cli: RetrofitProcess

    init() throws {
        folder = try Fixtures.temporaryDirectory()
        cli = RetrofitProcess(directory: folder, now: "2026-03-02T10:00", actor: "张伟")
        for person in [["张伟", "--role", "admin"], ["李娜", "--role", "helper"]] {
            #expect(try cli.run(["people", "add"] + person).status == 0)
        }
    }

    @Test("a password comes from standard input when it is not a terminal; a weak one is refused and nothing recorded")
    func passwordFromStandardInput() throws {
        let weak = try cli.run(["people", "password", "李娜"], input: "李娜\n")
        #expect(weak.status == 2)
        #expect(weak.stderr == "error: the password has 2 characters; it needs at least 10\n")
        let none = try cli.run(["people", "password", "李娜"], input: "")
        #expect(none.status == 2)
        #expect(none.stderr == "error: no password on standard input; give it as one line\n")
        let set = try cli.run(["people", "password", "李娜"], input: "rain on 德城 2026\n")
        #expect(set.status == 0, "\(set)")
        #expect(set.stdout == "password set for 李娜\n")

        let history = try String(contentsOf: folder.appendingPathComponent("retrofit.sqlite"), encoding: .isoLatin1)
        #expect(!history.contains("rain on"), "the password is nowhere in the database file")
    }

    @Test("a token is printed alone, once; listed by label; revoked; the person disabled and enabled")
    func tokensAndDisabling() throws {
        let issued = try cli.run("people", "token", "李娜", "--label", "phone", "--expires", "2026-06-30")
        #expect(issued.status == 0, "\(issued)")
        let token = issued.stdout.trimmingCharacters(in: .newlines)
        #expect(token.hasPrefix("rtf_") && token.count == 47 && issued.stdout == token + "\n")

        let listed = try cli.run("people", "tokens", "李娜", "--json")
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        #expect(entries.map { $0["label"] as? String } == ["phone"])
        #expect(entries.first?["expiresOn"] as? String == "2026-06-30")
        #expect(!listed.stdout.contains(token))

        let badDate = try cli.run("people", "token", "李娜", "--expires", "2026-02-30")
        #expect(badDate.status == 2)
        #expect(badDate.stderr == "error: --expires '2026-02-30' is not a date; expected YYYY-MM-DD, e.g. 2027-06-30\n")

        #expect(try cli.run("people", "revoke-token", "李娜", "phone").stdout == "token phone of 李娜 revoked\n")
        #expect(try cli.run("people", "disable", "李娜").stdout == "李娜 disabled\n")
        #expect(try cli.run("people", "disable", "李娜").stdout == "nothing changed: 李娜 was already disabled\n")
        let list = try cli.run("people", "list")
        #expect(list.stdout.contains("李娜  helper            disabled"))
        #expect(try cli.run("people", "enable", "李娜").stdout == "李娜 enabled\n")
        #expect(try cli.run("admin", "check").status == 0)
    }
}
