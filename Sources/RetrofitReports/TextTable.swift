/// A plain-text table whose columns stay aligned with Chinese (double-width) text.
public struct TextTable {
    public var headers: [String]
    public var rows: [[String]] = []

    public init(_ headers: [String]) { self.headers = headers }

    public mutating func add(_ row: [String]) { rows.append(row) }

    public func render() -> String {
        let columns = headers.count
        // Each cell's width is measured once (it is the costly part for thousands of rows).
        func measure(_ row: [String]) -> [Int] { (0..<columns).map { $0 < row.count ? row[$0].displayWidth : 0 } }
        let headerWidths = measure(headers)
        let rowWidths = rows.map(measure)
        var widths = headerWidths
        for row in rowWidths {
            for index in 0..<columns { widths[index] = max(widths[index], row[index]) }
        }
        // Built as UTF-8 bytes: appending to a String cell by cell costs more than measuring the cells.
        var bytes: [UInt8] = []
        bytes.reserveCapacity((rows.count + 2) * (widths.reduce(0, +) + 2 * columns))
        func line(_ cells: [String], _ cellWidths: [Int]) {
            for index in 0..<columns {
                if index < cells.count { bytes.append(contentsOf: cells[index].utf8) }
                if index < columns - 1 {
                    bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: widths[index] - cellWidths[index] + 2))
                }
            }
            while bytes.last == UInt8(ascii: " ") { bytes.removeLast() }
        }
        line(headers, headerWidths)
        bytes.append(UInt8(ascii: "\n"))
        line(widths.map { String(repeating: "-", count: $0) }, widths)
        for (row, cellWidths) in zip(rows, rowWidths) {
            bytes.append(UInt8(ascii: "\n"))
            line(row, cellWidths)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension String {
    /// Columns the text takes in a terminal: East Asian wide and full-width characters take two.
    public var displayWidth: Int {
        // Printable ASCII (most cells: ids, dates, numbers) is one column a byte.
        var text = self
        let ascii = text.withUTF8 { bytes in
            for byte in bytes where byte < 0x20 || byte >= 0x7F { return false }
            return true
        }
        if ascii { return utf8.count }
        return unicodeScalars.reduce(0) { $0 + $1.displayWidth }
    }

    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }

    /// Pads with spaces to `width` display columns.
    public func padded(to width: Int) -> String {
        self + String(repeating: " ", count: max(0, width - displayWidth))
    }
}

extension Unicode.Scalar {
    /// East Asian wide and full-width ranges: two columns each.
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
        0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
        0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD,
    ]

    var displayWidth: Int {
        let value = self.value
        if value == 0 { return 0 }
        if value < 0x0300 { return 1 }
        if (0x0300...0x036F).contains(value) || (0x200B...0x200F).contains(value) || value == 0xFE0F { return 0 }
        return Unicode.Scalar.wideRanges.contains { $0.contains(value) } ? 2 : 1
    }
}
