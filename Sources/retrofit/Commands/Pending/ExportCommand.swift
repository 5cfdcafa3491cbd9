import ArgumentParser
// Placeholder: replaced by the ledger export.
struct ExportCommand: ParsableCommand { static let configuration = CommandConfiguration(commandName: "export", abstract: "Export.") }
