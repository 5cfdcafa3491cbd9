import Foundation
import Testing

/// A whole consultation through the CLI: register, ballots, tally, the vote rule refusing and
/// then allowing the advance, and public notice with its objection and minimum duration.
@Suite("Consultation: a whole vote from the command line")
struct ConsultationWholeVoteTests {
    /// 8 of 12 owners agree (680 of 1,000 m²); 王伟 votes once for his two homes.
    static let firstBallots = """
        房号,表决,日期
        1-602,同意,2025-05-20
        1-701,agree,2025-05-20
        1-201,agree,2025-05-21
        1-202,agree,2025-05-21
        1-301,agree,2025-05-21
        1-302,agree,2025-05-22
        1-401,agree,2025-05-22
        1-402,agree,2025-05-22
        1-101,反对,2025-05-19
        1-102,object,2025-05-23
        1-501,object,
        1-502,弃权,2025-05-23
        1-601,agree,2025-05-23

        """

    @Test func aWholeConsultation() throws {
        let cli = try ConsultationWorkspace()
        try cli.openInConsultation("ER-2025-0001")

        let homes = try cli.write("homes.csv", consultationHomesCSV)
        let imported = try cli.succeed("consult", "home", "import", "ER-2025-0001", homes, "--at", "2025-05-19")
        #expect(imported.stdout.contains("13 homes recorded"))
        #expect(imported.stdout.contains("12 owners"))

        let ballots = try cli.write("ballots.csv", Self.firstBallots)
        try cli.succeed("consult", "vote", "import", "ER-2025-0001", ballots, "--at", "2025-05-24")

        let tally = try cli.succeed("consult", "tally", "ER-2025-0001")
        #expect(tally.stdout.contains("8/12 = 66.67 % of participating"))
        #expect(tally.stdout.contains("680.00/1000.00 = 68.00 % of participating"))
        #expect(tally.stdout.contains("FAILS"))

        // The vote fails: the advance is refused with the failing conditions and their numbers.
        let designFields = ["--field", "implementing_entity=新华小区业委会", "--field", "agreement_signed_on=2025-05-25"]
        let refused = try cli.run(["case", "advance", "ER-2025-0001", "--at", "2025-05-26"] + designFields)
        #expect(refused.status == 3, "\(refused)")
        #expect(refused.stderr.contains("owners agreeing 8/12 of participants; needs at least 3/4"), "\(refused)")
        #expect(refused.stderr.contains("area agreeing 680.00/1000.00 m² of participants; needs at least 3/4"), "\(refused)")
        #expect(!refused.stderr.contains("owners participating"), "passing conditions are not listed: \(refused)")

        // 钱坤 changes his ballot: 9/12 is exactly 3/4, which "at least" includes; 760/1000 m².
        let changed = try cli.succeed("consult", "vote", "ER-2025-0001", "--home", "1-102", "--vote", "agree", "--at", "2025-05-27")
        #expect(changed.stdout.contains("replaces object"))
        let passing = try cli.succeed("consult", "tally", "ER-2025-0001")
        #expect(passing.stdout.contains("9/12 = 75.00 % of participating"))
        #expect(passing.stdout.contains("PASSES"))
        try cli.succeed(["case", "advance", "ER-2025-0001", "--at", "2025-05-28"] + designFields)

        // Public notice: objections only there; an open one blocks leaving; the 10-day minimum.
        let early = try cli.run("consult", "objection", "ER-2025-0001", "--from", "赵敏", "--text", "采光", "--at", "2025-05-28")
        #expect(early.status == 3, "objections are refused outside public notice: \(early)")
        #expect(early.stderr.contains("public-notice"))
        try cli.succeed("case", "advance", "ER-2025-0001", "--field", "design_scheme_no=SJ-2025-01", "--at", "2025-06-09")
        let raised = try cli.succeed("consult", "objection", "ER-2025-0001", "--from", "赵敏", "--text", "一楼采光受影响", "--at", "2025-06-10")
        #expect(raised.stdout.contains("objection #1"))

        let tooSoon = try cli.run("case", "advance", "ER-2025-0001", "--at", "2025-06-19")
        #expect(tooSoon.status == 3, "\(tooSoon)")
        #expect(tooSoon.stderr.contains("on or after 2025-06-20"), "\(tooSoon)")

        let blocked = try cli.run("case", "advance", "ER-2025-0001", "--at", "2025-06-20")
        #expect(blocked.status == 3, "\(blocked)")
        #expect(blocked.stderr.contains("objections are open: #1 from 赵敏"), "\(blocked)")

        let list = try cli.succeed("consult", "objection", "list", "ER-2025-0001")
        #expect(list.stdout.contains("一楼采光受影响"))
        #expect(list.stdout.contains("1 open"))
        try cli.succeed("consult", "objection", "resolve", "ER-2025-0001", "1", "--outcome", "mediated",
                        "--note", "调解达成补偿协议", "--at", "2025-06-20")
        let again = try cli.run("consult", "objection", "resolve", "ER-2025-0001", "1", "--outcome", "withdrawn", "--at", "2025-06-20")
        #expect(again.status == 3, "an objection is resolved once: \(again)")

        let left = try cli.succeed("case", "advance", "ER-2025-0001", "--at", "2025-06-20")
        #expect(left.stdout.contains("joint-review"))

        let objections = try #require(try cli.json("consult", "objection", "list", "ER-2025-0001", "--json") as? [[String: Any]])
        #expect(objections.count == 1)
        #expect(objections.first?["outcome"] as? String == "mediated")
        #expect(objections.first?["note"] as? String == "调解达成补偿协议")
    }

    @Test func aLaterBallotReplacesTheEarlierAndBothStayInTheLog() throws {
        let cli = try ConsultationWorkspace()
        try cli.openInConsultation("ER-2025-0002")
        try cli.succeed("consult", "home", "add", "ER-2025-0002", "--home", "3-201", "--floor", "2", "--area", "89.53",
                        "--owner", "王伟", "--at", "2025-05-09")
        try cli.succeed("consult", "vote", "ER-2025-0002", "--home", "3-201", "--vote", "object", "--at", "2025-05-10")
        try cli.succeed("consult", "vote", "ER-2025-0002", "--home", "3-201", "--vote", "agree", "--at", "2025-05-11")

        let homes = try #require(try cli.json("consult", "home", "list", "ER-2025-0002", "--json") as? [[String: Any]])
        #expect(homes.first?["vote"] as? String == "agree")
        let history = try cli.succeed("case", "history", "ER-2025-0002")
        #expect(history.stdout.contains("home 3-201: object"))
        #expect(history.stdout.contains("home 3-201: agree"))
    }

    @Test func anOwnerOfTwoHomesCannotVoteBothWays() throws {
        let cli = try ConsultationWorkspace()
        try cli.openInConsultation("ER-2025-0003")
        try cli.succeed("consult", "home", "import", "ER-2025-0003", try cli.write("homes.csv", consultationHomesCSV), "--at", "2025-05-09")
        try cli.succeed("consult", "vote", "ER-2025-0003", "--home", "1-602", "--vote", "agree", "--at", "2025-05-10")

        let split = try cli.run("consult", "vote", "ER-2025-0003", "--home", "1-701", "--vote", "object", "--at", "2025-05-10")
        #expect(split.status == 2, "\(split)")
        #expect(split.stderr.contains("王伟 owns 1-602 and 1-701"), "\(split)")

        // The same in a file: the row is named and nothing of the file is recorded.
        let file = try cli.write("ballots.csv", "home,vote\n1-101,agree\n1-701,object\n")
        let refused = try cli.run("consult", "vote", "import", "ER-2025-0003", file, "--at", "2025-05-11")
        #expect(refused.status == 2, "\(refused)")
        #expect(refused.stderr.contains("ballots.csv:3: 王伟 owns 1-602 and 1-701"), "\(refused)")
        let homes = try #require(try cli.json("consult", "home", "list", "ER-2025-0003", "--json") as? [[String: Any]])
        #expect(homes.compactMap { $0["vote"] as? String } == ["agree"], "only the first single ballot is recorded")
    }
}
