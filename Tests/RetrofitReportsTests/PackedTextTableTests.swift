import RetrofitReports
import Testing

@Suite("Packed text table")
struct PackedTextTableTests {
    static func packed(_ table: TextTable) -> String {
        var packed = PackedTextTable(table.headers)
        for row in table.rows { packed.add(row) }
        var out = BlockWriter()
        packed.render(to: &out)
        return out.text
    }

    @Test("renders as TextTable: wide Chinese cells, empty and missing cells, trailing spaces, long cells, no rows")
    func sameAsTextTable() {
        var table = TextTable(["case", "区县", "details", "last"])
        table.add(["ER-2025-0001", "德城区", "a, \"quoted\" cell", "x"])
        table.add(["", "", "", ""])
        table.add(["ER-2025-0002", "经济技术开发区"])
        table.add(["short", "陵城区", String(repeating: "很长的文字", count: 40), "trailing  "])
        table.add(["多", "a", "b", "c", "beyond the headers"])
        #expect(Self.packed(table) == table.render())
        #expect(Self.packed(TextTable(["only", "headers"])) == TextTable(["only", "headers"]).render())
    }

    @Test("thousands of rows across several blocks render as TextTable")
    func manyRows() {
        var table = TextTable(["#", "text", "date"])
        for number in 0..<60_000 {
            table.add(["\(number)", number % 7 == 0 ? "第\(number)号" : String(repeating: "x", count: number % 23), "2025-06-30"])
        }
        #expect(Self.packed(table) == table.render())
    }
}
