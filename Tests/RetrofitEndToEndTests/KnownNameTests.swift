import Foundation
import RetrofitTestSupport
import Testing

/// Names are checked against what exists (issue "Trust" §3): helpers, districts, filter values, ballot words.
@Suite("Names checked against what exists, through the binary")
struct KnownNameTests {
    let folder: URL
    let cli: RetrofitProcess

    init() throws {
        folder = try Fixtures.temporaryDirectory()
        cli = RetrofitProcess(directory: folder, now: "2025-06-02T10:00", actor: "李娜")
        for person in [["张伟", "--role", "admin"], ["王芳", "--role", "manager"], ["李娜", "--role", "helper", "--district", "德城区"],
                       ["刘洋", "--role", "helper", "--district", "陵城区"]] {
            let result = try cli.run(["people", "add"] + person + ["--actor", "张伟"])
            #expect(result.status == 0, "\(result)")
        }
    }

    /// A case of 德城区 waiting in helper-assignment.
    func caseAwaitingHelper() throws {
        let opened = try cli.run(["case", "open", "--workflow", "elevator-retrofit", "--id", "ER-1", "--at", "2025-05-06"] + CommandLineTests.intake)
        #expect(opened.status == 0, "\(opened)")
        #expect(try cli.run("case", "advance", "ER-1", "--at", "2025-05-07").status == 0)
    }

    func eventCount() throws -> Int {
        let result = try cli.run("case", "history", "ER-1", "--json")
        return (try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [Any])?.count ?? -1
    }

    struct Refusal: CustomTestStringConvertible, Sendable {
        let name: String
        let arguments: [String]
        let status: Int32
        let message: String
        var testDescription: String { name }
    }

    static let assignRefusals: [Refusal] = [
        Refusal(name: "a typo of a helper's name", arguments: ["--helper", "李那", "--actor", "王芳"], status: 2,
                message: "error: 李那 is not in the people register (did you mean 李娜?); a case's helper must be a registered helper"),
        Refusal(name: "a manager as the helper", arguments: ["--helper", "王芳", "--actor", "王芳"], status: 2,
                message: "error: 王芳 is a manager, not a helper; a case's helper must be registered with the helper role"),
        Refusal(name: "a helper of another district", arguments: ["--helper", "刘洋", "--actor", "王芳"], status: 3,
                message: "error: 刘洋 works in 陵城区 and case ER-1 is in 德城区; only a manager may assign a helper of another district, and only by saying so explicitly (any district)"),
        Refusal(name: "another district, said so by a helper", arguments: ["--helper", "刘洋", "--any-district", "--actor", "李娜"], status: 3,
                message: "error: 李娜 is a helper; \"assign a helper\" needs a manager"),
        Refusal(name: "a blank name", arguments: ["--helper", "\u{3000}", "--actor", "王芳"], status: 2,
                message: "error: the helper's name must not be empty"),
    ]

    @Test("case assign refuses a helper who does not exist, is not a helper, or is of another district; nothing is written",
          arguments: KnownNameTests.assignRefusals)
    func assignRefuses(refusal: Refusal) throws {
        try caseAwaitingHelper()
        let result = try cli.run(["case", "assign", "ER-1", "--at", "2025-05-08"] + refusal.arguments)
        #expect(result.status == refusal.status, "\(result)")
        #expect(result.stderr == refusal.message + "\n", "\(result)")
        #expect(try eventCount() == 2)
    }

    @Test("a manager assigns a helper of another district with --any-district, and the event records it")
    func anyDistrictIsRecorded() throws {
        try caseAwaitingHelper()
        let result = try cli.run("case", "assign", "ER-1", "--helper", "刘洋", "--any-district", "--actor", "王芳", "--at", "2025-05-08")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == "ER-1: helper is 刘洋\n")
        let history = try cli.run("case", "history", "ER-1", "--json")
        let events = try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [[String: Any]]
        let payload = events?.last?["payload"] as? [String: Any]
        #expect(payload?["helper"] as? String == "刘洋")
        #expect(payload?["anyDistrict"] as? Bool == true)
        #expect(try cli.run("case", "history", "ER-1").stdout.contains("helper 刘洋 (another district, assigned explicitly)"))
        // A helper of the case's own district needs no flag, and the event carries no mark.
        let own = try cli.run("case", "assign", "ER-1", "--helper", "李娜", "--actor", "王芳", "--at", "2025-05-08")
        #expect(own.status == 0, "\(own)")
        let again = try JSONSerialization.jsonObject(with: Data(try cli.run("case", "history", "ER-1", "--json").stdout.utf8)) as? [[String: Any]]
        #expect((again?.last?["payload"] as? [String: Any])?.keys.sorted() == ["helper"])
        #expect(try cli.run("audit", "verify").status == 0)
    }

    @Test("case open --helper is checked the same way")
    func openChecksTheHelper() throws {
        let result = try cli.run(["case", "open", "--workflow", "elevator-retrofit", "--id", "ER-1", "--helper", "李那", "--at", "2025-05-06"]
                                 + CommandLineTests.intake)
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.hasPrefix("error: 李那 is not in the people register (did you mean 李娜?)"), "\(result)")
        #expect(try cli.run("case", "show", "ER-1").status == 2)
    }

    @Test("people add refuses a district no workflow knows, suggesting the closest; the register is unchanged")
    func peopleAddChecksTheDistrict() throws {
        let result = try cli.run("people", "add", "赵敏", "--role", "helper", "--district", "德城", "--actor", "张伟")
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.hasPrefix("error: unknown district '德城' (did you mean 德城区?); known districts: 德城区, 陵城区, 禹城市"), "\(result)")
        #expect(!(try cli.run("people", "list").stdout.contains("赵敏")))
        let renewal = try cli.run("people", "add", "赵敏", "--role", "helper", "--district", "武城县", "--actor", "张伟")
        #expect(renewal.status == 0, "\(renewal)")
    }

    static let filterRefusals: [Refusal] = [
        Refusal(name: "overdue --stage", arguments: ["overdue", "--stage", "consultaton"], status: 2,
                message: "error: unknown stage 'consultaton' (did you mean consultation?)"),
        Refusal(name: "queue --helper", arguments: ["queue", "--helper", "李那"], status: 2,
                message: "error: unknown helper '李那' (did you mean 李娜?); known helpers: 刘洋, 李娜"),
        Refusal(name: "case list --district", arguments: ["case", "list", "--district", "德城"], status: 2,
                message: "error: unknown district '德城' (did you mean 德城区?)"),
        Refusal(name: "case list --workflow", arguments: ["case", "list", "--workflow", "elevator-retrofi"], status: 2,
                message: "error: unknown workflow 'elevator-retrofi' (did you mean elevator-retrofit?)"),
        Refusal(name: "overdue --helper of a manager", arguments: ["overdue", "--helper", "王芳"], status: 2,
                message: "error: unknown helper '王芳'"),
        Refusal(name: "queue --district", arguments: ["queue", "--district", "陵城"], status: 2,
                message: "error: unknown district '陵城' (did you mean 陵城区?)"),
    ]

    @Test("a filter naming an unknown stage, helper, district or workflow is an error naming it and the closest names",
          arguments: KnownNameTests.filterRefusals)
    func filtersRefuseUnknownNames(refusal: Refusal) throws {
        try caseAwaitingHelper()
        let result = try cli.run(refusal.arguments)
        #expect(result.status == refusal.status, "\(result)")
        #expect(result.stdout.isEmpty, "\(result)")
        #expect(result.stderr.hasPrefix(refusal.message), "\(result)")
    }

    @Test("filters with known names still answer, even when nothing matches")
    func knownFilterNamesAnswer() throws {
        try caseAwaitingHelper()
        let list = try cli.run("case", "list", "--district", "德城区", "--stage", "helper-assignment")
        #expect(list.status == 0, "\(list)")
        #expect(list.stdout.hasSuffix("1 case\n"))
        let none = try cli.run("case", "list", "--district", "陵城区")
        #expect(none.status == 0, "\(none)")
        #expect(none.stdout.hasSuffix("0 cases\n"))
        #expect(try cli.run("queue", "--helper", "刘洋").status == 0)
        #expect(try cli.run("overdue", "--stage", "consultation").status == 0)
    }

    @Test("with an empty register, any helper may be given, and the helpers cases hold are known to filters")
    func emptyRegisterKnowsTheCasesHelpers() throws {
        let alone = RetrofitProcess(directory: try Fixtures.temporaryDirectory(), now: "2025-06-02T10:00")
        let opened = try alone.run(["case", "open", "--workflow", "elevator-retrofit", "--id", "ER-1", "--helper", "任何人", "--at", "2025-05-06"]
                                   + CommandLineTests.intake)
        #expect(opened.status == 0, "\(opened)")
        #expect(try alone.run("queue", "--helper", "任何人").status == 0)
        let typo = try alone.run("case", "list", "--helper", "任何")
        #expect(typo.status == 2, "\(typo)")
        #expect(typo.stderr == "error: unknown helper '任何' (did you mean 任何人?); known helpers: 任何人\n", "\(typo)")
    }

    @Test("consult vote takes the ballots file's words on the command line too: 同意, 反对, 弃权")
    func voteTakesTheChineseWords() throws {
        try caseAwaitingHelper()
        #expect(try cli.run("case", "assign", "ER-1", "--helper", "李娜", "--actor", "王芳", "--at", "2025-05-08").status == 0)
        #expect(try cli.run("case", "advance", "ER-1", "--actor", "王芳", "--at", "2025-05-08").status == 0)
        for (home, owner) in [("101", "甲"), ("201", "乙"), ("301", "丙")] {
            let added = try cli.run("consult", "home", "add", "ER-1", "--home", home, "--floor", String(home.prefix(1)), "--area", "80",
                                    "--owner", owner, "--at", "2025-05-09")
            #expect(added.status == 0, "\(added)")
        }
        for (home, word, stored) in [("101", "同意", "agree"), ("201", "反对", "object"), ("301", "弃权", "abstain")] {
            let result = try cli.run("consult", "vote", "ER-1", "--home", home, "--vote", word, "--at", "2025-05-10")
            #expect(result.status == 0, "\(result)")
            #expect(result.stdout.hasPrefix("ER-1: home \(home) voted \(stored)"), "\(result)")
        }
        let bad = try cli.run("consult", "vote", "ER-1", "--home", "101", "--vote", "赞成")
        #expect(bad.status == 64, "\(bad)")
        #expect(bad.stderr.contains("同意"), "\(bad)")
    }
}
