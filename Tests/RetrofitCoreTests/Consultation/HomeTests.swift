import Foundation
import Testing
import RetrofitCore

struct HomeTests {
    @Test func aHomeIsTrimmed() throws {
        let home = try Home(number: " 3-201 ", floor: 2, area: Area(parsing: "89.53"), owner: " 王伟\u{3000}")
        #expect(home.number == "3-201")
        #expect(home.owner == "王伟")
    }

    @Test("a home that cannot exist is refused",
          arguments: [
            ("", 2, "王伟", HomeProblem.emptyNumber),
            ("3-201", 0, "王伟", .floorOutOfRange(home: "3-201", floor: 0)),
            ("3-201", -6, "王伟", .floorOutOfRange(home: "3-201", floor: -6)),
            ("3-201", 201, "王伟", .floorOutOfRange(home: "3-201", floor: 201)),
            ("3-201", 2, "  ", .emptyOwner(home: "3-201")),
          ])
    func homeIsRefused(number: String, floor: Int, owner: String, problem: HomeProblem) throws {
        let area = try Area(parsing: "80")
        #expect(throws: problem) { try Home(number: number, floor: floor, area: area, owner: owner) }
    }

    @Test("basements and high floors are allowed", arguments: [-5, -1, 1, 200])
    func floorIsAllowed(floor: Int) throws {
        #expect(try Home(number: "B-1", floor: floor, area: Area(parsing: "10"), owner: "开发商").floor == floor)
    }

    @Test func aHomeWithZeroAreaIsRefused() {
        #expect(throws: HomeProblem.areaOutOfRange(home: "3-201", area: .zero)) {
            try Home(number: "3-201", floor: 2, area: .zero, owner: "王伟")
        }
    }

    @Test func aHomeRoundTripsThroughJSONWithItsAreaAsText() throws {
        let home = try Home(number: "3-201", floor: 2, area: Area(parsing: "89.53"), owner: "王伟")
        let data = try JSONEncoder().encode(home)
        #expect(String(decoding: data, as: UTF8.self).contains("\"89.53\""))
        #expect(try JSONDecoder().decode(Home.self, from: data) == home)
    }

    @Test func decodingAHomeChecksIt() {
        let json = Data(#"{"number":"3-201","floor":0,"area":"89.53","owner":"王伟"}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Home.self, from: json) }
    }

    @Test("a ballot is read in English or Chinese",
          arguments: [("agree", BallotChoice.agree), ("Object", .object), ("abstain", .abstain),
                      ("同意", .agree), ("反对", .object), (" 弃权 ", .abstain)])
    func ballotParses(text: String, choice: BallotChoice) {
        #expect(BallotChoice(parsing: text) == choice)
    }

    @Test func anUnknownBallotIsNotRead() {
        #expect(BallotChoice(parsing: "yes") == nil)
    }
}
