import Foundation
import Testing

/// The example workflows of Dezhou (every owner agrees) and Beijing (two-thirds agree and
/// nobody objects) decide a small register as their cities would.
@Suite("Consultation: the Dezhou and Beijing example workflows")
struct ConsultationExampleRuleTests {
    /// Three owners, four homes: 王伟 holds 1-201 and 1-202.
    static let homes = """
        home,floor,area,owner
        1-101,1,70.00,赵敏
        1-102,1,70.00,钱坤
        1-201,2,65.50,王伟
        1-202,2,65.50,王伟

        """

    /// Runs the advance out of consultation and returns the result.
    func advance(_ cli: ConsultationWorkspace, _ id: String, at date: String, _ examples: [String]) throws -> ConsultationRun {
        try cli.run(["case", "advance", id, "--at", date, "--field", "implementing_entity=业委会",
                     "--field", "agreement_signed_on=2025-05-20"] + examples)
    }

    @Test func examplesValidate() throws {
        let cli = try ConsultationWorkspace()
        let result = try cli.succeed("workflow", "validate", ConsultationWorkspace.examples + "/dezhou-2020.yaml",
                                     ConsultationWorkspace.examples + "/beijing-2020.yaml")
        #expect(result.stdout.contains("elevator-retrofit-dezhou"))
        #expect(result.stdout.contains("elevator-retrofit-beijing"))
    }

    @Test func dezhouNeedsEveryOwner() throws {
        let cli = try ConsultationWorkspace()
        let examples = ["--workflows", ConsultationWorkspace.examples]
        try cli.openInConsultation("DZ-1", workflow: "elevator-retrofit-dezhou", extra: examples)
        try cli.succeed(["consult", "home", "import", "DZ-1", try cli.write("homes.csv", Self.homes), "--at", "2025-05-09"] + examples)
        // One vote from 王伟 counts for both his homes: 3 owners, and 1-202 need not vote.
        let ballots = try cli.write("ballots.csv", "home,vote\n1-101,agree\n1-102,abstain\n1-201,agree\n")
        try cli.succeed(["consult", "vote", "import", "DZ-1", ballots, "--at", "2025-05-10"] + examples)

        let tally = try #require(try cli.json("consult", "tally", "DZ-1", "--json", "--workflows", ConsultationWorkspace.examples) as? [String: Any])
        #expect(tally["rulePasses"] as? Bool == false)
        let refused = try advance(cli, "DZ-1", at: "2025-05-11", examples)
        #expect(refused.status == 3, "\(refused)")
        #expect(refused.stderr.contains("owners agreeing 2/3 of the total; needs at least 1"), "\(refused)")

        try cli.succeed(["consult", "vote", "DZ-1", "--home", "1-102", "--vote", "agree", "--at", "2025-05-12"] + examples)
        let passing = try #require(try cli.json("consult", "tally", "DZ-1", "--json", "--workflows", ConsultationWorkspace.examples) as? [String: Any])
        #expect(passing["rulePasses"] as? Bool == true)
        let advanced = try advance(cli, "DZ-1", at: "2025-05-12", examples)
        #expect(advanced.status == 0, "\(advanced)")
    }

    @Test func beijingNeedsTwoThirdsAndNoObjection() throws {
        let cli = try ConsultationWorkspace()
        let examples = ["--workflows", ConsultationWorkspace.examples]
        try cli.openInConsultation("BJ-1", workflow: "elevator-retrofit-beijing", extra: examples)
        try cli.succeed(["consult", "home", "import", "BJ-1", try cli.write("homes.csv", Self.homes), "--at", "2025-05-09"] + examples)
        // 2 of 3 owners agree (exactly two-thirds, which "at least" includes), but 钱坤 objects.
        let ballots = try cli.write("ballots.csv", "home,vote\n1-101,agree\n1-102,object\n1-201,agree\n1-202,agree\n")
        try cli.succeed(["consult", "vote", "import", "BJ-1", ballots, "--at", "2025-05-10"] + examples)

        let refused = try advance(cli, "BJ-1", at: "2025-05-11", examples)
        #expect(refused.status == 3, "\(refused)")
        #expect(refused.stderr.contains("owners objecting 1; needs at most 0"), "\(refused)")
        #expect(!refused.stderr.contains("owners agreeing"), "two-thirds is met: \(refused)")

        // 钱坤 abstains instead: nobody objects, and 2/3 still agree.
        try cli.succeed(["consult", "vote", "BJ-1", "--home", "1-102", "--vote", "abstain", "--at", "2025-05-12"] + examples)
        let advanced = try advance(cli, "BJ-1", at: "2025-05-12", examples)
        #expect(advanced.status == 0, "\(advanced)")
    }
}
