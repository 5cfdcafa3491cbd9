/// The days a case's clock stood still after a stage was entered, as merged day-number ranges.
struct SuspensionTimeline {
    /// The spans as given, clipped to start the day after entry, for naming reasons.
    private let spans: [SuspendedSpan]
    /// Disjoint, sorted, non-empty ranges of day numbers.
    private let ranges: [Range<Int>]

    /// - Throws: ``CalendarError/suspensionEndsBeforeStart(_:)`` for a span that resumes before it began.
    init(_ spans: [SuspendedSpan], after entered: CivilDate) throws(CalendarError) {
        let firstCounted = entered.dayNumber + 1
        var clipped: [Range<Int>] = []
        var kept: [SuspendedSpan] = []
        for span in spans {
            guard span.from <= span.until else { throw .suspensionEndsBeforeStart(span) }
            let range = max(span.from.dayNumber, firstCounted)..<max(span.until.dayNumber, firstCounted)
            guard !range.isEmpty else { continue }
            clipped.append(range)
            kept.append(span)
        }
        var merged: [Range<Int>] = []
        for range in clipped.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = merged.last, range.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        self.spans = kept
        ranges = merged
    }

    /// Why the clock stood still on `date`, or nil when it ran.
    func reason(on date: CivilDate) -> String? {
        spans.first { $0.contains(date) }?.reason
    }

    /// The `count`-th day after `entered` on which the clock ran.
    ///
    /// This is the stable end of the rule "extend the end by one day for each suspended day
    /// after entry and on or before the extended end", computed directly rather than iterated.
    func nthRunningDay(after entered: CivilDate, count: Int) -> CivilDate {
        var last = entered.dayNumber
        var remaining = count
        for range in ranges {
            let running = range.lowerBound - 1 - last
            if remaining <= running { return CivilDate(dayNumber: last + remaining) }
            remaining -= running
            last = range.upperBound - 1
        }
        return CivilDate(dayNumber: last + remaining)
    }

    /// The suspended days from the day after entry through `end`, in order.
    func suspendedDays(through end: CivilDate) -> [SuspendedDay] {
        var days: [SuspendedDay] = []
        for range in ranges where range.lowerBound <= end.dayNumber {
            for dayNumber in range.lowerBound...min(range.upperBound - 1, end.dayNumber) {
                let date = CivilDate(dayNumber: dayNumber)
                days.append(SuspendedDay(date: date, reason: reason(on: date) ?? ""))
            }
        }
        return days
    }
}
