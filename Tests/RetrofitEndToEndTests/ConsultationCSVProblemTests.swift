import Foundation
import Testing

/// Every kind of bad register or ballots row, through the CLI: each is printed with its file,
/// row and column, the command exits 2, and nothing of the file is recorded.
@Suite("Consultation: bad CSV rows are all reported and nothing is imported")
struct ConsultationCSVProblemTests {
    /// A register file, and the start of each `error:` line it must produce (in order).
    struct BadFile: CustomTestStringConvertible, Sendable {
        let name: String
        let csv: String
        let errors: [String]
        var testDescription: String { name }
    }

    static let badRegisters: [BadFile] = [
        BadFile(name: "missing column", csv: "home,floor,area\n1-101,1,80\n",
                errors: ["homes.csv:1: column owner: the header has no owner or 业主 column"]),
        BadFile(name: "doubled column", csv: "home,房号,floor,area,owner\n1-101,1-101,1,80,赵敏\n",
                errors: ["homes.csv:1: column 房号: the header has this column twice"]),
        BadFile(name: "wrong cell count", csv: "home,floor,area,owner\n1-101,1,80,赵敏\n1-102,1,80\n",
                errors: ["homes.csv:3: the row has 3 cells; expected 4"]),
        BadFile(name: "empty home number", csv: "home,floor,area,owner\n ,1,80,赵敏\n",
                errors: ["homes.csv:2: column home: the home number is empty"]),
        BadFile(name: "bad floors", csv: "home,floor,area,owner\n1-101,0,80,赵敏\n1-102,x,80,钱坤\n1-103,201,80,孙丽\n1-104,,80,李强\n",
                errors: ["homes.csv:2: column floor: floor '0' is not a floor", "homes.csv:3: column floor: floor 'x' is not a floor",
                         "homes.csv:4: column floor: floor '201' is not a floor", "homes.csv:5: column floor: floor '' is not a floor"]),
        BadFile(name: "bad areas",
                csv: "楼层,房号,面积,业主\n1,1-101,89.531,赵敏\n1,1-102,-5,钱坤\n1,1-103,0,孙丽\n1,1-104,abc,李强\n1,1-105,,周杰\n1,1-106,2000000,吴芳\n",
                errors: ["homes.csv:2: column 面积: area '89.531' has more than two decimals",
                         "homes.csv:3: column 面积: area '-5' is negative", "homes.csv:4: column 面积: area '0' is zero",
                         "homes.csv:5: column 面积: area 'abc' is not a number", "homes.csv:6: column 面积: the area is empty",
                         "homes.csv:7: column 面积: area '2000000' is more than 1000000 m²"]),
        BadFile(name: "empty owner", csv: "home,floor,area,owner\n1-101,1,80,\n",
                errors: ["homes.csv:2: column owner: the owner is empty"]),
        BadFile(name: "home listed twice", csv: "home,floor,area,owner\n1-101,1,80,赵敏\n1-102,1,80,钱坤\n1-101,1,81,赵敏\n",
                errors: ["homes.csv:4: column home: home 1-101 is already on row 2"]),
        BadFile(name: "several problems on several rows, numbered as the spreadsheet shows them",
                csv: "home,floor,area,owner\n1-101,1,80,\"赵\n敏\"\n\n1-102,x,80.001,\n",
                errors: ["homes.csv:4: column floor: floor 'x'", "homes.csv:4: column area: area '80.001'",
                         "homes.csv:4: column owner: the owner is empty"]),
    ]

    @Test(arguments: badRegisters)
    func aBadRegisterIsReportedRowByRowAndNothingIsImported(_ file: BadFile) throws {
        let cli = try ConsultationWorkspace()
        try cli.open("ER-2025-0010")
        let path = try cli.write("homes.csv", file.csv)
        let result = try cli.run("consult", "home", "import", "ER-2025-0010", path)
        #expect(result.status == 2, "\(result)")
        let lines = result.errorLines.map { $0.replacingOccurrences(of: path, with: "homes.csv") }
        #expect(lines.count == file.errors.count + 1, "one line per problem and a summary: \(result)")
        for (line, expected) in zip(lines, file.errors) {
            #expect(line.hasPrefix("error: " + expected), "\(line) should start with \(expected)")
        }
        #expect(lines.last?.contains("no home was recorded") == true, "\(result)")
        let list = try #require(try cli.json("consult", "home", "list", "ER-2025-0010", "--json") as? [Any])
        #expect(list.isEmpty, "nothing was imported")
    }

    static let badBallots: [BadFile] = [
        BadFile(name: "missing vote column", csv: "home,date\n1-101,2025-05-10\n",
                errors: ["ballots.csv:1: column vote: the header has no vote or 投票 or 表决 column"]),
        BadFile(name: "bad vote", csv: "home,vote\n1-101,yes\n1-102,agree\n",
                errors: ["ballots.csv:2: column vote: vote 'yes' is not a ballot"]),
        BadFile(name: "bad date", csv: "home,vote,date\n1-101,agree,2025-02-30\n1-102,agree,12/05/2025\n",
                errors: ["ballots.csv:2: column date: date '2025-02-30' is not a date",
                         "ballots.csv:3: column date: date '12/05/2025' is not a date"]),
        BadFile(name: "home voting twice in one file", csv: "home,vote\n1-101,agree\n1-101,object\n",
                errors: ["ballots.csv:3: column home: home 1-101 is already on row 2"]),
        BadFile(name: "home not in the register", csv: "home,vote\n1-101,agree\n9-999,agree\n",
                errors: ["ballots.csv:3: column home: there is no home 9-999 in the register"]),
        BadFile(name: "dates before the register or in the future", csv: "home,日期,vote\n1-101,2025-06-30,agree\n1-102,2025-08-01,agree\n1-201,,agree\n",
                errors: ["ballots.csv:2: column 日期: date 2025-06-30 is before the case's latest event on 2025-07-01",
                         "ballots.csv:3: column 日期: date 2025-08-01 is in the future"]),
        BadFile(name: "empty home and wrong width", csv: "home,vote\n,agree\n1-102\n",
                errors: ["ballots.csv:2: column home: the home number is empty", "ballots.csv:3: the row has 1 cell; expected 2"]),
    ]

    @Test(arguments: badBallots)
    func aBadBallotsFileIsReportedRowByRowAndNothingIsCast(_ file: BadFile) throws {
        let cli = try ConsultationWorkspace()
        try cli.open("ER-2025-0011")
        try cli.succeed("consult", "home", "import", "ER-2025-0011", try cli.write("homes.csv", consultationHomesCSV))
        let path = try cli.write("ballots.csv", file.csv)
        let result = try cli.run("consult", "vote", "import", "ER-2025-0011", path)
        #expect(result.status == 2, "\(result)")
        let lines = result.errorLines.map { $0.replacingOccurrences(of: path, with: "ballots.csv") }
        #expect(lines.count == file.errors.count + 1, "one line per problem and a summary: \(result)")
        for (line, expected) in zip(lines, file.errors) {
            #expect(line.hasPrefix("error: " + expected), "\(line) should start with \(expected)")
        }
        let homes = try #require(try cli.json("consult", "home", "list", "ER-2025-0011", "--json") as? [[String: Any]])
        #expect(homes.count == 13)
        #expect(homes.allSatisfy { $0["vote"] == nil }, "no ballot was cast")
    }

    @Test func aFileThatIsNotCSVOrNotUTF8IsNamedWithItsLine() throws {
        let cli = try ConsultationWorkspace()
        try cli.open("ER-2025-0012")
        let cases: [(name: String, data: Data, expected: String)] = [
            ("unclosed.csv", Data("home,floor,area,owner\n1-101,1,80,\"赵敏\n".utf8), "unclosed.csv: line 2, column 12: the quote opened here is never closed"),
            ("after-quote.csv", Data("home,floor,area,owner\n1-101,1,\"80\"x,赵敏\n".utf8), "after-quote.csv: line 2, column 13: text after the closing quote"),
            ("bare-quote.csv", Data("home,floor,area,owner\n1-101,1,8\"0,赵敏\n".utf8), "bare-quote.csv: line 2, column 10: a quote inside a field"),
            ("gbk.csv", Data("home,floor,area,owner\n1-101,1,80,".utf8) + Data([0xCD, 0xF5, 0x0A]), "gbk.csv: line 2: the file is not UTF-8 text"),
            ("empty.csv", Data(), "empty.csv: the file has no header row"),
        ]
        for item in cases {
            let path = try cli.write(item.name, item.data)
            let result = try cli.run("consult", "home", "import", "ER-2025-0012", path)
            #expect(result.status == 2, "\(item.name): \(result)")
            let line = result.errorLines.first?.replacingOccurrences(of: path, with: item.name) ?? ""
            #expect(line.hasPrefix("error: " + item.expected), "\(line)")
        }
        let missing = try cli.run("consult", "home", "import", "ER-2025-0012", "no-such-file.csv")
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no-such-file.csv: cannot read the file"))
        let list = try #require(try cli.json("consult", "home", "list", "ER-2025-0012", "--json") as? [Any])
        #expect(list.isEmpty)
    }

    @Test func aSpreadsheetsCSVWithBOMCRLFAndQuotedCommasImports() throws {
        let cli = try ConsultationWorkspace()
        try cli.open("ER-2025-0013")
        var data = Data([0xEF, 0xBB, 0xBF])
        data += Data("房号,楼层,面积,业主,备注\r\n1-101,1,\"89.53\",\"王, 伟\",\"他说\"\"好\"\"\r\n第二行\"\r\n1-102,-1,75.2,李娜,\r\n\r\n".utf8)
        let path = try cli.write("homes.csv", data)
        let result = try cli.succeed("consult", "home", "import", "ER-2025-0013", path)
        #expect(result.stdout.contains("2 homes recorded"))
        let homes = try #require(try cli.json("consult", "home", "list", "ER-2025-0013", "--json") as? [[String: Any]])
        #expect(homes.map { $0["owner"] as? String } == ["王, 伟", "李娜"])
        #expect(homes.map { $0["area"] as? String } == ["89.53", "75.20"])
        #expect(homes.map { $0["floor"] as? Int } == [1, -1])
    }
}
