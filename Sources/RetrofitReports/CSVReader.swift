import Foundation

/// Reads comma-separated values as RFC 4180 writes them, the way spreadsheets save them.
///
/// - Fields are separated by commas and records by CRLF or LF (a lone CR also ends a record).
/// - A field in double quotes may hold commas, line breaks and doubled quotes (`""` is `"`).
/// - A UTF-8 byte-order mark at the start is dropped (Excel's "CSV UTF-8" writes one).
/// - A final line break does not start an empty record; blank lines inside the file are
///   records of one empty cell, which the row readers skip.
///
/// Strict where a guess could change a vote: a quote inside an unquoted field, text after a
/// closing quote, an unclosed quote and bytes that are not UTF-8 are errors with their place.
public enum CSVReader {
    /// Reads the file at `path`; `name` is how errors name it (default: the path as given).
    /// - Throws: ``CSVError`` when the file cannot be read, is not UTF-8, or is not valid CSV.
    public static func read(path: String, name: String? = nil) throws(CSVError) -> [[String]] {
        let shown = name ?? path
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CSVError(file: shown, line: nil, column: nil, message: "cannot read the file; check the path and its permissions")
        }
        return try parse(data: data, file: shown)
    }

    /// Decodes `data` as UTF-8 (dropping a byte-order mark) and splits it into records.
    /// - Throws: ``CSVError`` naming `file`: invalid UTF-8 with the line of the first bad
    ///   byte, or a CSV syntax error.
    public static func parse(data: Data, file: String) throws(CSVError) -> [[String]] {
        guard let text = String(validating: data, as: UTF8.self) else {
            let place = firstInvalidByte(in: data)
            throw CSVError(file: file, line: place.line, column: nil, message:
                "the file is not UTF-8 text (byte \(place.offset + 1) is not valid UTF-8); save it as UTF-8, such as Excel's \"CSV UTF-8\", not GBK")
        }
        return try parse(text, file: file)
    }

    /// Splits `text` into records of fields.
    /// - Throws: ``CSVError`` with the line and column (both 1-based, in characters) of the
    ///   first syntax error.
    public static func parse(_ text: String, file: String) throws(CSVError) -> [[String]] {
        var scalars = Substring(text).unicodeScalars[...]
        if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }
        var parser = Parser(file: file)
        for scalar in scalars { try parser.consume(scalar) }
        return try parser.finish()
    }

    /// The byte offset and line of the first byte that does not decode as UTF-8.
    static func firstInvalidByte(in data: Data) -> (offset: Int, line: Int) {
        var iterator = data.makeIterator()
        var decoder = UTF8()
        var offset = 0
        var line = 1
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                offset += UTF8.width(scalar)
                if scalar == "\n" { line += 1 }
            case .emptyInput, .error:
                return (offset, line)
            }
        }
    }

    /// The state machine over Unicode scalars (never `Character`s: `"\r\n"` is one Character).
    private struct Parser {
        enum Mode { case fieldStart, unquoted, quoted, quoteInQuoted }

        let file: String
        var records: [[String]] = []
        var record: [String] = []
        var field = String.UnicodeScalarView()
        var mode = Mode.fieldStart
        var line = 1
        var column = 0
        var quoteOpenedAt = (line: 1, column: 1)
        var lastWasCR = false
        /// Whether the current record has any content (a field or a separator) yet.
        var recordStarted = false

        init(file: String) { self.file = file }

        mutating func consume(_ scalar: Unicode.Scalar) throws(CSVError) {
            if scalar == "\n", lastWasCR {
                // The LF of a CRLF whose CR already ended the record (or sits in a quoted field).
                lastWasCR = false
                if mode == .quoted { field.append(scalar) }
                return
            }
            lastWasCR = scalar == "\r"
            column += 1
            switch mode {
            case .fieldStart, .unquoted:
                switch scalar {
                case "\"" where mode == .fieldStart:
                    mode = .quoted
                    quoteOpenedAt = (line, column)
                    recordStarted = true
                case "\"":
                    throw error("a quote inside a field that does not start with a quote; put the whole field in quotes and double the quote (\"\"\"\")")
                case ",":
                    endField()
                    recordStarted = true
                case "\r", "\n":
                    endRecord()
                default:
                    field.append(scalar)
                    mode = .unquoted
                    recordStarted = true
                }
            case .quoted:
                if scalar == "\"" {
                    mode = .quoteInQuoted
                } else {
                    field.append(scalar)
                    if scalar == "\r" || scalar == "\n" { newLine() }
                }
            case .quoteInQuoted:
                switch scalar {
                case "\"":
                    field.append(scalar)
                    mode = .quoted
                case ",":
                    endField()
                case "\r", "\n":
                    endRecord()
                default:
                    throw error("text after the closing quote of a field; a quoted field must end at a comma or the end of the line")
                }
            }
        }

        mutating func finish() throws(CSVError) -> [[String]] {
            if mode == .quoted {
                throw CSVError(file: file, line: quoteOpenedAt.line, column: quoteOpenedAt.column,
                               message: "the quote opened here is never closed; close it with a quote (\")")
            }
            if recordStarted || !field.isEmpty { endRecord() }
            return records
        }

        private mutating func endField() {
            record.append(String(field))
            field = String.UnicodeScalarView()
            mode = .fieldStart
        }

        private mutating func endRecord() {
            endField()
            records.append(record)
            record = []
            recordStarted = false
            newLine()
        }

        private mutating func newLine() {
            line += 1
            column = 0
        }

        private func error(_ message: String) -> CSVError {
            CSVError(file: file, line: line, column: column, message: message)
        }
    }
}

/// Why a CSV file could not be read, with where.
public struct CSVError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file as the person named it.
    public let file: String
    /// The 1-based line of the file (a physical line, not a record), when known.
    public let line: Int?
    /// The 1-based character column on that line, when known.
    public let column: Int?
    public let message: String

    /// An error in `file` at `line` and `column` (nil when not known), saying `message`.
    public init(file: String, line: Int?, column: Int?, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `homes.csv: line 4, column 9: text after the closing quote …`.
    public var description: String {
        var place = file
        if let line {
            place += ": line \(line)"
            if let column { place += ", column \(column)" }
        }
        return "\(place): \(message)"
    }
}
