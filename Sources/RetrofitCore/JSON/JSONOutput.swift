/// Writes JSON byte for byte as Foundation's `JSONEncoder` does with `[.sortedKeys, .withoutEscapingSlashes]`.
///
/// Stored snapshots and event payloads were written by that encoder; the log's hash chain and the
/// rebuild's row comparison both depend on the exact bytes, so every rule here copies swift-foundation's
/// `JSONWriter`: only `"`, `\` and U+0000–U+001F are escaped (`\b \f \n \r \t`, else `\u00XX` in lower
/// case), everything else (`/`, U+007F, all non-ASCII) is written as its UTF-8 bytes; keys are sorted by
/// their UTF-8 bytes; nil optionals are left out; integers are written as `Int.description`.
public struct JSONOutput: Sendable {
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 256) {
        bytes.reserveCapacity(capacity)
    }

    /// The output as text.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    // MARK: - values

    public mutating func string(_ value: String) {
        bytes.append(0x22)
        var value = value
        value.withUTF8 { appendEscaped($0) }
        bytes.append(0x22)
    }

    public mutating func int(_ value: Int) {
        // An Int's description is at most 20 bytes: a small string, never allocated.
        bytes.append(contentsOf: value.description.utf8)
    }

    /// `"YYYY-MM-DD"`, as `CivilDate.description` in quotes.
    public mutating func date(_ value: CivilDate) {
        bytes.append(0x22)
        value.appendDescription(to: &bytes)
        bytes.append(0x22)
    }

    /// `"89.53"`, as `Area.description` in quotes.
    public mutating func area(_ value: Area) {
        bytes.append(0x22)
        value.appendDescription(to: &bytes)
        bytes.append(0x22)
    }

    /// `"YYYY-MM-DDTHH:MM:SS+08:00"`, as `Timestamp.description` in quotes.
    public mutating func timestamp(_ value: Timestamp) {
        bytes.append(0x22)
        value.appendDescription(to: &bytes)
        bytes.append(0x22)
    }

    // MARK: - structure

    /// Bytes written as they are: punctuation and keys known to need no escaping (`"name":`).
    public mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// An object whose keys are only known at run time (a dictionary), keys in UTF-8 byte order.
    public mutating func object<Value>(_ dictionary: [String: Value], value write: (inout JSONOutput, Value) -> Void) {
        bytes.append(0x7B)
        var first = true
        for (key, value) in JSONOutput.sorted(dictionary) {
            if !first { bytes.append(0x2C) }
            first = false
            string(key)
            bytes.append(0x3A)
            write(&self, value)
        }
        bytes.append(0x7D)
    }

    public mutating func array<Element>(_ elements: [Element], element write: (inout JSONOutput, Element) -> Void) {
        bytes.append(0x5B)
        var first = true
        for element in elements {
            if !first { bytes.append(0x2C) }
            first = false
            write(&self, element)
        }
        bytes.append(0x5D)
    }

    /// The dictionary's entries in the order `JSONEncoder` writes them with `.sortedKeys`.
    static func sorted<Value>(_ dictionary: [String: Value]) -> [(key: String, value: Value)] {
        dictionary.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
    }

    // MARK: - bytes

    private mutating func appendEscaped(_ source: UnsafeBufferPointer<UInt8>) {
        var mark = 0
        var index = 0
        let count = source.count
        while index < count {
            let byte = source[index]
            if byte >= 0x20 && byte != 0x22 && byte != 0x5C {
                index += 1
                continue
            }
            if index > mark { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[mark..<index])) }
            bytes.append(0x5C)
            switch byte {
            case 0x22: bytes.append(0x22)
            case 0x5C: bytes.append(0x5C)
            case 0x08: bytes.append(0x62)
            case 0x0C: bytes.append(0x66)
            case 0x0A: bytes.append(0x6E)
            case 0x0D: bytes.append(0x72)
            case 0x09: bytes.append(0x74)
            default:
                bytes.append(0x75)
                bytes.append(0x30)
                bytes.append(0x30)
                bytes.append(JSONOutput.hexDigit(byte >> 4))
                bytes.append(JSONOutput.hexDigit(byte & 0xF))
            }
            index += 1
            mark = index
        }
        if count > mark { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[mark..<count])) }
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? 0x30 &+ value : 0x61 &+ (value &- 10)
    }
}
