import ArgumentParser
// Placeholder: replaced by the demo command.
struct DemoCommand: ParsableCommand { static let configuration = CommandConfiguration(commandName: "demo", abstract: "Demo.") }
