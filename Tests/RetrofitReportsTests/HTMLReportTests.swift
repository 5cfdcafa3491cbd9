import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import RetrofitCore
import RetrofitReports
import RetrofitStore
import Testing

/// The HTML page is one self-contained, well-formed XHTML file that prints on A4.
@Suite("HTML report")
struct HTMLReportTests {
    /// Counts elements while parsing, and keeps the first error.
    final class Collector: NSObject, XMLParserDelegate {
        var elements: [String: Int] = [:]
        var text = ""

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            elements[elementName, default: 0] += 1
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
    }

    /// The page of the programme fixture, with the overdue list it should show.
    static func page() async throws -> (html: String, overdue: [OverdueEntry]) {
        let fixture = try await ReportFixture.programme()
        let day = try ReportFixture.date(ReportFixture.reportDay)
        let setting = try ReportSetting.load(fixture.store, asOf: day, calendars: fixture.calendars)
        let overdue = try OverdueReport.fromProjection(fixture.store, on: day, dueSoon: false, filter: CaseFilter())
        return (try HTMLReport.build(fixture.store, setting: setting, year: 2025).html(), overdue)
    }

    @Test("parses as well-formed XML, with the three charts and the overdue table")
    func wellFormed() async throws {
        let (page, overdue) = try await Self.page()
        let parser = XMLParser(data: Data(page.utf8))
        let collector = Collector()
        parser.delegate = collector
        let parsed = parser.parse()
        #expect(parsed, "XML error: \(String(describing: parser.parserError)) at line \(parser.lineNumber), column \(parser.columnNumber)")
        #expect(collector.elements["html"] == 1)
        #expect(collector.elements["svg"] == 3)
        #expect(collector.elements["figure"] == 3)
        #expect(collector.elements["table"] == 1)
        // A header row and one row per overdue case; 0002 waits for its subsidy far past the deadline.
        #expect(collector.elements["tr"] == 1 + overdue.count)
        #expect(overdue.contains { $0.id == "ER-2025-0002" })
        for entry in overdue { #expect(collector.text.contains(entry.id)) }
        #expect(collector.text.contains("居民协商与表决"))
        #expect(collector.text.contains("已投入使用"))
    }

    @Test("self-contained: UTF-8 declared, CJK fonts, A4 page, no script and nothing fetched")
    func selfContained() async throws {
        let page = try await Self.page().html
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\""))
        #expect(page.contains("<meta charset=\"UTF-8\" />"))
        #expect(page.contains("@page { size: A4"))
        #expect(page.contains("\"Noto Sans CJK SC\""))
        #expect(page.contains("page-break-inside: avoid"))
        let lower = page.lowercased()
        for forbidden in ["<script", "src=", "href=", "@import", "url(", "<link", "<img", "<iframe", "javascript:"] {
            #expect(!lower.contains(forbidden), "found \(forbidden)")
        }
        // The only URIs are XML namespace names, which are never fetched.
        let uris = lower.components(separatedBy: "http").dropFirst().map { "http" + $0.prefix(30) }
        #expect(uris.allSatisfy { $0.hasPrefix("http://www.w3.org/") })
    }

    @Test("text is escaped for XML")
    func escaping() {
        #expect(XMLText.escape("a & b < c > \"d\" 'e' 德州") == "a &amp; b &lt; c &gt; &quot;d&quot; &#39;e&#39; 德州")
        #expect(XMLText.escape("bell\u{07}") == "bell")
    }
}
