import Foundation
import Testing

/// The tally's JSON and text, the register's listing with Chinese names, and the commands'
/// answers to an empty register and a corrected home.
@Suite("Consultation: tally output and the register listing")
struct ConsultationTallyOutputTests {
    @Test func tallyJSONHasTheFiguresTheRuleAndEachCondition() throws {
        let cli = try ConsultationWorkspace()
        try cli.openInConsultation("ER-2025-0020")
        try cli.succeed("consult", "home", "import", "ER-2025-0020", try cli.write("homes.csv", consultationHomesCSV), "--at", "2025-05-09")
        let ballots = "home,vote\n1-101,agree\n1-102,agree\n1-201,agree\n1-202,agree\n1-301,object\n1-302,agree\n"
            + "1-401,agree\n1-402,object\n1-501,abstain\n"
        try cli.succeed("consult", "vote", "import", "ER-2025-0020", try cli.write("ballots.csv", ballots), "--at", "2025-05-10")

        let tally = try #require(try cli.json("consult", "tally", "ER-2025-0020", "--json") as? [String: Any])
        #expect(tally["case"] as? String == "ER-2025-0020")
        #expect(tally["homes"] as? Int == 13)
        // 9 of 12 owners took part (720 of 1,000 m²): passes 2/3; 6 of 9 agree (480 m²): fails 3/4.
        #expect(tally["rulePasses"] as? Bool == false)
        let figures = try #require(tally["figures"] as? [String: [String: Any]])
        #expect(Set(figures.keys) == ["total", "participating", "agreeing", "objecting", "abstaining", "absent"])
        #expect(figures["total"]?["owners"] as? Int == 12)
        #expect(figures["total"]?["area"] as? String == "1000.00")
        #expect(figures["absent"]?["owners"] as? Int == 3)
        #expect(figures["absent"]?["area"] as? String == "280.00")
        let agreeingOwners = try #require(figures["agreeing"]?["ownersShare"] as? [String: String])
        #expect(agreeingOwners == ["of": "participating", "fraction": "6/9", "exact": "2/3", "percentage": "66.67 %"])
        let participatingArea = try #require(figures["participating"]?["areaShare"] as? [String: String])
        #expect(participatingArea["fraction"] == "720.00/1000.00")
        #expect(participatingArea["exact"] == "18/25")
        #expect(participatingArea["percentage"] == "72.00 %")

        let rule = try #require(tally["rule"] as? [String: String])
        #expect(rule["stage"] == "consultation")
        #expect(rule["title"]?.contains("Civil Code") == true)
        let conditions = try #require(tally["conditions"] as? [[String: Any]])
        #expect(conditions.count == 4)
        #expect(conditions.map { $0["passes"] as? Bool } == [true, true, false, false])
        let last = try #require(conditions.last)
        #expect(last["sentence"] as? String == "owners agreeing 6/9 of participants; needs at least 3/4")
        #expect(last["value"] as? String == "6")
        #expect(last["base"] as? String == "9")
        #expect(last["threshold"] as? String == "3/4")
        #expect(last["comparison"] as? String == "at least")
    }

    @Test func chineseOwnerNamesRoundTrip() throws {
        let cli = try ConsultationWorkspace()
        try cli.openInConsultation("ER-2025-0021")
        let owners = ["王伟", "欧阳娜娜", "诸葛亮", "德州市房地产开发有限公司"]
        for (index, owner) in owners.enumerated() {
            try cli.succeed("consult", "home", "add", "ER-2025-0021", "--home", "2-\(index + 1)01", "--floor", "\(index + 1)",
                            "--area", "88.8", "--owner", owner, "--at", "2025-05-09")
        }
        let listed = try #require(try cli.json("consult", "home", "list", "ER-2025-0021", "--json") as? [[String: Any]])
        #expect(listed.compactMap { $0["owner"] as? String } == owners)
        let text = try cli.succeed("consult", "home", "list", "ER-2025-0021")
        for owner in owners { #expect(text.stdout.contains(owner)) }
        #expect(text.stdout.contains("4 homes, 4 owners, 355.20 m²"))
        let history = try cli.succeed("case", "history", "ER-2025-0021")
        #expect(history.stdout.contains("欧阳娜娜"))
    }

    @Test func anEmptyRegisterCannotBeTallied() throws {
        let cli = try ConsultationWorkspace()
        try cli.openInConsultation("ER-2025-0022")
        let result = try cli.run("consult", "tally", "ER-2025-0022")
        #expect(result.status == 3, "\(result)")
        #expect(result.stderr.contains("the register has no homes"), "\(result)")
        let unknown = try cli.run("consult", "tally", "NO-SUCH-CASE")
        #expect(unknown.status == 2, "\(unknown)")
    }

    @Test func aCorrectionKeepsTheHomesPlaceAndBallotAndRemovalDropsIt() throws {
        let cli = try ConsultationWorkspace()
        try cli.openInConsultation("ER-2025-0023")
        try cli.succeed("consult", "home", "add", "ER-2025-0023", "--home", "3-201", "--floor", "2", "--area", "89.53", "--owner", "王伟", "--at", "2025-05-09")
        try cli.succeed("consult", "home", "add", "ER-2025-0023", "--home", "3-202", "--floor", "2", "--area", "70", "--owner", "李娜", "--at", "2025-05-09")
        try cli.succeed("consult", "vote", "ER-2025-0023", "--home", "3-201", "--vote", "agree", "--at", "2025-05-09")
        let corrected = try cli.succeed("consult", "home", "add", "ER-2025-0023", "--home", "3-201", "--floor", "2", "--area", "89.35",
                                        "--owner", "王伟", "--at", "2025-05-10")
        #expect(corrected.stdout.contains("home 3-201 corrected"))
        let homes = try #require(try cli.json("consult", "home", "list", "ER-2025-0023", "--json") as? [[String: Any]])
        #expect(homes.compactMap { $0["home"] as? String } == ["3-201", "3-202"])
        #expect(homes.first?["area"] as? String == "89.35")
        #expect(homes.first?["vote"] as? String == "agree")

        try cli.succeed("consult", "home", "remove", "ER-2025-0023", "--home", "3-201", "--at", "2025-05-10")
        let after = try #require(try cli.json("consult", "home", "list", "ER-2025-0023", "--json") as? [[String: Any]])
        #expect(after.compactMap { $0["home"] as? String } == ["3-202"])
        let gone = try cli.run("consult", "home", "remove", "ER-2025-0023", "--home", "3-201", "--at", "2025-05-10")
        #expect(gone.status == 2, "\(gone)")

        let bad = try cli.run("consult", "home", "add", "ER-2025-0023", "--home", "3-301", "--floor", "0", "--area", "80", "--owner", "周杰")
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("--floor '0' is not a floor"))
        let badArea = try cli.run("consult", "home", "add", "ER-2025-0023", "--home", "3-301", "--floor", "3", "--area", "80.123", "--owner", "周杰")
        #expect(badArea.status == 2)
        #expect(badArea.stderr.contains("more than two decimals"))
    }
}
