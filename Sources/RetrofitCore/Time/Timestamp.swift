/// An instant, in whole seconds since 1970-01-01T00:00:00Z, always shown in China Standard Time.
///
/// China Standard Time is UTC+8 with no daylight saving, so the conversion is a fixed offset
/// and needs no time-zone database.
public struct Timestamp: Hashable, Comparable, Sendable, CustomStringConvertible {
    public static let offsetSeconds = 8 * 3600

    public let secondsSinceEpoch: Int64

    public init(secondsSinceEpoch: Int64) { self.secondsSinceEpoch = secondsSinceEpoch }

    /// The start (00:00) of a day in China Standard Time.
    public init(startOf date: CivilDate) {
        secondsSinceEpoch = Int64(date.dayNumber) * 86_400 - Int64(Timestamp.offsetSeconds)
    }

    public init?(date: CivilDate, hour: Int, minute: Int, second: Int) {
        guard (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second) else { return nil }
        secondsSinceEpoch = Timestamp(startOf: date).secondsSinceEpoch + Int64(hour * 3600 + minute * 60 + second)
    }

    private var localSeconds: Int64 { secondsSinceEpoch + Int64(Timestamp.offsetSeconds) }

    /// The day this instant falls on in China Standard Time.
    public var date: CivilDate {
        let days = localSeconds >= 0 ? localSeconds / 86_400 : (localSeconds - 86_399) / 86_400
        return CivilDate(dayNumber: Int(days))
    }

    public var secondOfDay: Int { Int(localSeconds - Int64(date.dayNumber) * 86_400) }

    public func adding(seconds: Int64) -> Timestamp { Timestamp(secondsSinceEpoch: secondsSinceEpoch + seconds) }

    /// `YYYY-MM-DDTHH:MM:SS+08:00`: fixed width, so text order is time order.
    public var description: String {
        let seconds = secondOfDay
        return "\(date)T\(String(format2: seconds / 3600)):\(String(format2: seconds / 60 % 60)):\(String(format2: seconds % 60))+08:00"
    }

    /// Parses `YYYY-MM-DD` (start of that day, China Standard Time), `YYYY-MM-DDTHH:MM[:SS]`
    /// (China Standard Time), or either of those with a `Z` or `±HH:MM` offset.
    public init?(iso text: String) {
        let trimmed = text.trimmingWhitespace()
        if let date = CivilDate(iso: trimmed) {
            self.init(startOf: date)
            return
        }
        var body = Substring(trimmed)
        var offset = Timestamp.offsetSeconds
        if body.hasSuffix("Z") {
            offset = 0
            body = body.dropLast()
        } else if body.count > 6, let sign = body.dropLast(5).last, sign == "+" || sign == "-" {
            let zone = body.suffix(5)   // HH:MM
            let zoneParts = zone.split(separator: ":")
            guard zoneParts.count == 2, zoneParts[0].count == 2, zoneParts[1].count == 2,
                  let hours = Int(zoneParts[0]), let minutes = Int(zoneParts[1]),
                  hours <= 14, minutes < 60 else { return nil }
            offset = (hours * 3600 + minutes * 60) * (sign == "-" ? -1 : 1)
            body = body.dropLast(6)
        }
        let halves = body.split(separator: body.contains("T") ? "T" : " ", omittingEmptySubsequences: false)
        guard halves.count == 2, let date = CivilDate(iso: halves[0]) else { return nil }
        let clock = halves[1].split(separator: ":", omittingEmptySubsequences: false)
        guard clock.count == 2 || clock.count == 3,
              clock.allSatisfy({ $0.count == 2 && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let hour = Int(clock[0]), let minute = Int(clock[1]) else { return nil }
        let second = clock.count == 3 ? Int(clock[2]) ?? 99 : 0
        guard let local = Timestamp(date: date, hour: hour, minute: minute, second: second) else { return nil }
        self.init(secondsSinceEpoch: local.secondsSinceEpoch + Int64(Timestamp.offsetSeconds - offset))
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.secondsSinceEpoch < rhs.secondsSinceEpoch }
}

extension String {
    func trimmingWhitespace() -> String {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }
}
