import ArgumentParser
// Placeholder: replaced by the consultation commands.
struct ConsultGroup: ParsableCommand { static let configuration = CommandConfiguration(commandName: "consult", abstract: "Resident consultation.") }
