import ArgumentParser

/// `retrofit consult`: the household register, the owners' ballots, the tally and objections.
struct ConsultGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "consult",
        abstract: "Resident consultation: household register, ballots, tally and objections.",
        discussion: """
            The register lists each home of the unit with its floor, exclusive area and owner; ballots \
            are one per home (a later ballot replaces the earlier one); the tally counts owners, not homes, \
            and checks the vote rule of the case's workflow. Objections are raised during public notice.
            Example:
              retrofit consult home import ER-2025-0001 homes.csv
              retrofit consult vote import ER-2025-0001 ballots.csv
              retrofit consult tally ER-2025-0001
            """,
        subcommands: [ConsultHomeGroup.self, ConsultVoteGroup.self, ConsultTally.self, ConsultObjectionGroup.self]
    )
}
