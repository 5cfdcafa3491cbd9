import ArgumentParser
import RetrofitApp

/// `retrofit consult tally`: the vote's figures and the workflow's rule against them.
struct ConsultTally: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tally",
        abstract: "Count a case's vote by owners and area, and check it against the workflow's vote rule.",
        discussion: """
            Owners are counted once however many homes they hold (homes whose owner is written the same \
            belong to one owner); area is each home's exclusive area, summed exactly. Participating and \
            absent are shown as shares of the total; agreeing, objecting and abstaining as shares of the \
            participants. Percentages are rounded for reading; the rule is checked on exact fractions. \
            The rule is the vote rule of the case's current stage, else of the first stage of its workflow \
            that has one. A register without homes cannot be tallied (exit 3).
            Example:
              retrofit consult tally ER-2025-0001
              retrofit consult tally ER-2025-0001 --json
            """
    )
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The case id.") var caseID: String
    @Flag(help: "Print as JSON: the figures, rulePasses and conditions.") var json = false

    func run() async throws {
        let report = try await global.app().tally(TallyRequest(caseID: caseID), by: global.actingPerson)
        if json { try printJSON(report) } else { print(report.text) }
    }
}
