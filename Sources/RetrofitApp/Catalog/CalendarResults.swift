import RetrofitCore
import RetrofitReports

/// The calendar used when none is named.
public let defaultCalendarID = "cn-mainland"

/// `calendar show`: a year's holidays and make-up working days.
public struct CalendarYearRequest: Sendable {
    public var calendarID: String
    public var year: Int

    public init(calendarID: String = defaultCalendarID, year: Int) {
        self.calendarID = calendarID
        self.year = year
    }
}

public struct CalendarYearResult: Encodable, Sendable {
    public struct Holiday: Encodable, Sendable, Hashable {
        public let name: String
        public let from: CivilDate
        public let to: CivilDate
        public let days: Int
    }

    public struct MakeUpDay: Encodable, Sendable, Hashable {
        public let date: CivilDate
        public let holiday: String

        enum CodingKeys: String, CodingKey {
            case date
            case holiday = "for"
        }
    }

    public let calendar: String
    public let title: String
    public let year: Int
    /// True when no notice file gives the year: computed from the statutory rules.
    public let provisional: Bool
    @EncodeNil public var file: String?
    /// The notice the year's file cites; empty when none.
    public let source: String
    public let holidays: [Holiday]
    public let makeUpWorkingDays: [MakeUpDay]

    enum CodingKeys: String, CodingKey {
        case calendar, year, provisional, file, holidays, makeUpWorkingDays
    }
}

/// `calendar status`: each calendar's years, official or provisional; nil for every calendar.
public struct CalendarStatusRequest: Sendable {
    public var calendarID: String?

    public init(calendarID: String? = nil) { self.calendarID = calendarID }
}

public struct CalendarStatusResult: Encodable, Sendable {
    public struct Calendar: Encodable, Sendable, Hashable {
        public let calendar: String
        public let title: String
        /// Years without a file are computed from the statutory holidays.
        public let provisionalRule: Bool
        public let years: [Year]
    }

    public struct Year: Encodable, Sendable, Hashable {
        public let year: Int
        public let status: String
        @EncodeNil public var file: String?
    }

    public let today: CivilDate
    public let calendars: [Calendar]
    /// Missing notices for next year, from 1 October.
    public let warnings: [String]
}

/// `calendar deadline`: the deadline of a stage entered on a day, under a period.
public struct DeadlineRequest: Sendable {
    public var calendarID: String
    public var entered: CivilDate
    public var period: Period

    public init(calendarID: String = defaultCalendarID, entered: CivilDate, period: Period) {
        self.calendarID = calendarID
        self.entered = entered
        self.period = period
    }
}

public struct DeadlineResult: Encodable, Sendable {
    public let deadline: CivilDate
    public let overdueFrom: CivilDate
    public let deadlineProvisional: Bool
    public let explanation: [String]
}

/// `calendar between`: working days after one day up to and including another.
public struct WorkingDaysRequest: Sendable {
    public var calendarID: String
    public var from: CivilDate
    public var through: CivilDate

    public init(calendarID: String = defaultCalendarID, from: CivilDate, through: CivilDate) {
        self.calendarID = calendarID
        self.from = from
        self.through = through
    }
}

public struct WorkingDaysResult: Encodable, Sendable {
    public let workingDays: Int
    public let calendarDays: Int
}
