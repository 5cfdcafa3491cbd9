import Foundation
import Testing
import RetrofitCore

struct HouseholdRegisterTests {
    @Test func homesKeepTheirEntryOrder() throws {
        let register = try makeRegister([("3-301", "80", "甲", nil), ("3-101", "80", "乙", nil), ("3-201", "80", "丙", nil)])
        #expect(register.homes.map(\.number) == ["3-301", "3-101", "3-201"])
    }

    @Test func recordingAHomeAgainCorrectsItInPlaceAndKeepsItsBallot() throws {
        var register = try makeRegister([("3-101", "80", "甲", .agree), ("3-201", "80", "乙", nil)])
        let corrected = try Home(number: "3-101", floor: 1, area: Area(parsing: "81.20"), owner: "甲")
        #expect(register.record(corrected) == false)
        #expect(register.homes.map(\.number) == ["3-101", "3-201"])
        #expect(register.home("3-101")?.area.description == "81.20")
        #expect(register.ballot("3-101") == .agree)
    }

    @Test func removingAHomeRemovesItsBallot() throws {
        var register = try makeRegister([("3-101", "80", "甲", .agree), ("3-201", "80", "乙", .object), ("3-301", "80", "丙", nil)])
        try register.remove("3-101")
        #expect(register.homes.map(\.number) == ["3-201", "3-301"])
        #expect(register.ballot("3-101") == nil)
        #expect(register.home("3-301")?.owner == "丙")
        try register.cast("3-301", .agree)
        #expect(register.ballots == ["3-201": .object, "3-301": .agree])
    }

    @Test func removingAnUnknownHomeIsAnErrorNamingIt() {
        var register = HouseholdRegister()
        #expect(throws: RegisterError.unknownHome("9-999")) { try register.remove("9-999") }
    }

    @Test func aLaterBallotReplacesTheEarlier() throws {
        var register = try makeRegister([("3-101", "80", "甲", .agree), ("3-201", "80", "乙", .agree)])
        try register.cast("3-101", .object)
        #expect(register.ballot("3-101") == .object)
        let tally = try Tally.count(register)
        #expect(tally.agreeing.owners == 1)
        #expect(tally.objecting.owners == 1)
        #expect(tally.participating.owners == 2)
    }

    @Test func castingForAnUnknownHomeIsAnErrorNamingTheHome() throws {
        var register = try makeRegister([("3-101", "80", "甲", nil)])
        #expect(throws: RegisterError.unknownHome("3-102")) { try register.cast("3-102", .agree) }
        #expect(RegisterError.unknownHome("3-102").description
            == "there is no home 3-102 in the register; record the home before using it")
    }

    @Test func aWithdrawnBallotCountsAsNotVoting() throws {
        var register = try makeRegister([("3-101", "80", "甲", .agree)])
        try register.withdrawBallot("3-101")
        #expect(register.ballot("3-101") == nil)
    }

    @Test func aRegisterRoundTripsThroughJSON() throws {
        let register = try makeRegister([("3-101", "80.5", "甲", .agree), ("3-201", "70", "乙", nil)])
        let decoded = try JSONDecoder().decode(HouseholdRegister.self, from: JSONEncoder().encode(register))
        #expect(decoded == register)
    }

    @Test func decodingARegisterRefusesABallotForAnUnlistedHome() {
        let json = Data(#"{"homes":[{"number":"1","floor":1,"area":"80","owner":"甲"}],"ballots":{"2":"agree"}}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(HouseholdRegister.self, from: json) }
    }
}
