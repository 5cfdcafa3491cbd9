import RetrofitReports
import Testing

@Suite("Nearest-rank percentiles and exact shares")
struct DurationSummaryTests {
    @Test("no visits: no median, no 90th percentile, no maximum")
    func none() {
        let summary = DurationSummary([])
        #expect(summary.count == 0)
        #expect(summary.median == nil)
        #expect(summary.p90 == nil)
        #expect(summary.maximum == nil)
        #expect(ReportNumber.text(summary.median) == "—")
    }

    @Test("one visit is its own median, 90th percentile and maximum")
    func one() {
        let summary = DurationSummary([17])
        #expect(summary.count == 1)
        #expect(summary.median == 17)
        #expect(summary.p90 == 17)
        #expect(summary.maximum == 17)
    }

    @Test("two visits: the median is the lower (rank ⌈0.5·2⌉ = 1), the 90th the higher (rank ⌈1.8⌉ = 2)")
    func two() {
        let summary = DurationSummary([9, 4])
        #expect(summary.median == 4)
        #expect(summary.p90 == 9)
        #expect(summary.maximum == 9)
    }

    @Test("ten visits: median rank 5, 90th percentile rank 9; always one of the values")
    func ten() {
        let summary = DurationSummary([10, 1, 9, 2, 8, 3, 7, 4, 6, 5])
        #expect(summary.median == 5)
        #expect(summary.p90 == 9)
        #expect(summary.maximum == 10)
        // Eleven values: rank ⌈5.5⌉ = 6 and ⌈9.9⌉ = 10.
        let eleven = DurationSummary(Array(1...11))
        #expect(eleven.median == 6)
        #expect(eleven.p90 == 10)
    }

    @Test("percentile ranks at the edges")
    func edges() {
        let values = [3, 5, 8]
        #expect(DurationSummary.percentile(1, ofSorted: values) == 3)
        #expect(DurationSummary.percentile(100, ofSorted: values) == 8)
        #expect(DurationSummary.percentile(34, ofSorted: values) == 5)   // ⌈1.02⌉ = 2
        #expect(DurationSummary.percentile(33, ofSorted: values) == 3)   // ⌈0.99⌉ = 1
    }

    @Test("counted and sorted, the figures are the same: narrow and wide ranges, negative values, repeats")
    func countedEqualsSorted() {
        var generator = SystemRandomNumberGenerator()
        let ranges: [ClosedRange<Int>] = [0...0, 0...40, -5...5, 0...400, 0...1_000_000, Int.min...Int.max]
        for range in ranges {
            for count in [1, 2, 7, 100, 5_000] {
                let values = (0..<count).map { _ in Int.random(in: range, using: &generator) }
                let sorted = values.sorted()
                let summary = DurationSummary(values)
                #expect(summary.count == count)
                #expect(summary.median == DurationSummary.percentile(50, ofSorted: sorted), "\(range) \(count)")
                #expect(summary.p90 == DurationSummary.percentile(90, ofSorted: sorted), "\(range) \(count)")
                #expect(summary.maximum == sorted.last)
            }
        }
    }

    @Test("shares are whole percentages rounded half up from exact integers")
    func percentages() {
        #expect(ReportNumber.percent(1, of: 8) == 13)      // 12.5
        #expect(ReportNumber.percent(1, of: 3) == 33)
        #expect(ReportNumber.percent(2, of: 3) == 67)
        #expect(ReportNumber.percent(41, of: 100) == 41)
        #expect(ReportNumber.percent(0, of: 0) == nil)
        #expect(ReportNumber.percentText(168, of: 308) == "55 %")   // 54.545…
        #expect(ReportNumber.percentText(1, of: 0) == "—")
        #expect(ReportNumber.grouped(1_320) == "1,320")
        #expect(ReportNumber.grouped(999) == "999")
        #expect(ReportNumber.grouped(1_234_567) == "1,234,567")
    }
}
