import RetrofitCore
@testable import RetrofitStore
import Testing

/// The day read straight from a stored timestamp's text is the day of the timestamp parsed in full.
@Suite("Days of stored timestamps")
struct StoredDayTests {
    static func day(_ text: String) -> CivilDate? {
        var text = text
        return text.withUTF8 { CivilDate(storedTimestampBytes: $0) }
    }

    @Test("the stored form, other offsets and invalid text", arguments: [
        "2025-12-15T09:30:00+08:00", "2025-12-15T00:00:00+08:00", "2025-12-15T23:59:59+08:00", "2024-02-29T12:00:00+08:00",
        "2025-12-15T23:30:00Z", "2025-12-15T17:00:00+00:00", "2025-12-15T01:00:00+09:00", "2025-12-15T09:30",
        "2025-02-29T09:30:00+08:00", "2025-12-15T24:00:00+08:00", "2025-12-15T09:60:00+08:00", "2025-12-15X09:30:00+08:00",
        "２025-12-15T09:30:00+08:00", "", "not a time",
    ])
    func sameDay(_ text: String) {
        #expect(Self.day(text) == Timestamp(stored: text)?.date, "\(text)")
    }

    @Test("a time late in the evening elsewhere is the next day in China Standard Time")
    func otherOffset() throws {
        #expect(Self.day("2025-12-15T23:30:00Z") == CivilDate(year: 2025, month: 12, day: 16))
    }
}
