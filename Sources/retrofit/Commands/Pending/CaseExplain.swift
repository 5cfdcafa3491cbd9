import ArgumentParser
// Placeholder: replaced by case explain.
extension CaseGroup { struct CaseExplain: ParsableCommand { static let configuration = CommandConfiguration(commandName: "explain", abstract: "Explain.") } }
