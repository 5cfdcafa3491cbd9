/// Finding the first byte that breaks UTF-8, so an error can point at it.
enum LedgerUTF8 {
    /// The offset where the first invalid UTF-8 sequence starts, or nil when all bytes are valid.
    /// Overlong forms, surrogates and code points past U+10FFFF are invalid.
    static func firstInvalidByte(_ bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: return index
            }
            for offset in 1..<length {
                let position = index + offset
                guard position < count else { return index }
                let byte = bytes[position]
                let (low, high) = offset == 1 ? (lower, upper) : (UInt8(0x80), UInt8(0xBF))
                guard byte >= low, byte <= high else { return index }
            }
            index += length
        }
        return nil
    }
}
