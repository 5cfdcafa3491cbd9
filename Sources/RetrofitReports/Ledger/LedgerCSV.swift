import Foundation

/// RFC 4180 CSV as the ledger import reads it and the export writes it.
///
/// Reading takes bytes, not text: it strips a UTF-8 byte-order mark, refuses invalid UTF-8 and NUL
/// bytes with the byte offset where they are, and understands quoted fields with doubled quotes,
/// commas and line breaks inside, and CRLF, LF or CR line ends. Writing produces what spreadsheet
/// programs open without asking: a byte-order mark, CRLF line ends, quotes only where needed.
public enum LedgerCSV {
    /// One record (row) of the file.
    public struct Record: Sendable, Hashable {
        /// 1 for the header, 2 for the first data row: the row number a spreadsheet shows.
        public let number: Int
        /// The line of the file on which the record starts (differs from `number` after quoted line breaks).
        public let line: Int
        public let cells: [String]

        /// True for a line with nothing on it, which the import ignores.
        public var isBlank: Bool { cells.allSatisfy(\.isEmpty) }
    }

    /// Why a file could not be read as CSV, with where the trouble is.
    public struct ReadError: Error, Sendable, Hashable, CustomStringConvertible {
        public let file: String
        /// Offset of the offending byte from the start of the file (0-based, byte-order mark included).
        public let offset: Int
        public let line: Int
        public let message: String

        public var description: String { "\(file): byte \(offset) (line \(line)): \(message)" }
    }

    public static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
    public static let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")

    /// Reads every record of `data`; `file` names the file in errors.
    public static func read(_ data: Data, file: String) throws(ReadError) -> [Record] {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw ReadError(file: file, offset: 0, line: 1,
                            message: "the file is UTF-16 text; save it as UTF-8 (in Excel: Save As → \"CSV UTF-8\")")
        }
        let start = bytes.starts(with: byteOrderMark) ? byteOrderMark.count : 0
        try checkText(bytes, from: start, file: file)
        var parser = Parser(bytes: bytes, position: start, file: file)
        return try parser.records()
    }

    /// Refuses NUL bytes and invalid UTF-8, naming the first offending byte.
    public static func checkText(_ bytes: [UInt8], from start: Int, file: String) throws(ReadError) {
        if let nul = bytes[start...].firstIndex(of: 0) {
            throw ReadError(file: file, offset: nul, line: lineNumber(bytes, at: nul),
                            message: "a NUL byte; this is not a text file (is it an .xlsx? save it as \"CSV UTF-8\")")
        }
        if let bad = LedgerUTF8.firstInvalidByte(bytes, from: start) {
            throw ReadError(file: file, offset: bad, line: lineNumber(bytes, at: bad),
                            message: "not valid UTF-8 (0x\(String(bytes[bad], radix: 16, uppercase: true))); the file may be GBK, as Excel saves CSV on Chinese Windows — save it as \"CSV UTF-8\"")
        }
    }

    public static func lineNumber(_ bytes: [UInt8], at offset: Int) -> Int {
        var line = 1
        var index = 0
        while index < offset {
            if bytes[index] == lf || (bytes[index] == cr && (index + 1 >= bytes.count || bytes[index + 1] != lf)) { line += 1 }
            index += 1
        }
        return line
    }

    /// The file for `rows`: byte-order mark, RFC 4180 quoting, CRLF after every row.
    public static func write(_ rows: [[String]]) -> Data {
        var text = ""
        for row in rows {
            text += row.map(quoted).joined(separator: ",")
            text += "\r\n"
        }
        return Data(byteOrderMark) + Data(text.utf8)
    }

    /// A cell as RFC 4180 writes it: quoted when it holds a comma, quote or line break (or spaces at its ends).
    public static func quoted(_ cell: String) -> String {
        let scalars = cell.unicodeScalars
        let needsQuotes = scalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
            || scalars.first.map(\.properties.isWhitespace) == true || scalars.last.map(\.properties.isWhitespace) == true
        guard needsQuotes else { return cell }
        // Doubled scalar by scalar: a quote followed by a combining mark is one Character, which
        // Character-level replacing would miss.
        var text = String.UnicodeScalarView()
        text.append("\"")
        for scalar in scalars {
            if scalar == "\"" { text.append(scalar) }
            text.append(scalar)
        }
        text.append("\"")
        return String(text)
    }

    public static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// A cell that a spreadsheet will not run as a formula: one starting with `= + - @` (after any
    /// apostrophes) gets a leading apostrophe, which `restored` takes off again.
    public static func neutralised(_ cell: String) -> String {
        let rest = cell.unicodeScalars.drop { $0 == "'" }
        guard let first = rest.first, formulaStarts.contains(first) else { return cell }
        return "'" + cell
    }

    /// The inverse of `neutralised`: one leading apostrophe before `= + - @` (after any more apostrophes) is removed.
    public static func restored(_ cell: String) -> String {
        guard cell.unicodeScalars.first == "'" else { return cell }
        let rest = cell.unicodeScalars.drop { $0 == "'" }
        guard let first = rest.first, formulaStarts.contains(first) else { return cell }
        return String(cell.dropFirst())
    }
}
