import Foundation

/// A strict pull reader of JSON (RFC 8259) over UTF-8 bytes, for the types this package stores.
///
/// The typed readers built on it (`CaseEvent`, `CaseState`) accept only what they expect and throw
/// `JSONScanError` on anything else; their callers then ask Foundation's `JSONDecoder`, so a text the
/// scanner refuses (a float where an integer is expected, a key given twice, a byte order mark) still reads
/// exactly as it always did. Every read is bounds-checked: a malformed text throws, never traps.
struct JSONScanner: ~Copyable {
    private let bytes: UnsafeBufferPointer<UInt8>
    private(set) var index = 0
    private var depth = 0

    /// Containers nested deeper than this are refused (JSONDecoder's limit too).
    static let maximumDepth = 512

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    func error(_ reason: String) -> JSONScanError {
        JSONScanError(offset: index, reason: reason)
    }

    private var found: String {
        guard index < bytes.count else { return "the end of the text" }
        let byte = bytes[index]
        return byte >= 0x20 && byte < 0x7F ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x\(String(byte, radix: 16))"
    }

    mutating func skipSpace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    /// The next byte after white space, not consumed; nil at the end.
    mutating func peek() -> UInt8? {
        skipSpace()
        return index < bytes.count ? bytes[index] : nil
    }

    /// Only white space may follow the value just read.
    mutating func finish() throws(JSONScanError) {
        skipSpace()
        guard index == bytes.count else { throw error("expected the end of the text, found \(found)") }
    }

    // MARK: - containers

    mutating func beginObject() throws(JSONScanError) {
        guard peek() == 0x7B else { throw error("expected an object, found \(found)") }
        try enter()
    }

    mutating func beginArray() throws(JSONScanError) {
        guard peek() == 0x5B else { throw error("expected an array, found \(found)") }
        try enter()
    }

    private mutating func enter() throws(JSONScanError) {
        depth += 1
        guard depth <= JSONScanner.maximumDepth else { throw error("containers are nested more than \(JSONScanner.maximumDepth) deep") }
        index += 1
    }

    /// The next key of the object being read (and its colon), or nil at its closing brace.
    mutating func nextKey(first: inout Bool) throws(JSONScanError) -> JSONKey? {
        guard try nextMember(first: &first, close: 0x7D, what: "'}'") else { return nil }
        guard peek() == 0x22 else { throw error("expected a key in quotes, found \(found)") }
        let key = try stringBytes()
        try colon()
        return key
    }

    /// The next key of an object read as a dictionary, or nil at its closing brace.
    mutating func nextDictionaryKey(first: inout Bool) throws(JSONScanError) -> String? {
        guard let key = try nextKey(first: &first) else { return nil }
        return key.string
    }

    /// Whether another element follows in the array being read; false after its closing bracket.
    mutating func nextElement(first: inout Bool) throws(JSONScanError) -> Bool {
        try nextMember(first: &first, close: 0x5D, what: "']'")
    }

    private mutating func nextMember(first: inout Bool, close: UInt8, what: String) throws(JSONScanError) -> Bool {
        let next = peek()
        if next == close {
            index += 1
            depth -= 1
            return false
        }
        if first {
            first = false
            return true
        }
        guard next == 0x2C else { throw error("expected ',' or \(what), found \(found)") }
        index += 1
        // A closing bracket right after the comma is caught by the value reader that comes next.
        return true
    }

    private mutating func colon() throws(JSONScanError) {
        guard peek() == 0x3A else { throw error("expected ':' after a key, found \(found)") }
        index += 1
    }

    // MARK: - scalars

    mutating func string() throws(JSONScanError) -> String {
        guard peek() == 0x22 else { throw error("expected a string, found \(found)") }
        return try stringBytes().string
    }

    /// Consumes `null` if it comes next.
    mutating func null() -> Bool {
        guard peek() == 0x6E, literal("null") else { return false }
        return true
    }

    /// `true` or `false`.
    mutating func bool() throws(JSONScanError) -> Bool {
        switch peek() {
        case 0x74 where literal("true"): return true
        case 0x66 where literal("false"): return false
        default: throw error("expected true or false, found \(found)")
        }
    }

    /// A whole number written without fraction or exponent, within `Int`.
    mutating func int() throws(JSONScanError) -> Int {
        skipSpace()
        let start = index
        var negative = false
        if index < bytes.count, bytes[index] == 0x2D {
            negative = true
            index += 1
        }
        guard index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 else {
            index = start
            throw error("expected a whole number, found \(found)")
        }
        var value = 0
        let firstDigit = index
        while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
            let digit = Int(bytes[index] - 0x30)
            let (times, overflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = negative ? times.subtractingReportingOverflow(digit) : times.addingReportingOverflow(digit)
            guard !overflow, !overflow2 else { throw error("the number is too large") }
            value = sum
            index += 1
        }
        if bytes[firstDigit] == 0x30, index - firstDigit > 1 { throw error("a number may not start with 0") }
        if index < bytes.count, bytes[index] == 0x2E || bytes[index] == 0x65 || bytes[index] == 0x45 {
            throw error("expected a whole number")
        }
        return value
    }

    /// Reads past one value of any kind, checking it is valid JSON.
    mutating func skipValue() throws(JSONScanError) {
        switch peek() {
        case 0x22:
            _ = try stringBytes()
        case 0x7B:
            try enter()
            var first = true
            while try nextKey(first: &first) != nil { try skipValue() }
        case 0x5B:
            try enter()
            var first = true
            while try nextElement(first: &first) { try skipValue() }
        case 0x74:
            guard literal("true") else { throw error("expected a value, found \(found)") }
        case 0x66:
            guard literal("false") else { throw error("expected a value, found \(found)") }
        case 0x6E:
            guard literal("null") else { throw error("expected a value, found \(found)") }
        default:
            try skipNumber()
        }
    }

    private mutating func literal(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard bytes.count - index >= count else { return false }
        let matches = word.withUTF8Buffer { word in
            (0..<count).allSatisfy { bytes[index + $0] == word[$0] }
        }
        if matches { index += count }
        return matches
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
    private mutating func skipNumber() throws(JSONScanError) {
        if index < bytes.count, bytes[index] == 0x2D { index += 1 }
        guard digits() > 0 else { throw error("expected a value, found \(found)") }
        if index < bytes.count, bytes[index] == 0x2E {
            index += 1
            guard digits() > 0 else { throw error("expected a digit after '.', found \(found)") }
        }
        if index < bytes.count, bytes[index] == 0x65 || bytes[index] == 0x45 {
            index += 1
            if index < bytes.count, bytes[index] == 0x2B || bytes[index] == 0x2D { index += 1 }
            guard digits() > 0 else { throw error("expected a digit in the exponent, found \(found)") }
        }
    }

    private mutating func digits() -> Int {
        let start = index
        while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
        return index - start
    }

    // MARK: - strings

    /// The next value as a string token (its bytes as written, and decoded when it has escapes).
    mutating func quoted() throws(JSONScanError) -> JSONKey {
        guard peek() == 0x22 else { throw error("expected a string, found \(found)") }
        return try stringBytes()
    }

    /// The string starting at the current quote: its bytes as written, decoded when it has escapes.
    /// Text that is not valid UTF-8 is refused, as `JSONDecoder` refuses it.
    private mutating func stringBytes() throws(JSONScanError) -> JSONKey {
        index += 1
        let start = index
        var ascii = true
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x22 {
                index += 1
                let raw = UnsafeBufferPointer(rebasing: bytes[start..<(index - 1)])
                if ascii { return JSONKey(raw: raw, decoded: nil, text: nil) }
                guard let text = String(validating: raw, as: UTF8.self) else { throw invalidUTF8(start) }
                return JSONKey(raw: raw, decoded: nil, text: text)
            }
            if byte == 0x5C { break }
            guard byte >= 0x20 else { throw error("a control character must be escaped in a string") }
            if byte >= 0x80 { ascii = false }
            index += 1
        }
        guard index < bytes.count else { throw error("the string starting at byte \(start - 1) is not closed") }
        var decoded = Array(UnsafeBufferPointer(rebasing: bytes[start..<index]))
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x22 {
                index += 1
                guard let text = String(validating: decoded, as: UTF8.self) else { throw invalidUTF8(start) }
                return JSONKey(raw: UnsafeBufferPointer(rebasing: bytes[start..<(index - 1)]), decoded: decoded, text: text)
            }
            guard byte >= 0x20 else { throw error("a control character must be escaped in a string") }
            if byte != 0x5C {
                decoded.append(byte)
                index += 1
                continue
            }
            index += 1
            guard index < bytes.count else { break }
            let escape = bytes[index]
            index += 1
            switch escape {
            case 0x22, 0x5C, 0x2F: decoded.append(escape)
            case 0x62: decoded.append(0x08)
            case 0x66: decoded.append(0x0C)
            case 0x6E: decoded.append(0x0A)
            case 0x72: decoded.append(0x0D)
            case 0x74: decoded.append(0x09)
            case 0x75:
                var scalar = try hex4()
                if (0xD800...0xDBFF).contains(scalar) {
                    guard literal("\\u") else { throw error("a high surrogate escape must be followed by a low one") }
                    let low = try hex4()
                    guard (0xDC00...0xDFFF).contains(low) else { throw error("a high surrogate escape must be followed by a low one") }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let unicode = Unicode.Scalar(scalar) else { throw error("\\u escape of a lone surrogate") }
                UTF8.encode(unicode) { decoded.append($0) }
            default:
                index -= 1
                throw error("unknown escape \\\(found)")
            }
        }
        throw error("the string starting at byte \(start - 1) is not closed")
    }

    private func invalidUTF8(_ start: Int) -> JSONScanError {
        JSONScanError(offset: start - 1, reason: "the string is not valid UTF-8")
    }

    private mutating func hex4() throws(JSONScanError) -> UInt32 {
        guard bytes.count - index >= 4 else { throw error("expected four hex digits after \\u") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case 0x30...0x39: digit = byte - 0x30
            case 0x61...0x66: digit = byte - 0x61 + 10
            case 0x41...0x46: digit = byte - 0x41 + 10
            default: throw error("expected four hex digits after \\u, found \(found)")
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }
}

/// A string as read: its bytes in the text, its decoded bytes when it had escapes, and the string
/// itself when it had escapes or non-ASCII bytes (validated then).
struct JSONKey {
    let raw: UnsafeBufferPointer<UInt8>
    let decoded: [UInt8]?
    let text: String?

    var string: String {
        text ?? String(decoding: raw, as: UTF8.self)
    }

    /// Whether the string is `name` (a plain ASCII key).
    func `is`(_ name: StaticString) -> Bool {
        name.withUTF8Buffer { matches($0) }
    }

    /// Whether the string is `name`, compared byte for byte without decoding.
    func `is`(_ name: String) -> Bool {
        var name = name
        return name.withUTF8 { matches($0) }
    }

    private func matches(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = name.count
        if let decoded { return decoded.count == count && decoded.elementsEqual(name) }
        guard raw.count == count else { return false }
        guard let left = raw.baseAddress, let right = name.baseAddress else { return count == 0 }
        return memcmp(left, right, count) == 0
    }
}
