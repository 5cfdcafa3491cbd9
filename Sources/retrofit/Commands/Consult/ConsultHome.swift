import ArgumentParser
import RetrofitApp
import RetrofitCore
import RetrofitReports

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
            let recorded = try Self.home(number: home, floor: floor, area: area, owner: owner)
            let request = RecordHomeRequest(caseID: caseID, home: recorded, at: try global.time(at, option: "--at"))
            let result = try await global.app().recordHome(request, by: global.actingPerson, created: NewDatabase.created)
            try output.report(result.write, "\(caseID): home \(recorded.number) \(result.corrected ? "corrected" : "recorded") "
                              + "(floor \(recorded.floor), \(recorded.area) m², \(recorded.owner)); " + RegisterText.size(result.write.register),
                              nothingChanged: "home \(recorded.number) is already recorded as floor \(recorded.floor), \(recorded.area) m², \(recorded.owner)")
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
            let request = RemoveHomeRequest(caseID: caseID, home: home, at: try global.time(at, option: "--at"))
            let result = try await global.app().removeHome(request, by: global.actingPerson, created: NewDatabase.created)
            try output.report(result.write, "\(caseID): home \(result.home) removed; " + RegisterText.size(result.write.register))
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
            let list = try await global.app().homes(HomeListRequest(caseID: caseID), by: global.actingPerson)
            if json {
                try printJSON(list.homes)
                return
            }
            var table = TextTable(["home", "floor", "area m²", "owner", "vote"])
            for home in list.homes {
                table.add([home.home, "\(home.floor)", home.area, home.owner, home.vote ?? "-"])
            }
            print(table.render())
            print(RegisterText.size(list.size))
        }
    }
}

/// Short texts about a register, shared by the consult commands.
enum RegisterText {
    /// `12 homes, 11 owners, 960.00 m²; 10 voted`.
    static func size(_ size: RegisterSize) -> String {
        "\(size.homes) home\(size.homes == 1 ? "" : "s"), \(size.owners) owner\(size.owners == 1 ? "" : "s"), \(size.area) m²; \(size.voted) voted"
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
