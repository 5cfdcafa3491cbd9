import RetrofitCore

extension BuiltinFiles {
    /// The shipped calendar files, named `built-in calendars/NAME.yaml` in messages, in path order, each with
    /// its compiled form, so loading them parses no YAML.
    public static let calendarFiles: [CalendarCatalog.File] = all.filter { $0.key.hasPrefix("calendars/") }
        .sorted { $0.key < $1.key }
        .map { CalendarCatalog.File(path: "built-in " + $0.key, text: $0.value, compiled: compiledCalendars[$0.key]) }
}
