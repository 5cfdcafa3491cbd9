import ArgumentParser
// Placeholder: replaced by the reports.
struct ReportGroup: ParsableCommand { static let configuration = CommandConfiguration(commandName: "report", abstract: "Reports.") }
