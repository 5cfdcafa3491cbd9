/// What a calendar says about one day.
public enum DayKind: Hashable, Sendable {
    /// Monday to Friday, not a holiday.
    case workingDay
    /// Saturday or Sunday, not a holiday and not a make-up working day.
    case weekend
    /// A statutory day off, named (e.g. `春节 / Spring Festival`); may fall on a weekend.
    case holiday(String)
    /// A weekend day worked instead (调休上班), naming the holiday it makes up for.
    case makeUpWorkingDay(String)

    /// Whether the day counts as a working day.
    public var isWorkingDay: Bool {
        switch self {
        case .workingDay, .makeUpWorkingDay: true
        case .weekend, .holiday: false
        }
    }
}
