extension WorkingCalendar {
    /// Loads one calendar from its files: the calendar file (`id: <id>`) and its year files
    /// (`calendar: <id>`), each given as its path (used in messages) and its text.
    ///
    /// Every file given is read and checked, so a broken file of another calendar is an error
    /// too; files of other calendars are otherwise left out. A calendar with no year files is
    /// not an error: it answers for no date.
    ///
    /// - Throws: ``CalendarError/invalid(file:line:column:message:)`` naming the file, line and
    ///   column of the first problem; ``CalendarError/unknownCalendar(id:)`` when no file has `id`.
    public static func load(id: String, files: [(path: String, text: String)]) throws(CalendarError) -> WorkingCalendar {
        let calendars = try CalendarAssembly(files: files).calendars(orphansAreErrors: false)
        guard let calendar = calendars.first(where: { $0.id == id }) else { throw .unknownCalendar(id: id) }
        return calendar
    }

    /// Loads every calendar among `files`, in order of id.
    ///
    /// - Throws: as ``load(id:files:)``, and also for a year file whose calendar has no file.
    public static func loadAll(files: [(path: String, text: String)]) throws(CalendarError) -> [WorkingCalendar] {
        try CalendarAssembly(files: files).calendars(orphansAreErrors: true)
    }

    /// Loads every calendar among `builtIn` with `added` on top: a calendar file in `added`
    /// replaces the one with its id, a year file replaces that year of its calendar, and anything
    /// else is added. Each set is checked on its own (no duplicates inside it), then the result.
    ///
    /// - Throws: as ``loadAll(files:)``.
    public static func loadAll(
        builtIn: [(path: String, text: String)], added: [(path: String, text: String)]
    ) throws(CalendarError) -> [WorkingCalendar] {
        try loadAll(builtIn: builtIn.map { CalendarCatalog.File(path: $0.path, text: $0.text) },
                    added: added.map { CalendarCatalog.File(path: $0.path, text: $0.text) })
    }

    /// As ``loadAll(builtIn:added:)``, reading a file's compiled form (``CompiledCalendarFile``) instead
    /// of its YAML when it has one made from its text.
    public static func loadAll(builtIn: [CalendarCatalog.File], added: [CalendarCatalog.File]) throws(CalendarError) -> [WorkingCalendar] {
        var assembly = try CalendarAssembly(files: builtIn)
        assembly.overlay(try CalendarAssembly(files: added))
        return try assembly.calendars(orphansAreErrors: true)
    }
}

/// Parsed calendar files, put together into calendars with the checks that span files.
private struct CalendarAssembly {
    var headers: [(id: String, title: String, warnBefore: Int, statutory: Bool, position: CalendarFilePosition)] = []
    var years: [(calendar: String, data: CalendarYear, positions: CalendarFile.YearPositions)] = []

    init(files: [(path: String, text: String)]) throws(CalendarError) {
        try self.init(files: files.map { CalendarCatalog.File(path: $0.path, text: $0.text) })
    }

    init(files: [CalendarCatalog.File]) throws(CalendarError) {
        // Sorted so that "the second file" in a duplicate message does not depend on dictionary order.
        for file in files.sorted(by: { $0.path < $1.path }) {
            let read: CalendarFile
            if let compiled = file.compiled.flatMap({ CompiledCalendarFile.decode($0, path: file.path, source: file.text) }) {
                read = compiled
            } else {
                read = try CalendarFile.parse(path: file.path, text: file.text)
            }
            switch read {
            case let .calendar(id, title, warnBefore, statutory, position):
                if let first = headers.first(where: { $0.id == id }) {
                    throw position.error("calendar id \(id) is already declared in \(first.position.file)")
                }
                headers.append((id, title, warnBefore, statutory, position))
            case let .year(calendar, data, positions):
                if let first = years.first(where: { $0.calendar == calendar && $0.data.year == data.year }) {
                    throw positions.year.error(
                        "calendar \(calendar) already has data for \(data.year) in \(first.data.file)"
                    )
                }
                years.append((calendar, data, positions))
            }
        }
    }

    /// Puts `other`'s files over these: same calendar id or same calendar year replaces.
    mutating func overlay(_ other: CalendarAssembly) {
        for header in other.headers {
            headers.removeAll { $0.id == header.id }
            headers.append(header)
        }
        for year in other.years {
            years.removeAll { $0.calendar == year.calendar && $0.data.year == year.data.year }
            years.append(year)
        }
    }

    func calendars(orphansAreErrors: Bool) throws(CalendarError) -> [WorkingCalendar] {
        if orphansAreErrors, let orphan = years.first(where: { year in !headers.contains { $0.id == year.calendar } }) {
            throw orphan.positions.calendar.error(
                "this file is for calendar \(orphan.calendar), but no file has id \(orphan.calendar)"
            )
        }
        var calendars: [WorkingCalendar] = []
        for header in headers.sorted(by: { $0.id < $1.id }) {
            let own = years.filter { $0.calendar == header.id }.sorted { $0.data.year < $1.data.year }
            try checkMakeUpDaysAcrossYears(own)
            calendars.append(WorkingCalendar(
                id: header.id, title: header.title, warnBefore: header.warnBefore, years: own.map(\.data),
                followsStatutoryHolidays: header.statutory
            ))
        }
        return calendars
    }

    /// A make-up day may lie in a year next to its notice's, so it can clash with another year's data.
    private func checkMakeUpDaysAcrossYears(
        _ own: [(calendar: String, data: CalendarYear, positions: CalendarFile.YearPositions)]
    ) throws(CalendarError) {
        var makeUpFile: [CivilDate: String] = [:]
        for year in own {
            for (makeUp, position) in zip(year.data.makeUpWorkingDays, year.positions.makeUpDates)
            where makeUp.date.year != year.data.year {
                let other = own.first { $0.data.year == makeUp.date.year }
                if let holiday = other?.data.holidays.first(where: { $0.from <= makeUp.date && makeUp.date <= $0.to }) {
                    throw position.error(
                        "make-up working day \(makeUp.date) falls inside the holiday \(holiday.name) of \(makeUp.date.year)"
                    )
                }
            }
            for (makeUp, position) in zip(year.data.makeUpWorkingDays, year.positions.makeUpDates) {
                if let file = makeUpFile[makeUp.date] {
                    throw position.error("make-up working day \(makeUp.date) is already listed in \(file)")
                }
                makeUpFile[makeUp.date] = year.data.file
            }
        }
    }
}
