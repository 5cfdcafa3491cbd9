import ArgumentParser
// Placeholder: replaced by the audit commands.
struct AuditGroup: ParsableCommand { static let configuration = CommandConfiguration(commandName: "audit", abstract: "Audit.") }
