/// Readers for the values the stored types are made of, each giving the same value as the type's
/// `Decodable` conformance does for the same text.
extension JSONScanner {
    /// A string that must be one of `T`'s raw values.
    mutating func rawValue<T: RawRepresentable>(_ type: T.Type, _ what: String) throws(JSONScanError) -> T where T.RawValue == String {
        let start = index
        let text = try string()
        guard let value = T(rawValue: text) else {
            throw JSONScanError(offset: start, reason: "'\(text)' is not a \(what)")
        }
        return value
    }

    /// `null` or a string.
    mutating func optionalBool() throws(JSONScanError) -> Bool? {
        if null() { return nil }
        return try bool()
    }

    mutating func optionalString() throws(JSONScanError) -> String? {
        try null() ? nil : string()
    }

    /// A timestamp in quotes, read as `Timestamp(iso:)` reads it.
    mutating func timestamp() throws(JSONScanError) -> Timestamp {
        let start = index
        let token = try quoted()
        if token.decoded == nil, let value = Timestamp(canonicalUTF8: token.raw) { return value }
        let text = token.string
        if let value = Timestamp(iso: text) { return value }
        throw JSONScanError(offset: start, reason: "'\(text)' is not a timestamp")
    }

    /// `null` or a timestamp.
    mutating func optionalTimestamp() throws(JSONScanError) -> Timestamp? {
        try null() ? nil : timestamp()
    }

    /// A day in quotes, read as `CivilDate(iso:)` reads it.
    mutating func date() throws(JSONScanError) -> CivilDate {
        let start = index
        let text = try string()
        guard let value = CivilDate(iso: text) else { throw JSONScanError(offset: start, reason: "'\(text)' is not a date") }
        return value
    }

    /// An object read as a dictionary; a key written twice is refused.
    mutating func dictionary<Value>(_ value: (inout JSONScanner) throws(JSONScanError) -> Value) throws(JSONScanError) -> [String: Value] {
        try beginObject()
        var result: [String: Value] = [:]
        var first = true
        while let key = try nextDictionaryKey(first: &first) {
            let start = index
            guard result.updateValue(try value(&self), forKey: key) == nil else {
                throw JSONScanError(offset: start, reason: "key '\(key)' appears twice")
            }
        }
        return result
    }

    mutating func stringDictionary() throws(JSONScanError) -> [String: String] {
        try dictionary { (scanner: inout JSONScanner) throws(JSONScanError) in try scanner.string() }
    }

    mutating func array<Element>(_ element: (inout JSONScanner) throws(JSONScanError) -> Element) throws(JSONScanError) -> [Element] {
        try beginArray()
        var result: [Element] = []
        var first = true
        while try nextElement(first: &first) { result.append(try element(&self)) }
        return result
    }

    /// Reads an object whose keys are the cases of `Key` (their raw values are the key names): `member`
    /// reads the value of each key it is given. A key `Key` does not name is skipped, as `JSONDecoder`
    /// skips it; a key given twice is refused. Duplicates are tracked by the key's place in
    /// `Key.allCases`, so the table of keys is the only thing to declare.
    mutating func object<Key: JSONObjectKey>(
        _ member: (inout JSONScanner, Key) throws(JSONScanError) -> Void
    ) throws(JSONScanError) {
        try beginObject()
        var first = true
        var seen: UInt64 = 0
        while let token = try nextKey(first: &first) {
            let start = index
            guard let (key, position) = Key.matching(token) else {
                try skipValue()
                continue
            }
            try member(&self, key)
            let bit: UInt64 = 1 << UInt64(position)
            guard seen & bit == 0 else { throw JSONScanError(offset: start, reason: "key '\(token.string)' appears twice") }
            seen |= bit
        }
    }
}

/// The keys of one kind of object the scanner reads: each case's raw value is a key's name.
/// At most 64 keys (the scanner tracks the keys it has seen in a 64-bit set).
protocol JSONObjectKey: RawRepresentable<String>, CaseIterable {}

extension JSONObjectKey {
    /// The key named by `token`, with its place in `allCases`; nil for a name that is not a key.
    static func matching(_ token: JSONKey) -> (Self, Int)? {
        var position = 0
        for key in allCases {
            if token.is(key.rawValue) {
                assert(position < 64, "a JSONObjectKey has more than 64 keys")
                return (key, position)
            }
            position += 1
        }
        return nil
    }
}

/// A required member that was not in the object.
func required<T>(_ value: T?, _ key: String, in scanner: borrowing JSONScanner) throws(JSONScanError) -> T {
    guard let value else { throw scanner.error("the object has no '\(key)'") }
    return value
}

extension Timestamp {
    /// Reads `YYYY-MM-DDTHH:MM:SS+08:00`, the form `description` writes, from its bytes; nil for any
    /// other text (which `Timestamp(iso:)` then reads, giving the same instant for this form).
    package init?(canonicalUTF8 bytes: UnsafeBufferPointer<UInt8>) {
        // 0123456789012345678901234
        // 2025-12-15T09:30:00+08:00
        guard bytes.count == 25, bytes[4] == 0x2D, bytes[7] == 0x2D, bytes[10] == 0x54, bytes[13] == 0x3A, bytes[16] == 0x3A,
              bytes[19] == 0x2B, bytes[20] == 0x30, bytes[21] == 0x38, bytes[22] == 0x3A, bytes[23] == 0x30, bytes[24] == 0x30,
              let year = canonicalNumber(bytes, 0, 4), let month = canonicalNumber(bytes, 5, 2), let day = canonicalNumber(bytes, 8, 2),
              let hour = canonicalNumber(bytes, 11, 2), let minute = canonicalNumber(bytes, 14, 2),
              let second = canonicalNumber(bytes, 17, 2), let date = CivilDate(year: year, month: month, day: day),
              let value = Timestamp(date: date, hour: hour, minute: minute, second: second) else { return nil }
        self = value
    }
}

/// The decimal number in `count` ASCII digits from `start`, or nil if any is not a digit.
private func canonicalNumber(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> Int? {
    var value = 0
    for index in start..<(start + count) {
        let digit = Int(bytes[index]) - 48
        guard (0...9).contains(digit) else { return nil }
        value = value * 10 + digit
    }
    return value
}
