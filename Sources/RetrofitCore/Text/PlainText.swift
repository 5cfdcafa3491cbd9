/// Text helpers shared by the file readers, kept in a namespace so they cannot clash with
/// helpers of the same name elsewhere in the module.
enum PlainText {
    /// `text` without leading and trailing white space (including the ideographic space
    /// U+3000 that Chinese spreadsheets often carry).
    static func trimmed(_ text: some StringProtocol) -> String {
        var slice = Substring(text)
        while let first = slice.first, first.isWhitespace { slice = slice.dropFirst() }
        while let last = slice.last, last.isWhitespace { slice = slice.dropLast() }
        return String(slice)
    }
}
