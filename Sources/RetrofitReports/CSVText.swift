/// CSV as spreadsheets in China open it: UTF-8 with a byte-order mark, CRLF line ends, RFC 4180
/// quoting, and cells that a spreadsheet would run as a formula neutralised.
public enum CSVText {
    /// U+FEFF: tells Excel the file is UTF-8, so Chinese text is not garbled.
    public static let byteOrderMark = "\u{FEFF}"

    /// A whole document: the mark, the header row and the rows, each ended by CRLF.
    public static func document(header: [String], rows: [[String]]) -> String {
        byteOrderMark + ([header] + rows).map(row).map { $0 + "\r\n" }.joined()
    }

    /// One row, cells separated by commas.
    public static func row(_ cells: [String]) -> String {
        cells.map(cell).joined(separator: ",")
    }

    /// One cell: a leading `=`, `+`, `-`, `@`, tab or carriage return gets an apostrophe in front
    /// (so a spreadsheet shows it as text instead of running it), and a cell holding a comma,
    /// quote or line break is quoted with its quotes doubled.
    public static func cell(_ text: String) -> String {
        var value = text
        if let first = value.unicodeScalars.first, formulaStarts.contains(first) { value = "'" + value }
        // Most cells hold none of these bytes, and then no character is one of them either.
        guard value.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]
}
