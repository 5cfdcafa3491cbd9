import Foundation
import RetrofitReports
import RetrofitTestSupport
import Testing

@Suite("LedgerCSV: reading and writing RFC 4180")
struct LedgerCSVTests {
    private func cells(_ text: String) throws -> [[String]] {
        try LedgerCSV.read(Data(text.utf8), file: "t.csv").map(\.cells)
    }

    private func failure(_ bytes: [UInt8]) -> LedgerCSV.ReadError? {
        do {
            _ = try LedgerCSV.read(Data(bytes), file: "t.csv")
            return nil
        } catch {
            return error
        }
    }

    @Test("plain fields, CRLF, LF and CR line ends, a trailing empty field")
    func lineEnds() throws {
        #expect(try cells("a,b\r\nc,d\ne,f\rg,") == [["a", "b"], ["c", "d"], ["e", "f"], ["g", ""]])
        #expect(try cells("") == [])
        #expect(try cells("only") == [["only"]])
        #expect(try cells("a,b\n\n") == [["a", "b"], [""]])
    }

    @Test("quoted fields keep commas, doubled quotes, line breaks and CRLF inside")
    func quotedFields() throws {
        let text = "id,text\r\n1,\"a, b\"\r\n2,\"say \"\"hi\"\"\"\r\n3,\"two\r\nlines\nthree\"\r\n4,\"\"\r\n"
        #expect(try cells(text) == [["id", "text"], ["1", "a, b"], ["2", "say \"hi\""], ["3", "two\r\nlines\nthree"], ["4", ""]])
    }

    @Test("records know their row number and the line they start on")
    func rowAndLineNumbers() throws {
        let records = try LedgerCSV.read(Data("h\n\"x\ny\"\nz\n".utf8), file: "t.csv")
        #expect(records.map(\.number) == [1, 2, 3])
        #expect(records.map(\.line) == [1, 2, 4])
    }

    @Test("a UTF-8 byte-order mark is stripped; Chinese text reads as written")
    func byteOrderMark() throws {
        let records = try LedgerCSV.read(Data([0xEF, 0xBB, 0xBF] + Array("区县,德城区\n".utf8)), file: "t.csv")
        #expect(records.first?.cells == ["区县", "德城区"])
    }

    @Test("invalid UTF-8 is refused with the file, byte offset and line")
    func invalidUTF8() {
        let bytes = Array("a,b\nc,".utf8) + [0xB5, 0xC2] + Array("\n".utf8)
        let error = failure(bytes)
        #expect(error?.offset == 6)
        #expect(error?.line == 2)
        #expect(error?.description.hasPrefix("t.csv: byte 6 (line 2): not valid UTF-8 (0xB5)") == true)
        // With a byte-order mark, offsets still count from the start of the file.
        #expect(failure([0xEF, 0xBB, 0xBF, 0x61, 0xFF])?.offset == 4)
        // Overlong forms, surrogates and truncated sequences are invalid too.
        #expect(failure([0xC0, 0x80])?.offset == 0)
        #expect(failure([0x61, 0xED, 0xA0, 0x80])?.offset == 1)
        #expect(failure([0x61, 0x62, 0xE5, 0xBE])?.offset == 2)
        #expect(failure([0xF4, 0x90, 0x80, 0x80])?.offset == 0)
        #expect(failure(Array("德🛗".utf8)) == nil)
    }

    @Test("NUL bytes and UTF-16 files are refused with where they are")
    func binaryInput() {
        #expect(failure(Array("a,b\nc".utf8) + [0x00])?.description == "t.csv: byte 5 (line 2): a NUL byte; this is not a text file (is it an .xlsx? save it as \"CSV UTF-8\")")
        #expect(failure([0xFF, 0xFE, 0x61, 0x00])?.message.contains("UTF-16") == true)
    }

    @Test("an unclosed quote and text after a closing quote are errors with their offsets")
    func badQuotes() {
        let unclosed = failure(Array("a,b\nc,\"open\nmore".utf8))
        #expect(unclosed?.offset == 6)
        #expect(unclosed?.line == 2)
        #expect(unclosed?.message.hasPrefix("a quoted field starts here and is never closed") == true)
        let trailing = failure(Array("\"a\"b,c".utf8))
        #expect(trailing?.offset == 3)
        #expect(trailing?.message.hasPrefix("unexpected text after the closing quote") == true)
    }

    @Test("a 1 MB field reads and writes back whole")
    func megabyteField() throws {
        let big = String(repeating: "德州,\"x\"\n", count: 1 << 17)
        let data = LedgerCSV.write([["id", "text"], ["1", big]])
        let records = try LedgerCSV.read(data, file: "big.csv")
        #expect(records.count == 2)
        #expect(records.last?.cells == ["1", big])
        let unquoted = try LedgerCSV.read(Data(("a,b\n1," + String(repeating: "A", count: 1 << 20) + "\n").utf8), file: "t.csv")
        #expect(unquoted.last?.cells.last?.utf8.count == 1 << 20)
    }

    @Test("a quote followed by a combining mark is still doubled")
    func quoteWithCombiningMark() throws {
        let cell = "a\"\u{301}b"
        #expect(LedgerCSV.quoted(cell) == "\"a\"\"\u{301}b\"")
        #expect(try LedgerCSV.read(LedgerCSV.write([[cell]]), file: "t.csv").first?.cells == [cell])
    }

    @Test("writing: byte-order mark, CRLF, quotes only where needed")
    func writing() {
        let data = LedgerCSV.write([["a", "b,c", "say \"hi\"", "two\nlines", " padded", ""]])
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(String(decoding: data.dropFirst(3), as: UTF8.self) == "a,\"b,c\",\"say \"\"hi\"\"\",\"two\nlines\",\" padded\",\r\n")
    }

    @Test("formula cells get an apostrophe, and restoring takes exactly that one off", arguments: [
        ("=SUM(A1)", "'=SUM(A1)"), ("+86 534", "'+86 534"), ("-5", "'-5"), ("@cmd", "'@cmd"), ("\t=x", "'\t=x"),
        ("'=x", "''=x"), ("''@", "'''@"), ("plain", "plain"), ("'quoted'", "'quoted'"), ("", ""), ("a=b", "a=b"),
    ])
    func formulaInjection(value: String, written: String) {
        #expect(LedgerCSV.neutralised(value) == written)
        #expect(LedgerCSV.restored(written) == value)
    }

    @Test("seeded: random tables survive write, read and restore exactly")
    func randomTablesRoundTrip() throws {
        var random = LedgerRandom.seeded("LedgerCSV round trip")
        let pieces = ["a", "Z", "9", " ", ",", "\"", "\n", "\r\n", "\r", "'", "=", "+", "-", "@", "\t", "德", "🛗", "é", "\u{301}", ""]
        for run in 0..<200 {
            let width = Int.random(in: 1...6, using: &random)
            let table = (0..<Int.random(in: 1...6, using: &random)).map { _ in
                (0..<width).map { _ in (0..<Int.random(in: 0...8, using: &random)).map { _ in random.pick(pieces) ?? "" }.joined() }
            }
            let data = LedgerCSV.write(table.map { $0.map(LedgerCSV.neutralised) })
            let back = try LedgerCSV.read(data, file: "r.csv").map { $0.cells.map(LedgerCSV.restored) }
            #expect(back == table, "run \(run) (seed \(random.seed))")
        }
    }
}
