import RetrofitCore

extension Timestamp {
    /// Parses a timestamp as the log stores it — `Timestamp.description`, `YYYY-MM-DDTHH:MM:SS+08:00` —
    /// reading bytes instead of characters (replaying a log parses one per event); any other text goes
    /// to `Timestamp(iso:)`, so the result is always the same as that parser's.
    public init?(stored text: String) {
        if let fast = Timestamp.parseStored(text) {
            self = fast
        } else if let general = Timestamp(iso: text) {
            self = general
        } else {
            return nil
        }
    }

    private static func parseStored(_ text: String) -> Timestamp? {
        var text = text
        return text.withUTF8 { bytes -> Timestamp? in
            // 0123456789012345678901234
            // 2025-12-15T09:30:00+08:00
            guard bytes.count == 25, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"), bytes[10] == UInt8(ascii: "T"),
                  bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"), bytes[19] == UInt8(ascii: "+"),
                  bytes[20] == UInt8(ascii: "0"), bytes[21] == UInt8(ascii: "8"), bytes[22] == UInt8(ascii: ":"),
                  bytes[23] == UInt8(ascii: "0"), bytes[24] == UInt8(ascii: "0") else { return nil }
            guard let year = storedNumber(bytes, 0, 4), let month = storedNumber(bytes, 5, 2), let day = storedNumber(bytes, 8, 2),
                  let hour = storedNumber(bytes, 11, 2), let minute = storedNumber(bytes, 14, 2), let second = storedNumber(bytes, 17, 2),
                  let date = CivilDate(year: year, month: month, day: day) else { return nil }
            // +08:00 is China Standard Time, the offset Timestamp(date:hour:minute:second:) assumes.
            return Timestamp(date: date, hour: hour, minute: minute, second: second)
        }
    }
}

extension CivilDate {
    /// Parses a day as the store writes it (`YYYY-MM-DD`) from its bytes; other text goes to `CivilDate(iso:)`.
    public init?(stored text: String) {
        var text = text
        let fast = text.withUTF8 { bytes -> CivilDate? in
            guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
                  let year = storedNumber(bytes, 0, 4), let month = storedNumber(bytes, 5, 2), let day = storedNumber(bytes, 8, 2)
            else { return nil }
            return CivilDate(year: year, month: month, day: day)
        }
        if let fast {
            self = fast
        } else if let general = CivilDate(iso: text) {
            self = general
        } else {
            return nil
        }
    }
}

/// The decimal number in `count` ASCII digits from `start`, or nil if any is not a digit.
private func storedNumber(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> Int? {
    var value = 0
    for index in start..<(start + count) {
        let digit = Int(bytes[index]) - 48
        guard (0...9).contains(digit) else { return nil }
        value = value * 10 + digit
    }
    return value
}
