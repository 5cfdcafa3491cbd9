/// The working-day calendars in force, by id, from the shipped files and a folder that adds to them.
public enum CalendarCatalog {
    public typealias File = CatalogFile

    /// Loads every calendar found in `files` (each calendar file with its year files).
    public static func load(_ files: [(path: String, text: String)]) throws(CalendarError) -> [String: WorkingCalendar] {
        var calendars: [String: WorkingCalendar] = [:]
        for calendar in try WorkingCalendar.loadAll(files: files) { calendars[calendar.id] = calendar }
        return calendars
    }

    /// Loads the `builtIn` calendars with the `added` files on top (see ``WorkingCalendar/loadAll(builtIn:added:)``).
    public static func load(
        builtIn: [(path: String, text: String)], added: [(path: String, text: String)]
    ) throws(CalendarError) -> [String: WorkingCalendar] {
        var calendars: [String: WorkingCalendar] = [:]
        for calendar in try WorkingCalendar.loadAll(builtIn: builtIn, added: added) { calendars[calendar.id] = calendar }
        return calendars
    }

    /// Loads the `builtIn` calendars with the `added` files on top, reading compiled forms where the files have them.
    public static func load(builtIn: [File], added: [File]) throws(CalendarError) -> [String: WorkingCalendar] {
        var calendars: [String: WorkingCalendar] = [:]
        for calendar in try WorkingCalendar.loadAll(builtIn: builtIn, added: added) { calendars[calendar.id] = calendar }
        return calendars
    }
}
