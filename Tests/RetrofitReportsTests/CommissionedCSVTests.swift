import Foundation
import RetrofitCore
import RetrofitReports
import Testing

/// The commissioned list as CSV: byte-order mark, bilingual header, quoting that survives a
/// parser, and cells a spreadsheet would run as formulas neutralised.
@Suite("Commissioned CSV")
struct CommissionedCSVTests {
    /// A minimal RFC 4180 reader: quoted cells may hold commas, doubled quotes and line breaks; rows end in CRLF or LF.
    static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var cell = ""
        var quoted = false
        var characters = Array(text)[...]
        while let character = characters.popFirst() {
            if quoted {
                if character == "\"" {
                    if characters.first == "\"" {
                        cell.append("\"")
                        characters.removeFirst()
                    } else {
                        quoted = false
                    }
                } else {
                    cell.append(character)
                }
                continue
            }
            switch character {
            case "\"": quoted = true
            case ",": row.append(cell); cell = ""
            case "\r\n", "\n": row.append(cell); rows.append(row); row = []; cell = ""
            default: cell.append(character)
            }
        }
        if !cell.isEmpty || !row.isEmpty { row.append(cell); rows.append(row) }
        return rows
    }

    @Test("starts with a byte-order mark, ends rows with CRLF, and round-trips with Chinese, commas, quotes and line breaks")
    func roundTrip() async throws {
        let fixture = try await ReportFixture.programme()
        let setting = try ReportSetting.load(fixture.store, asOf: try ReportFixture.date(ReportFixture.reportDay), calendars: fixture.calendars)
        let report = try CommissionedReport.build(fixture.store, setting: setting, year: 2025)
        let csv = report.csv()
        let bytes = Array(csv.utf8)
        #expect(bytes.prefix(3) == [0xEF, 0xBB, 0xBF])
        #expect(csv.hasSuffix("\r\n"))

        let rows = Self.parse(String(csv.unicodeScalars.dropFirst()))
        #expect(rows.count == 3)
        let header = rows[0]
        #expect(header.first == "案件编号 / Case")
        #expect(header.contains("地址 / Address"))
        #expect(header.contains("居民协商与表决进入 / consultation entered"))
        #expect(header.last == "审计发现 / Findings")
        #expect(rows.allSatisfy { $0.count == header.count })

        func value(_ row: [String], _ column: String) -> String? {
            header.firstIndex(of: column).map { row[$0] }
        }
        let b = rows[1]
        #expect(b[0] == "ER-2025-0002")
        #expect(value(b, "地址 / Address") == "德州市陵城区\"幸福\"路8号, 东区")
        #expect(value(b, "区县 / District") == "陵城区")
        #expect(value(b, "投入使用日期 / Commissioned on") == "2025-06-30")
        #expect(value(b, "表决结果 / Vote") == "通过 / passes")
        #expect(value(b, "同意业主 / Agreeing owners") == "2/2")
        #expect(value(b, "补贴金额（元） / Subsidy (yuan)") == "")
        let findings = try #require(value(b, "审计发现 / Findings")).components(separatedBy: "\n")
        #expect(findings.count == 4)
        #expect(findings.first?.hasPrefix("missing-evidence: acceptance_record_no") == true)

        let a = rows[2]
        #expect(a[0] == "ER-2025-0001")
        // Rework: design was entered twice; the columns give the first entry and the last exit.
        #expect(value(a, "设计与勘察进入 / design entered") == "2025-02-24")
        #expect(value(a, "设计与勘察离开 / design left") == "2025-03-25")
        #expect(value(a, "补贴金额（元） / Subsidy (yuan)") == "100000")
        #expect(value(a, "中止天数 / Days suspended") == "14")
    }

    @Test("cells beginning with = + - @ are neutralised by a leading apostrophe and still round-trip")
    func formulaInjection() {
        let dangerous = ["=HYPERLINK(\"http://x\",\"点我\")", "+1+1", "-2+3", "@SUM(A1:A2)", "\tTAB", "正常, text"]
        let document = CSVText.document(header: ["值 / Value"], rows: dangerous.map { [$0] })
        let parsed = Self.parse(String(document.unicodeScalars.dropFirst())).dropFirst().map { $0[0] }
        #expect(parsed == ["'=HYPERLINK(\"http://x\",\"点我\")", "'+1+1", "'-2+3", "'@SUM(A1:A2)", "'\tTAB", "正常, text"])
        #expect(CSVText.cell("=1") == "'=1")
        #expect(CSVText.cell("a\"b") == "\"a\"\"b\"")
        #expect(CSVText.cell("2025-06-30") == "2025-06-30")
        #expect(CSVText.cell("多行\n文本") == "\"多行\n文本\"")
    }
}
