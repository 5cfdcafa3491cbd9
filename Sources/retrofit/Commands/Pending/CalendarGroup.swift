import ArgumentParser
// Placeholder: replaced by the calendar commands.
struct CalendarGroup: ParsableCommand { static let configuration = CommandConfiguration(commandName: "calendar", abstract: "Working-day calendars.") }
