/// One line of a text table as `TextTable.render()` writes it: every cell but the last padded with spaces
/// to its column's width plus two, trailing spaces cut.
struct TextTableLine {
    let widths: [Int]
    private var bytes: [UInt8] = []
    private var column = 0

    init(widths: [Int]) { self.widths = widths }

    /// The header line and the rule under it (no line end after the rule).
    static func writeHeader(_ headers: [String], widths: [Int], to out: inout BlockWriter) {
        var line = TextTableLine(widths: widths)
        for header in headers { line.add(header) }
        line.write(to: &out)
        out.write("\n")
        for width in widths { line.add(repeatElement(UInt8(ascii: "-"), count: width), width: width) }
        line.write(to: &out)
    }

    mutating func add(_ cell: String) { add(cell.utf8, width: cell.displayWidth) }

    /// A cell given as UTF-8 with its display width.
    mutating func add(_ cell: some Collection<UInt8>, width: Int) {
        bytes.append(contentsOf: cell)
        if column < widths.count - 1 { bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: widths[column] - width + 2)) }
        column += 1
    }

    /// Writes the line (without a line end) and starts the next.
    mutating func write(to out: inout BlockWriter) {
        while bytes.last == UInt8(ascii: " ") { bytes.removeLast() }
        out.write(bytes: bytes)
        bytes.removeAll(keepingCapacity: true)
        column = 0
    }
}
