/// A ``TextTable`` for hundreds of thousands of rows, written to a ``BlockWriter`` with the same text as
/// `TextTable.render()`. The cells are kept packed as UTF-8 in large blocks, each with its length and
/// display width, instead of a string each (a table costs about its text), and the column widths grow
/// as rows are added.
public struct PackedTextTable {
    public let headers: [String]
    /// The widest cell of each column so far, headers included.
    public private(set) var widths: [Int]
    public private(set) var rowCount = 0
    private var blocks: [[UInt8]] = []
    private var row: [UInt8] = []
    // Fixed-size blocks: one growing array would copy itself, and briefly need twice its size, each time it doubles.
    private static let blockSize = 1 << 20

    public init(_ headers: [String]) {
        self.headers = headers
        widths = headers.map(\.displayWidth)
    }

    /// Adds a row; cells beyond the headers are dropped and missing ones are empty.
    public mutating func add(_ cells: [String]) {
        row.removeAll(keepingCapacity: true)
        for index in headers.indices {
            let cell = index < cells.count ? cells[index] : ""
            let width = cell.displayWidth
            widths[index] = max(widths[index], width)
            Self.appendNumber(cell.utf8.count, to: &row)
            Self.appendNumber(width, to: &row)
            row.append(contentsOf: cell.utf8)
        }
        if blocks.isEmpty || blocks[blocks.count - 1].count + row.count > Self.blockSize {
            var block: [UInt8] = []
            block.reserveCapacity(max(Self.blockSize, row.count))
            blocks.append(block)
        }
        blocks[blocks.count - 1].append(contentsOf: row)
        rowCount += 1
    }

    /// The header, the rule and the rows, columns two spaces apart, trailing spaces cut; no line end after the last row.
    public func render(to out: inout BlockWriter) {
        TextTableLine.writeHeader(headers, widths: widths, to: &out)
        var line = TextTableLine(widths: widths)
        for block in blocks {
            block.withUnsafeBufferPointer { bytes in
                var position = 0
                while position < bytes.count {
                    for _ in headers.indices {
                        let length = Self.readNumber(bytes, at: &position)
                        let width = Self.readNumber(bytes, at: &position)
                        line.add(bytes[position..<(position + length)], width: width)
                        position += length
                    }
                    out.write("\n")
                    line.write(to: &out)
                }
            }
        }
    }

    /// Seven bits a byte, low first; the high bit says another byte follows.
    private static func appendNumber(_ number: Int, to bytes: inout [UInt8]) {
        var rest = UInt(number)
        while rest >= 0x80 {
            bytes.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    private static func readNumber(_ bytes: UnsafeBufferPointer<UInt8>, at position: inout Int) -> Int {
        var number = 0
        var shift = 0
        while true {
            let byte = bytes[position]
            position += 1
            number |= Int(byte & 0x7F) << shift
            if byte < 0x80 { return number }
            shift += 7
        }
    }
}
