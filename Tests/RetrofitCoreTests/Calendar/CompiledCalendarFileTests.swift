import RetrofitBuiltins
import RetrofitCore
import Testing

@Suite("Compiled calendar files read back as their YAML")
struct CompiledCalendarFileTests: CalendarTestHelpers {
    /// Every answer a calendar gives for `years` (and the years next to them), as text to compare.
    static func answers(_ calendar: WorkingCalendar, years: ClosedRange<Int>) -> [String] {
        var lines = ["\(calendar.id) \(calendar.title) \(calendar.warnBefore) \(calendar.followsStatutoryHolidays) \(calendar.years)"]
        for year in years {
            lines.append("\(year) \(String(describing: try? calendar.holidays(in: year))) \(String(describing: try? calendar.makeUpWorkingDays(in: year)))")
            lines.append("\(year) \(String(describing: try? calendar.source(of: year))) \(String(describing: calendar.file(of: year))) \(calendar.isProvisional(year))")
            var date = CivilDate(year: year, month: 1, day: 1)!
            while date.year == year {
                lines.append("\(date) \(String(describing: try? calendar.kind(of: date)))")
                date = date.adding(days: 1)
            }
        }
        return lines
    }

    static var yamlOnly: [CalendarCatalog.File] {
        BuiltinFiles.calendarFiles.map { CalendarCatalog.File(path: $0.path, text: $0.text) }
    }

    @Test("Every built-in calendar file has a compiled form made from its text")
    func everyBuiltInFileIsCompiled() throws {
        #expect(BuiltinFiles.calendarFiles.count == BuiltinFiles.all.keys.filter { $0.hasPrefix("calendars/") }.count)
        for file in BuiltinFiles.calendarFiles {
            let compiled = try #require(file.compiled, "\(file.path) has no compiled form")
            #expect(compiled == (try CompiledCalendarFile.encode(path: file.path, text: file.text)))
        }
    }

    @Test("The embedded calendars answer as parsing the YAML does, day by day, for every built-in year")
    func embeddedEqualsYAML() throws {
        let embedded = try CalendarCatalog.load(builtIn: BuiltinFiles.calendarFiles, added: [])
        let parsed = try CalendarCatalog.load(builtIn: Self.yamlOnly, added: [])
        #expect(embedded.keys.sorted() == parsed.keys.sorted())
        for (id, calendar) in parsed {
            let other = try #require(embedded[id])
            let years = (calendar.years.first ?? 2025) - 1...(calendar.years.last ?? 2025) + 1
            #expect(Self.answers(other, years: years) == Self.answers(calendar, years: years))
        }
    }

    @Test("A compiled form made from other text is ignored: the YAML beside it is read")
    func staleCompiledFormIsIgnored() throws {
        let year = try #require(BuiltinFiles.calendarFiles.first { $0.path.hasSuffix("cn-mainland-2025.yaml") })
        let edited = year.text.replacingOccurrences(of: "2025-01-28", with: "2025-01-27")
        let files = BuiltinFiles.calendarFiles.map { $0.path == year.path ? CalendarCatalog.File(path: $0.path, text: edited, compiled: $0.compiled) : $0 }
        let calendar = try #require(try CalendarCatalog.load(builtIn: files, added: [])["cn-mainland"])
        #expect(try calendar.kind(of: try day("2025-01-27")) == .holiday("春节 / Spring Festival"))
    }

    @Test("Problems across files point at the same file, line and column from a compiled form")
    func crossFileErrorsKeepTheirPositions() throws {
        let header = try #require(BuiltinFiles.calendarFiles.first { $0.path.hasSuffix("cn-mainland.yaml") })
        let year = try #require(BuiltinFiles.calendarFiles.first { $0.path.hasSuffix("cn-mainland-2025.yaml") })
        let copy = CalendarCatalog.File(path: "calendars/z-copy.yaml", text: year.text)
        let compiledCopy = CalendarCatalog.File(path: copy.path, text: copy.text,
                                                compiled: try CompiledCalendarFile.encode(path: copy.path, text: copy.text))
        func error(_ files: [CalendarCatalog.File]) -> String {
            do {
                _ = try CalendarCatalog.load(builtIn: files, added: [])
                return "loaded"
            } catch {
                return error.description
            }
        }
        let fromYAML = error([CalendarCatalog.File(path: header.path, text: header.text), CalendarCatalog.File(path: year.path, text: year.text), copy])
        #expect(fromYAML.hasPrefix("calendars/z-copy.yaml:4:7: calendar cn-mainland already has data for 2025"), "\(fromYAML)")
        #expect(error([header, year, compiledCopy]) == fromYAML)
    }

    @Test("Texts with line breaks, backslashes and separators survive the compiled form")
    func awkwardTextsSurvive() throws {
        let header = CalendarCatalog.File(path: "c/x.yaml", text: "id: x\ntitle: \"a\\\\b\\nc\\x1Fd\\re\"\nwarn_before: 0\n")
        let year = CalendarCatalog.File(path: "c/x-2025.yaml", text: """
            calendar: x
            year: 2025
            source: "line one\\nline two \\\\ end"
            holidays:
              - name: "A\\\\n holiday\\x1F"
                from: 2025-03-03
                to: 2025-03-04
            make_up_working_days:
              - date: 2025-03-08
                for: "A\\\\n holiday\\x1F"

            """)
        let compiled = try [header, year].map { file in
            CalendarCatalog.File(path: file.path, text: file.text, compiled: try CompiledCalendarFile.encode(path: file.path, text: file.text))
        }
        let parsed = try #require(try CalendarCatalog.load(builtIn: [header, year], added: [])["x"])
        let read = try #require(try CalendarCatalog.load(builtIn: compiled, added: [])["x"])
        #expect(parsed.title == "a\\b\nc\u{1F}d\re")
        #expect(Self.answers(read, years: 2025...2025) == Self.answers(parsed, years: 2025...2025))
    }

    @Test("A calendars folder still adds years and replaces a built-in year over the compiled forms")
    func addedFilesStillOverlay() throws {
        let replaced = CalendarCatalog.File(path: "calendars/cn-mainland-2025.yaml", text: """
            calendar: cn-mainland
            year: 2025
            source: replaced
            holidays:
              - name: 测试 / Test
                from: 2025-03-03
                to: 2025-03-03

            """)
        let added = CalendarCatalog.File(path: "calendars/cn-mainland-2030.yaml", text: """
            calendar: cn-mainland
            year: 2030
            source: added
            holidays:
              - name: 测试 / Test
                from: 2030-03-04
                to: 2030-03-04

            """)
        let embedded = try #require(try CalendarCatalog.load(builtIn: BuiltinFiles.calendarFiles, added: [replaced, added])["cn-mainland"])
        let parsed = try #require(try CalendarCatalog.load(builtIn: Self.yamlOnly, added: [replaced, added])["cn-mainland"])
        #expect(try embedded.source(of: 2025) == "replaced")
        #expect(try embedded.kind(of: try day("2025-01-28")) == .workingDay)
        #expect(try embedded.source(of: 2030) == "added")
        #expect(!embedded.isProvisional(2030))
        #expect(Self.answers(embedded, years: 2023...2031) == Self.answers(parsed, years: 2023...2031))
    }
}
