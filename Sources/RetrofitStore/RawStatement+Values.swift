import Foundation
import GRDB
import RetrofitCore

// Values of the current row for the report scans (once per stage visit over a whole database),
// where GRDB's `Row` (a checked `String` for every text column) cost more than the scan itself: a
// stored time is parsed straight from SQLite's bytes, and a text equal to one already read reuses
// that `String`.
extension RawStatement {
    /// Prepared with `texts` bound to its parameters, in order.
    convenience init(_ db: Database, sql: String, texts: [String] = []) throws {
        try self.init(db, sql)
        for (index, text) in texts.enumerated() {
            var text = text
            try text.withUTF8 { try bind(Int32(index + 1), text: $0) }
        }
    }

    func int(_ index: Int32) -> Int { Int(int64(index)) }

    /// The column's text, or nil when it is NULL.
    func string(_ index: Int32) -> String? {
        isNull(index) ? nil : String(decoding: text(index), as: UTF8.self)
    }

    /// The column's text; `previous` itself when it holds the same bytes.
    func string(_ index: Int32, reusing previous: String?) -> String? {
        if isNull(index) { return nil }
        let bytes = text(index)
        if let previous, RawStatement.holds(previous, bytes) { return previous }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The column's text, the same `String` as before when `pool` has seen these bytes.
    func string(_ index: Int32, from pool: inout TextPool) -> String? {
        isNull(index) ? nil : pool.text(text(index))
    }

    func timestamp(_ index: Int32) -> Timestamp? { isNull(index) ? nil : Timestamp(storedBytes: text(index)) }

    func date(_ index: Int32) -> CivilDate? { isNull(index) ? nil : CivilDate(storedBytes: text(index)) }

    /// The day of the stored timestamp in the column, or nil when it is NULL.
    func timestampDay(_ index: Int32) -> CivilDate? { optionalText(index).flatMap(CivilDate.init(storedTimestampBytes:)) }

    /// The column's integer, or nil when it is NULL.
    func optionalInt(_ index: Int32) -> Int? { isNull(index) ? nil : int(index) }

    /// Whether `text` is exactly `bytes` in UTF-8.
    static func holds(_ text: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var text = text
        return text.withUTF8 { own in
            guard own.count == bytes.count else { return false }
            guard let first = own.baseAddress, let second = bytes.baseAddress else { return true }
            return memcmp(first, second, own.count) == 0
        }
    }
}

/// Texts already read from a column with few distinct values (stage names), found by a hash of
/// their bytes, so reading one again builds no new `String`.
struct TextPool {
    private var byHash: [UInt64: [String]] = [:]

    mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        // Up to 15 UTF-8 bytes a String is stored inline, with nothing to allocate or share.
        if bytes.count <= 15 { return String(decoding: bytes, as: UTF8.self) }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325   // FNV-1a
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0100_0000_01b3 }
        if let found = byHash[hash]?.first(where: { RawStatement.holds($0, bytes) }) { return found }
        let text = String(decoding: bytes, as: UTF8.self)
        byHash[hash, default: []].append(text)
        return text
    }
}
