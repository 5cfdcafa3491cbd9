import Foundation
import RetrofitReports
import Testing

@Suite("CSV reader: RFC 4180 as spreadsheets write it")
struct CSVReaderTests {
    func parse(_ text: String) throws -> [[String]] {
        try CSVReader.parse(text, file: "t.csv")
    }

    @Test func plainRecordsWithLFOrCRLF() throws {
        #expect(try parse("a,b\n1,2\n") == [["a", "b"], ["1", "2"]])
        #expect(try parse("a,b\r\n1,2\r\n") == [["a", "b"], ["1", "2"]])
        #expect(try parse("a,b\r1,2") == [["a", "b"], ["1", "2"]])
        #expect(try parse("a,b\n1,2") == [["a", "b"], ["1", "2"]], "no final line break")
    }

    @Test func quotedFieldsHoldCommasQuotesAndLineBreaks() throws {
        #expect(try parse("\"王, 伟\",\"说\"\"好\"\"\"\n") == [["王, 伟", "说\"好\""]])
        #expect(try parse("\"line\nbreak\",x\r\n") == [["line\nbreak", "x"]])
        #expect(try parse("\"crlf\r\ninside\",x\r\n") == [["crlf\r\ninside", "x"]])
        #expect(try parse("\"\",\"\"\n") == [["", ""]])
        #expect(try parse("\"\"") == [[""]])
    }

    @Test func emptyFieldsBlankLinesAndTheEnd() throws {
        #expect(try parse("a,,c\n,,\n") == [["a", "", "c"], ["", "", ""]])
        #expect(try parse("a\n\nb\n") == [["a"], [""], ["b"]], "a blank line is a record of one empty cell")
        #expect(try parse("") == [])
        #expect(try parse("a,\n") == [["a", ""]])
    }

    @Test func aByteOrderMarkIsDropped() throws {
        let data = Data([0xEF, 0xBB, 0xBF]) + Data("房号,业主\n1-101,王伟\n".utf8)
        #expect(try CSVReader.parse(data: data, file: "t.csv") == [["房号", "业主"], ["1-101", "王伟"]])
    }

    @Test func combiningCharactersAfterAQuoteDoNotHideIt() throws {
        // A combining mark after a quote makes one Character of them; the reader works on scalars.
        #expect(try parse("\"x\"\"\u{301}\",y\n") == [["x\"\u{301}", "y"]])
    }

    @Test func syntaxErrorsGiveLineAndColumn() {
        #expect(throws: CSVError(file: "t.csv", line: 2, column: 3, message: "the quote opened here is never closed; close it with a quote (\")")) {
            try parse("a,b\n1,\"2\n3")
        }
        #expect { try parse("a,\"b\"c\n") } throws: { error in
            (error as? CSVError).map { $0.line == 1 && $0.column == 6 && $0.message.hasPrefix("text after the closing quote") } ?? false
        }
        #expect { try parse("x\na,b\"c\n") } throws: { error in
            (error as? CSVError).map { $0.line == 2 && $0.column == 4 && $0.message.hasPrefix("a quote inside a field") } ?? false
        }
    }

    @Test func invalidUTF8NamesTheFileAndLine() {
        let gbk = Data("home,owner\n1-101,".utf8) + Data([0xCD, 0xF5]) + Data("\n".utf8)
        #expect { try CSVReader.parse(data: gbk, file: "homes.csv") } throws: { error in
            guard let error = error as? CSVError else { return false }
            return error.file == "homes.csv" && error.line == 2 && error.description.hasPrefix("homes.csv: line 2: the file is not UTF-8 text")
        }
    }

    @Test func aMissingFileIsAClearError() {
        #expect { try CSVReader.read(path: "/no/such/file.csv") } throws: { error in
            (error as? CSVError)?.description == "/no/such/file.csv: cannot read the file; check the path and its permissions"
        }
    }
}
