/// The working-day calendars in force, by id, from the shipped files or a folder that replaces them.
public enum CalendarCatalog {
    /// Loads every calendar found in `files` (each calendar file with its year files).
    public static func load(_ files: [(path: String, text: String)]) throws(CalendarError) -> [String: WorkingCalendar] {
        var calendars: [String: WorkingCalendar] = [:]
        for calendar in try WorkingCalendar.loadAll(files: files) { calendars[calendar.id] = calendar }
        return calendars
    }
}
