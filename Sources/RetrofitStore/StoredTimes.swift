import RetrofitCore

extension Timestamp {
    /// Parses a timestamp as the log stores it — `Timestamp.description`, `YYYY-MM-DDTHH:MM:SS+08:00` —
    /// reading bytes instead of characters (replaying a log parses one per event); any other text goes
    /// to `Timestamp(iso:)`, so the result is always the same as that parser's.
    public init?(stored text: String) {
        var text = text
        guard let parsed = text.withUTF8({ Timestamp(storedBytes: $0) }) else { return nil }
        self = parsed
    }

    /// ``init(stored:)`` from the text's UTF-8 bytes.
    init?(storedBytes bytes: UnsafeBufferPointer<UInt8>) {
        // 0123456789012345678901234
        // 2025-12-15T09:30:00+08:00
        if bytes.count == 25, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"), bytes[10] == UInt8(ascii: "T"),
           bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"), bytes[19] == UInt8(ascii: "+"),
           bytes[20] == UInt8(ascii: "0"), bytes[21] == UInt8(ascii: "8"), bytes[22] == UInt8(ascii: ":"),
           bytes[23] == UInt8(ascii: "0"), bytes[24] == UInt8(ascii: "0"),
           let year = storedNumber(bytes, 0, 4), let month = storedNumber(bytes, 5, 2), let day = storedNumber(bytes, 8, 2),
           let hour = storedNumber(bytes, 11, 2), let minute = storedNumber(bytes, 14, 2), let second = storedNumber(bytes, 17, 2),
           let date = CivilDate(year: year, month: month, day: day),
           // +08:00 is China Standard Time, the offset Timestamp(date:hour:minute:second:) assumes.
           let time = Timestamp(date: date, hour: hour, minute: minute, second: second) {
            self = time
        } else if let general = Timestamp(iso: String(decoding: bytes, as: UTF8.self)) {
            self = general
        } else {
            return nil
        }
    }
}

extension CivilDate {
    /// Parses a day as the store writes it (`YYYY-MM-DD`) from its bytes; other text goes to `CivilDate(iso:)`.
    public init?(stored text: String) {
        var text = text
        guard let parsed = text.withUTF8({ CivilDate(storedBytes: $0) }) else { return nil }
        self = parsed
    }

    /// ``init(stored:)`` from the text's UTF-8 bytes.
    init?(storedBytes bytes: UnsafeBufferPointer<UInt8>) {
        if bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
           let year = storedNumber(bytes, 0, 4), let month = storedNumber(bytes, 5, 2), let day = storedNumber(bytes, 8, 2),
           let date = CivilDate(year: year, month: month, day: day) {
            self = date
        } else if let general = CivilDate(iso: String(decoding: bytes, as: UTF8.self)) {
            self = general
        } else {
            return nil
        }
    }

    /// The day of a stored timestamp (``Timestamp/init(stored:)``), read without computing its instant: a
    /// report scan needs only the day of two timestamps per stage visit. Text not in the stored form goes
    /// through ``Timestamp/init(stored:)``, so the day is always that timestamp's.
    init?(storedTimestampBytes bytes: UnsafeBufferPointer<UInt8>) {
        // In the stored form the offset is +08:00, China Standard Time, the zone of CivilDate: the written day is the day.
        if bytes.count == 25, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"), bytes[10] == UInt8(ascii: "T"),
           bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"), bytes[19] == UInt8(ascii: "+"),
           bytes[20] == UInt8(ascii: "0"), bytes[21] == UInt8(ascii: "8"), bytes[22] == UInt8(ascii: ":"),
           bytes[23] == UInt8(ascii: "0"), bytes[24] == UInt8(ascii: "0"),
           let year = storedNumber(bytes, 0, 4), let month = storedNumber(bytes, 5, 2), let day = storedNumber(bytes, 8, 2),
           let hour = storedNumber(bytes, 11, 2), let minute = storedNumber(bytes, 14, 2), let second = storedNumber(bytes, 17, 2),
           hour < 24, minute < 60, second < 60, let date = CivilDate(year: year, month: month, day: day) {
            self = date
        } else if let time = Timestamp(storedBytes: bytes) {
            self = time.date
        } else {
            return nil
        }
    }
}

/// The decimal number in `count` ASCII digits from `start`, or nil if any is not a digit.
@inline(__always)
private func storedNumber(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> Int? {
    var value = 0
    for index in start..<(start + count) {
        // One unsigned comparison rejects everything but 0-9 (this runs twice per stage visit in reports).
        let digit = bytes[index] &- UInt8(ascii: "0")
        guard digit < 10 else { return nil }
        value = value &* 10 &+ Int(digit)
    }
    return value
}
