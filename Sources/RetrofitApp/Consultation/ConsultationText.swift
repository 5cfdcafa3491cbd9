/// Text clean-up shared by the consultation and people use cases.
enum ConsultationText {
    /// `text` without white space around it, as the register trims home numbers and owners.
    static func trimmed(_ text: String) -> String {
        var slice = Substring(text)
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }
}
