import Foundation
import RetrofitCore
import RetrofitReports
import RetrofitStore
import Testing

/// The commissioned report written as its cases are read gives the same text as the report built whole,
/// and the first elevator is out before the next is read.
@Suite("Commissioned report, streamed")
struct CommissionedStreamTests {
    /// Bytes handed on by a writer, kept where a test can look while the report is still being read.
    final class Received: @unchecked Sendable {
        var bytes: [UInt8] = []
        var text: String { String(decoding: bytes, as: UTF8.self) }
    }

    /// Streams the report into `writer`, handing each byte on at once (block size 1).
    static func streamed<Writer: CommissionedWriter>(_ fixture: ReportFixture, _ setting: ReportSetting, year: Int, workflow: String? = nil,
                                                     _ make: (BlockWriter) -> Writer) throws -> String {
        let received = Received()
        var writer = make(BlockWriter(blockSize: 1) { received.bytes += $0 })
        try CommissionedReport.stream(fixture.store, setting: setting, year: year, workflowID: workflow, into: &writer)
        try writer.out.close()
        return received.text
    }

    /// 2025: two elevators in two districts with findings of every kind; 2024: one, no findings;
    /// 2023: none (empty arrays); one workflow only; and without calendars (working days unknown, a note).
    @Test("table, JSON and CSV streamed equal the whole report's", arguments: [
        (2025, nil, true), (2024, nil, true), (2023, nil, true), (2025, "elevator-retrofit", true), (2025, nil, false),
    ] as [(Int, String?, Bool)])
    func sameAsWhole(year: Int, workflow: String?, calendars: Bool) async throws {
        let fixture = try await ReportFixture.programme()
        let setting = try ReportSetting.load(fixture.store, asOf: try ReportFixture.date(ReportFixture.reportDay),
                                             calendars: calendars ? fixture.calendars : [:])
        let report = try CommissionedReport.build(fixture.store, setting: setting, year: year, workflowID: workflow)
        #expect(calendars || !report.notes.isEmpty)
        #expect(try Self.streamed(fixture, setting, year: year, workflow: workflow, CommissionedJSONWriter.init) == ReportJSON.text(report))
        #expect(try Self.streamed(fixture, setting, year: year, workflow: workflow, CommissionedTableWriter.init) == report.table())
        #expect(try Self.streamed(fixture, setting, year: year, workflow: workflow, CommissionedCSVWriter.init) == report.csv())
    }

    /// Records what had been handed on when each elevator arrived, then passes it to the writer.
    struct Probe<Writer: CommissionedWriter>: CommissionedSink {
        var writer: Writer
        let received: Received
        var outputWhenAdded: [String] = []

        mutating func start(_ heading: CommissionedHeading) throws { try writer.start(heading) }

        mutating func add(_ item: CommissionedCase, findings: [AuditFinding]) throws {
            outputWhenAdded.append(received.text)
            try writer.add(item, findings: findings)
        }

        mutating func finish(_ closing: CommissionedClosing) throws { try writer.finish(closing) }
    }

    @Test("JSON and CSV: the first elevator is written before the second is read")
    func firstBeforeSecond() async throws {
        let fixture = try await ReportFixture.programme()
        let setting = try ReportSetting.load(fixture.store, asOf: try ReportFixture.date(ReportFixture.reportDay), calendars: fixture.calendars)
        func probe(_ make: (BlockWriter) -> some CommissionedWriter) throws -> [String] {
            let received = Received()
            var probe = Probe(writer: make(BlockWriter(blockSize: 1) { received.bytes += $0 }), received: received)
            try CommissionedReport.stream(fixture.store, setting: setting, year: 2025, into: &probe)
            return probe.outputWhenAdded
        }
        // By commissioning date: ER-2025-0002 (06-30, in 陵城区), then ER-2025-0001 (09-26, 新华路12号).
        for outputs in [try probe(CommissionedJSONWriter.init), try probe(CommissionedCSVWriter.init)] {
            #expect(outputs.count == 2)
            #expect(outputs.first?.contains("德州市陵城区") == false)
            #expect(outputs.last?.contains("德州市陵城区") == true)
            #expect(outputs.last?.contains("新华路12号") == false)
        }
    }

    @Test("identifiers held by one case are left out of the shared values; surrounding spaces do not make a value different")
    func sharedValues() async throws {
        let fixture = try await ReportFixture.programme()
        // ER-2025-0001's equipment code between an ideographic space and a space.
        var fields = ReportFixture.intake(address: "德州市德城区新华路14号", district: "德城区", community: "新华小区",
                                          building: "4", unit: "1", homes: 4)
        fields["equipment_code"] = "\u{3000}3110371400202509001 "
        try await fixture.open("ER-2025-0099", fields: fields, helper: nil, at: "2025-12-01T09:00")
        let shared = try fixture.store.sharedFieldValues(CommissionedReport.identifierFields)
        #expect(shared.map { "\($0.field) \($0.value) \($0.caseIDs.sorted())" }.sorted() == [
            "equipment_code 3110371400202509001 [\"ER-2025-0001\", \"ER-2025-0099\"]",
            "registration_code 31103714002025090001 [\"ER-2025-0001\", \"ER-2025-0002\"]",
        ])
    }

    @Test("event timings: with no lower limit every event without its payload; over 29 days, only event 40 (recorded 40 days late)")
    func timings() async throws {
        let fixture = try await ReportFixture.programme()
        let events = try fixture.store.events(caseID: "ER-2025-0002")
        let timings = try fixture.store.eventTimings(caseID: "ER-2025-0002", recordedLaterThan: -1_000)
        #expect(timings.map { "\($0.sequence) \($0.type) \($0.occurredAt) \($0.recordedAt) \($0.actor)" }
            == events.map { "\($0.sequence) \($0.type) \($0.occurredAt) \($0.recordedAt) \($0.actor)" })
        #expect(events.count == 15)
        #expect(try fixture.store.eventTimings(caseID: "ER-2025-0002", recordedLaterThan: 29).map(\.sequence) == [40])
    }
}
