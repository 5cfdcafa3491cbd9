import Foundation
import HTTPTypes
import Testing

/// The binary serves the API document from a Swift source generated from `OpenAPI/openapi.json` (no resource
/// bundle to lose when the binary is copied). This keeps the two equal: after an edit of the document the test
/// rewrites the source and fails once, asking for a rebuild.
@Suite("The embedded API document")
struct OpenAPIDocumentTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/RetrofitServer/OpenAPI")
    static let documentURL = folder.appendingPathComponent("openapi.json")
    static let sourceURL = folder.appendingPathComponent("OpenAPIDocument.swift")

    @Test("OpenAPIDocument.swift holds openapi.json exactly")
    func embeddedMatchesCommitted() throws {
        let document = try String(contentsOf: Self.documentURL, encoding: .utf8)
        let expected = Self.source(embedding: document)
        let current = try String(contentsOf: Self.sourceURL, encoding: .utf8)
        if current != expected {
            try expected.write(to: Self.sourceURL, atomically: true, encoding: .utf8)
            Issue.record("OpenAPIDocument.swift was out of date with openapi.json and has been regenerated; build and test again")
        }
    }

    static func source(embedding document: String) -> String {
        """
        // Generated from openapi.json by OpenAPIDocumentTests (run the tests after editing openapi.json). Do not edit.

        /// The committed OpenAPI document, compiled in so that the binary serves it wherever it is copied.
        enum OpenAPIDocument {
            static let json = \(literal(document))
        }

        """
    }

    /// A one-line string literal holding `text` exactly.
    static func literal(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    result += "\\u{" + String(scalar.value, radix: 16) + "}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
