import Foundation
import RetrofitCore

/// The report as JSON, an element written as each elevator is read: the same text as `ReportJSON.text`
/// of the whole report (sorted keys, pretty). The findings sort after the cases, so they are kept until
/// the last elevator is in.
public struct CommissionedJSONWriter: CommissionedWriter {
    public var out: BlockWriter
    private let encoder: JSONEncoder
    private var cases = 0
    private var findings: [AuditFinding] = []

    public init(to out: BlockWriter) {
        self.out = out
        encoder = JSONEncoder()
        encoder.outputFormatting = ReportJSON.formatting
    }

    // The keys are written in the order `.sortedKeys` gives them: asOf, auditCheckpoint, auditHead, cases, districts,
    // findings, notes, total, workflow, year.
    public mutating func start(_ heading: CommissionedHeading) throws {
        out.write("{\n")
        try member("asOf", heading.asOf)
        try member("auditCheckpoint", EncodeNil(wrappedValue: heading.auditCheckpoint))
        try member("auditHead", heading.auditHead)
        out.write("  \"cases\" : [")
    }

    public mutating func add(_ item: CommissionedCase, findings: [AuditFinding]) throws {
        try element(item, index: cases)
        cases += 1
        self.findings += findings
    }

    public mutating func finish(_ closing: CommissionedClosing) throws {
        endArray(count: cases)
        try member("districts", closing.districts)
        out.write("  \"findings\" : [")
        for (index, finding) in findings.enumerated() { try element(finding, index: index) }
        endArray(count: findings.count)
        findings = []
        try member("notes", closing.notes)
        try member("total", closing.total)
        try member("workflow", closing.heading.workflow)
        try member("year", closing.heading.year, last: true)
        out.write("\n}")
    }

    /// `  "key" : value`, the value's own lines indented one level.
    private mutating func member(_ key: String, _ value: some Encodable, last: Bool = false) throws {
        out.write("  \"\(key)\" : ")
        write(try encoder.encode(value), indent: 2, firstLine: false)
        if !last { out.write(",\n") }
    }

    /// An element of a top-level member's array, on its own lines, two levels in.
    private mutating func element(_ value: some Encodable, index: Int) throws {
        out.write(index == 0 ? "\n" : ",\n")
        write(try encoder.encode(value), indent: 4, firstLine: true)
    }

    /// Closes a top-level member's array as the encoder does: an empty one keeps a blank line.
    private mutating func endArray(count: Int) {
        out.write(count == 0 ? "\n\n  ],\n" : "\n  ],\n")
    }

    /// `json` with `indent` spaces before each line that is not empty (the encoder leaves the inside of
    /// an empty array blank). Strings in JSON hold no line breaks, so every line break is the layout's.
    private mutating func write(_ json: Data, indent: Int, firstLine: Bool) {
        let newline = UInt8(ascii: "\n")
        json.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            var atLineStart = firstLine
            var start = 0
            while start < bytes.count {
                let end = bytes[start...].firstIndex(of: newline) ?? bytes.count
                if atLineStart, end > start { out.write(bytes: repeatElement(UInt8(ascii: " "), count: indent)) }
                out.write(bytes: bytes[start..<end])
                if end < bytes.count { out.write(bytes: CollectionOfOne(newline)) }
                atLineStart = true
                start = end + 1
            }
        }
    }
}
