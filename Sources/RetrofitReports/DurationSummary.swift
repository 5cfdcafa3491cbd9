/// Median, 90th percentile and maximum of a list of whole-day durations, by the nearest-rank method.
///
/// Nearest rank: the P-th percentile of n sorted values is the value at rank ⌈P·n/100⌉ (1-based),
/// so it is always one of the values. One value is its own median, 90th percentile and maximum;
/// no values have none (nil, shown as "—").
public struct DurationSummary: Sendable, Hashable, Encodable {
    /// How many values the figures rest on.
    public let count: Int
    public let median: Int?
    public let p90: Int?
    public let maximum: Int?

    /// Summarises `values` (in any order).
    public init(_ values: [Int]) {
        count = values.count
        // Durations are days, few distinct values among many (a report at 100,000 cases summarises about
        // 700,000): counting them finds the ranks in one pass where sorting took most of the summary's time.
        if let low = values.min(), let high = values.max(), case let (span, overflow) = high.subtractingReportingOverflow(low),
           !overflow, span < max(values.count, 4096) {
            var counts = [Int](repeating: 0, count: span + 1)
            for value in values { counts[value - low] += 1 }
            median = DurationSummary.percentile(50, ofCounts: counts, from: low)
            p90 = DurationSummary.percentile(90, ofCounts: counts, from: low)
            maximum = high
            return
        }
        let sorted = values.sorted()
        median = DurationSummary.percentile(50, ofSorted: sorted)
        p90 = DurationSummary.percentile(90, ofSorted: sorted)
        maximum = sorted.last
    }

    /// ``percentile(_:ofSorted:)`` of the values counted in `counts`, where `counts[i]` is how many equal `low + i`.
    static func percentile(_ percent: Int, ofCounts counts: [Int], from low: Int) -> Int? {
        let total = counts.reduce(0, +)
        guard total > 0 else { return nil }
        let clamped = min(max(percent, 1), 100)
        let rank = min(max((clamped * total + 99) / 100, 1), total)
        var seen = 0
        for (offset, count) in counts.enumerated() {
            seen += count
            if seen >= rank { return low + offset }
        }
        return nil
    }

    /// The nearest-rank `percent`-th percentile (1…100) of ascending `sorted`, nil when it is empty.
    public static func percentile(_ percent: Int, ofSorted sorted: [Int]) -> Int? {
        guard !sorted.isEmpty else { return nil }
        let clamped = min(max(percent, 1), 100)
        // ⌈percent·n/100⌉ in integers.
        let rank = (clamped * sorted.count + 99) / 100
        return sorted[min(max(rank, 1), sorted.count) - 1]
    }

    private enum CodingKeys: String, CodingKey { case count, median, p90, maximum }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(count, forKey: .count)
        try container.encode(median, forKey: .median)
        try container.encode(p90, forKey: .p90)
        try container.encode(maximum, forKey: .maximum)
    }
}

/// Shares and figures written for people, from exact integers.
public enum ReportNumber {
    /// `part` of `whole` as a whole percentage rounded half up, nil when `whole` is 0.
    public static func percent(_ part: Int, of whole: Int) -> Int? {
        guard whole > 0 else { return nil }
        return (200 * part + whole) / (2 * whole)
    }

    /// `41 %`, or `—` when there is no whole to take a share of.
    public static func percentText(_ part: Int, of whole: Int) -> String {
        percent(part, of: whole).map { "\($0) %" } ?? "—"
    }

    /// A whole number, or `—` for none.
    public static func text(_ value: Int?) -> String {
        value.map { "\($0)" } ?? "—"
    }

    /// An integer with thousands separators: `12,345`.
    public static func grouped(_ value: Int) -> String {
        let digits = "\(value.magnitude)"
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return (value < 0 ? "-" : "") + text
    }
}
