extension LedgerCSV {
    /// The RFC 4180 state machine over the bytes of an already-checked UTF-8 file.
    struct Parser {
        let bytes: [UInt8]
        var position: Int
        let file: String
        var line = 1

        init(bytes: [UInt8], position: Int, file: String) {
            self.bytes = bytes
            self.position = position
            self.file = file
        }

        mutating func records() throws(ReadError) -> [Record] {
            var records: [Record] = []
            var cells: [String] = []
            var recordLine = line
            var field: [UInt8] = []
            let count = bytes.count
            while position < count {
                if cells.isEmpty { recordLine = line }
                if bytes[position] == quote {
                    try readQuoted(into: &field)
                } else {
                    while position < count {
                        let byte = bytes[position]
                        if byte == comma || byte == cr || byte == lf { break }
                        field.append(byte)
                        position += 1
                    }
                }
                cells.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
                if position >= count { break }
                if bytes[position] == comma {
                    position += 1
                    if position == count { cells.append("") }
                    continue
                }
                // A line end: CRLF, LF or a lone CR.
                if bytes[position] == cr, position + 1 < count, bytes[position + 1] == lf { position += 1 }
                position += 1
                line += 1
                records.append(Record(number: records.count + 1, line: recordLine, cells: cells))
                cells.removeAll(keepingCapacity: true)
            }
            if !cells.isEmpty { records.append(Record(number: records.count + 1, line: recordLine, cells: cells)) }
            return records
        }

        /// Reads a quoted field starting at the opening quote; leaves `position` after the closing one.
        mutating func readQuoted(into field: inout [UInt8]) throws(ReadError) {
            let opening = position, openingLine = line
            let count = bytes.count
            position += 1
            while position < count {
                let byte = bytes[position]
                if byte == quote {
                    if position + 1 < count, bytes[position + 1] == quote {
                        field.append(quote)
                        position += 2
                        continue
                    }
                    position += 1
                    if position < count, bytes[position] != comma, bytes[position] != cr, bytes[position] != lf {
                        throw ReadError(file: file, offset: position, line: line,
                                        message: "unexpected text after the closing quote of a field; a quote inside a quoted field is written as two quotes (\"\")")
                    }
                    return
                }
                if byte == lf || (byte == cr && (position + 1 >= count || bytes[position + 1] != lf)) { line += 1 }
                field.append(byte)
                position += 1
            }
            throw ReadError(file: file, offset: opening, line: openingLine,
                            message: "a quoted field starts here and is never closed; add the closing quote (\")")
        }
    }
}
