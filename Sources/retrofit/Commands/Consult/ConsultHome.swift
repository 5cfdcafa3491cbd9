import ArgumentParser
import RetrofitApp
import RetrofitCore
import RetrofitReports
import RetrofitStore

/// `retrofit consult home`: the household register of a case.
struct ConsultHomeGroup: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "home",
        abstract: "Record, correct, remove, list and import the homes of a case's register.",
        subcommands: [Add.self, Remove.self, List.self, ConsultHomeImport.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Record a home, or correct a home already recorded under the same number.",
            discussion: """
                A correction is a new home-recorded event: the log keeps both, the register shows the latest, \
                and the home keeps its ballot. Floors run from -5 to 200 without 0 (1 is the ground floor); \
                the area is the registered exclusive area in m², at most two decimals.
                Example:
                  retrofit consult home add ER-2025-0001 --home 3-201 --floor 2 --area 89.53 --owner 王伟
                """
        )
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The case id.") var caseID: String
        @Option(help: "The home number, e.g. 3-201.") var home: String
        @Option(help: "The floor (1 = ground floor, -1 the first basement).") var floor: String
        @Option(help: "The exclusive area in m², e.g. 89.53.") var area: String
        @Option(help: "The owner's name as registered.") var owner: String
        @Option(help: "When it happened, YYYY-MM-DD[THH:MM].") var at: String?
        @OptionGroup var output: WriteOutput

        func run() async throws {
            try await runReporting {
                let recorded = try Self.home(number: home, floor: floor, area: area, owner: owner)
                let service = try global.service()
                let (before, _) = try await service.load(caseID)
                let outcome = try await service.execute(.recordHome(recorded), caseID: caseID, at: try global.time(at, option: "--at"))
                let verb = before.register.home(recorded.number) == nil ? "recorded" : "corrected"
                try output.report(outcome, "\(caseID): home \(recorded.number) \(verb) (floor \(recorded.floor), \(recorded.area) m², \(recorded.owner)); "
                                  + RegisterText.size(outcome.state.register),
                                  nothingChanged: NoChangeText.reason(.recordHome(recorded), state: outcome.state))
            }
        }

        /// The home the options describe, or bad input naming what is wrong.
        static func home(number: String, floor: String, area: String, owner: String) throws(CommandFailure) -> Home {
            let floorText = floor.trimmingWhitespaceForCLI()
            guard floorText.count <= 4, let floorValue = Int(floorText), floorValue != 0, Home.floors.contains(floorValue) else {
                throw .badInput("--floor '\(floor)' is not a floor; expected a whole number from -5 to 200 other than 0")
            }
            let areaValue: Area
            do { areaValue = try Area(parsing: area) } catch { throw .badInput("--area: \(error)") }
            do {
                return try Home(number: number, floor: floorValue, area: areaValue, owner: owner)
            } catch {
                throw .badInput(error.description)
            }
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove",
            abstract: "Remove a home (and its ballot) from a case's register.",
            discussion: """
                The home-removed event stays in the log; the home no longer counts in the tally.
                Example:
                  retrofit consult home remove ER-2025-0001 --home 3-201
                """
        )
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The case id.") var caseID: String
        @Option(help: "The home number.") var home: String
        @Option(help: "When it happened, YYYY-MM-DD[THH:MM].") var at: String?
        @OptionGroup var output: WriteOutput

        func run() async throws {
            try await runReporting {
                let number = home.trimmingWhitespaceForCLI()
                let outcome = try await global.service().execute(.removeHome(number), caseID: caseID, at: try global.time(at, option: "--at"))
                try output.report(outcome, "\(caseID): home \(number) removed; " + RegisterText.size(outcome.state.register))
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List a case's register: each home's floor, area, owner and latest ballot.",
            discussion: """
                Example:
                  retrofit consult home list ER-2025-0001
                  retrofit consult home list ER-2025-0001 --json
                """
        )
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The case id.") var caseID: String
        @Flag(help: "Print as JSON: an array of {home, floor, area, owner, vote}.") var json = false

        func run() async throws {
            try await runReporting {
                let (state, _) = try await global.service(.read).load(caseID)
                let register = state.register
                if json {
                    try printJSON(register.homes.map { RegisterText.HomeJSON($0, vote: register.ballot($0.number)) })
                    return
                }
                var table = TextTable(["home", "floor", "area m²", "owner", "vote"])
                for home in register.homes {
                    table.add([home.number, "\(home.floor)", home.area.description, home.owner,
                               register.ballot(home.number)?.rawValue ?? "-"])
                }
                print(table.render())
                print(RegisterText.size(register))
            }
        }
    }
}

/// Short texts about a register, shared by the consult commands.
enum RegisterText {
    /// `12 homes, 11 owners, 960.00 m²; 10 voted`.
    static func size(_ register: HouseholdRegister) -> String {
        let homes = register.homes
        let owners = Set(homes.map(\.owner)).count
        let area = Area(hundredths: homes.reduce(0) { $0 + $1.area.hundredths }) ?? .zero
        let voted = homes.filter { register.ballot($0.number) != nil }.count
        return "\(homes.count) home\(homes.count == 1 ? "" : "s"), \(owners) owner\(owners == 1 ? "" : "s"), \(area) m²; \(voted) voted"
    }

    /// One home of `home list --json`.
    struct HomeJSON: Encodable {
        let home: String
        let floor: Int
        let area: String
        let owner: String
        let vote: String?

        init(_ home: Home, vote: BallotChoice?) {
            self.home = home.number
            floor = home.floor
            area = home.area.description
            owner = home.owner
            self.vote = vote?.rawValue
        }
    }
}

extension String {
    /// Without white space around it, as the register trims home numbers.
    func trimmingWhitespaceForCLI() -> String {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }
}
