import Foundation

/// The days off that 《全国年节及纪念日放假办法》 itself gives, for a year whose State Council
/// notice is not yet published (DOMAIN.md §4, "A year not yet published").
///
/// The measures as revised by State Council Decree No. 795, in force from 1 January 2025: New
/// Year's Day (Jan 1), Spring Festival (lunar New Year's Eve and the 1st–3rd of the first lunar
/// month), Qingming (the day of the solar term), Labour Day (May 1–2), Dragon Boat (5th of the
/// fifth lunar month), Mid-Autumn (15th of the eighth lunar month), National Day (Oct 1–3). A
/// statutory day on a Saturday or Sunday is made up on the next working day (补假). There are no
/// make-up working days: those exist only once a notice announces them.
public enum StatutoryHolidays {
    /// The first year the measures in this form apply to.
    public static let firstYear = 2025
    /// The last year computed: lunar dates are reliable this far, and no deadline reaches further.
    public static let lastYear = 2100
    /// Changes whenever the computation does, so projections computed with an older one are recomputed.
    public static let ruleVersion = 1
    /// What a provisional year names as its source.
    public static let source = "《全国年节及纪念日放假办法》(国务院令第795号), provisional until the State Council notice is published"

    /// The statutory days of `year`, by festival, in date order; nil outside ``firstYear``...``lastYear``.
    public static func statutoryDays(in year: Int) -> [(name: String, days: [CivilDate])]? {
        guard (firstYear...lastYear).contains(year), let lunar = LunarDates(year: year) else { return nil }
        func date(_ month: Int, _ day: Int) -> CivilDate { CivilDate(year: year, month: month, day: day)! }
        let festivals: [(String, [CivilDate])] = [
            ("元旦 / New Year's Day", [date(1, 1)]),
            ("春节 / Spring Festival", (-1...2).map { lunar.newYear.adding(days: $0) }),
            ("清明节 / Qingming Festival", [SolarTerm.day(longitude: 15, near: date(4, 4))]),
            ("劳动节 / Labour Day", [date(5, 1), date(5, 2)]),
            ("端午节 / Dragon Boat Festival", [lunar.dragonBoat]),
            ("中秋节 / Mid-Autumn Festival", [lunar.midAutumn]),
            ("国庆节 / National Day", [date(10, 1), date(10, 2), date(10, 3)]),
        ]
        return festivals.sorted { $0.1[0] < $1.1[0] }
    }

    /// A provisional year: the statutory days and the days in lieu of those on a weekend, as holidays.
    static func provisionalYear(_ year: Int) -> CalendarYear? {
        guard let festivals = statutoryDays(in: year) else { return nil }
        var taken = Set(festivals.flatMap { $0.days })
        var holidays: [CalendarHoliday] = []
        for (name, days) in festivals {
            // A day may belong to two festivals (Mid-Autumn on Oct 1): it is one day off, listed once.
            let own = days.filter { day in !holidays.contains { $0.from <= day && day <= $0.to } }
            for run in runs(of: own) { holidays.append(CalendarHoliday(name: name, from: run.from, to: run.to)) }
        }
        // In date order, so that a day in lieu never takes a day an earlier one already took.
        let inLieu = festivals.flatMap { festival in festival.days.map { ($0, festival.name) } }
            .filter { $0.0.isWeekend }.sorted { $0.0 < $1.0 }
        var seen: Set<CivilDate> = []
        for (day, name) in inLieu where seen.insert(day).inserted {
            var replacement = day.adding(days: 1)
            while replacement.isWeekend || taken.contains(replacement) { replacement = replacement.adding(days: 1) }
            taken.insert(replacement)
            holidays.append(CalendarHoliday(name: "\(name) 补假 (day in lieu of \(day))", from: replacement, to: replacement))
        }
        // A day in lieu of a late-December day may fall in the next year; this year keeps only its own days.
        let own = holidays.filter { $0.from.year == year }.sorted { $0.from < $1.from }
        return CalendarYear(year: year, source: source, file: "", holidays: own, makeUpWorkingDays: [], isProvisional: true)
    }

    /// Consecutive days grouped into spans.
    private static func runs(of days: [CivilDate]) -> [(from: CivilDate, to: CivilDate)] {
        var runs: [(from: CivilDate, to: CivilDate)] = []
        for day in days.sorted() {
            if let last = runs.last, last.to.adding(days: 1) == day { runs[runs.count - 1].to = day } else { runs.append((day, day)) }
        }
        return runs
    }
}

/// The Gregorian dates of the lunar festivals whose lunar year begins in a Gregorian year.
struct LunarDates {
    let newYear: CivilDate
    let dragonBoat: CivilDate
    let midAutumn: CivilDate

    init?(year: Int) {
        guard let timeZone = TimeZone(identifier: "Asia/Shanghai") else { return nil }
        var chinese = Calendar(identifier: .chinese)
        chinese.timeZone = timeZone
        var gregorian = Calendar(identifier: .gregorian)
        gregorian.timeZone = timeZone
        // The lunar new year falls between Jan 21 and Feb 20, so 1 July lies in the lunar year that begins in `year`.
        guard let july = gregorian.date(from: DateComponents(year: year, month: 7, day: 1)) else { return nil }
        let lunarYear = chinese.dateComponents([.era, .year], from: july)
        func civil(_ month: Int, _ day: Int) -> CivilDate? {
            var components = DateComponents(era: lunarYear.era, year: lunarYear.year, month: month, day: day)
            components.isLeapMonth = false
            guard let date = chinese.date(from: components) else { return nil }
            let parts = gregorian.dateComponents([.year, .month, .day], from: date)
            return CivilDate(year: parts.year ?? 0, month: parts.month ?? 0, day: parts.day ?? 0)
        }
        guard let newYear = civil(1, 1), newYear.year == year, let dragonBoat = civil(5, 5), let midAutumn = civil(8, 15) else {
            return nil
        }
        self.newYear = newYear
        self.dragonBoat = dragonBoat
        self.midAutumn = midAutumn
    }
}
