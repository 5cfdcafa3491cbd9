/// The English wording calendar messages and explanations share.
enum CalendarWording {
    /// `Monday` … `Sunday`.
    static func weekday(_ date: CivilDate) -> String {
        ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][date.weekday - 1]
    }

    /// `2025-01-20 (Monday)`.
    static func dated(_ date: CivilDate) -> String { "\(date) (\(weekday(date)))" }

    /// `1 day`, `8 days`.
    static func days(_ count: Int) -> String { count == 1 ? "1 day" : "\(count) days" }

    /// `2025-03-01` for one day, `2025-01-28 to 2025-02-04` for several.
    static func span(_ first: CivilDate, _ last: CivilDate) -> String {
        first == last ? "\(first)" : "\(first) to \(last)"
    }
}
