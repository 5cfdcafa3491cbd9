import ArgumentParser
// Placeholder: replaced by the ledger import.
struct ImportCommand: ParsableCommand { static let configuration = CommandConfiguration(commandName: "import", abstract: "Import.") }
