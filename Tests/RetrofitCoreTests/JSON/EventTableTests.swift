import Foundation
@testable import RetrofitCore
import RetrofitTestSupport
import Testing

/// Each event type is declared once: its name in `CaseEvent.Kind`, its payload type with its reader and
/// writer through `CaseEventPayload`. These tests check that the one table holds together, and that the
/// key tables the readers declare refuse every key written twice.
@Suite("Every event type has one name, one reader and one writer, and every reader refuses a key given twice")
struct EventTableTests {
    @Test("every event type's name round-trips through the one table of kinds")
    func namesRoundTrip() {
        let names = CaseEvent.Kind.allCases.map(\.rawValue)
        #expect(Set(names).count == names.count, "two kinds share a name: \(names)")
        for kind in CaseEvent.Kind.allCases {
            #expect(CaseEvent.Kind(rawValue: kind.rawValue) == kind)
            var name = kind.rawValue
            #expect(name.withUTF8 { CaseEvent.Kind(utf8: $0) } == kind)
            #expect(kind.payloadType.kind == kind, "\(kind) reads a payload that declares the kind \(kind.payloadType.kind)")
        }
        #expect(CaseEvent.Kind(rawValue: "no-such-event") == nil)
        #expect(throws: UnknownEventType.self) { try CaseEvent.decode(type: "no-such-event", payload: "{}") }
    }

    @Test("seeded: every event type is written and read back under its own name")
    func everyKindHasAReaderAndAWriter() throws {
        var random = LedgerRandom.seeded("event table")
        for kind in CaseEvent.Kind.allCases {
            for _ in 0..<20 {
                let event = JSONGenerators.event(kind, &random)
                #expect(event.kind == kind && event.type == kind.rawValue, "seed \(random.seed): \(event) is named \(event.type)")
                let payload = try event.payloadJSON()
                #expect(payload == (try event.foundationPayloadJSON()), "seed \(random.seed), \(kind)")
                let scanned = try Array(payload.utf8).withUnsafeBufferPointer { try CaseEvent.scan(kind, $0) }
                #expect(scanned == event, "seed \(random.seed), \(kind): \(payload)")
                #expect(try CaseEvent.decode(type: event.type, payload: payload) == event, "seed \(random.seed), \(kind)")
            }
        }
    }

    @Test("seeded: a key written twice is refused by the reader of every event type and of the snapshot")
    func duplicatedKeysAreRefused() throws {
        var random = LedgerRandom.seeded("duplicated keys")
        for kind in CaseEvent.Kind.allCases {
            var keysTried: Set<String> = [], declared: Set<String> = []
            for _ in 0..<40 {
                let event = JSONGenerators.event(kind, &random)
                declared.formUnion(Mirror(reflecting: event).children.first.map { Self.propertyNames($0.value) } ?? [])
                let payload = Array(try event.payloadJSON().utf8)
                for (key, doubled) in try Self.doublings(payload) {
                    keysTried.insert(key)
                    let context = "seed \(random.seed), \(kind): \(String(decoding: doubled, as: UTF8.self))"
                    do {
                        _ = try doubled.withUnsafeBufferPointer { try CaseEvent.scan(kind, $0) }
                        Issue.record("\(context): the scanner read it")
                    } catch {
                        #expect((error as? JSONScanError)?.reason == "key '\(key)' appears twice", "\(context): \(error)")
                    }
                }
            }
            #expect(keysTried == declared, "\(kind): tried \(keysTried.sorted()), the payload has \(declared.sorted())")
        }
        var keysTried: Set<String> = [], declared: Set<String> = []
        for _ in 0..<20 {
            let state = JSONGenerators.state(&random)
            declared.formUnion(Self.propertyNames(state))
            for (key, doubled) in try Self.doublings(state.jsonBytes()) {
                keysTried.insert(key)
                do {
                    _ = try doubled.withUnsafeBufferPointer { try CaseState.scan($0) }
                    Issue.record("seed \(random.seed): the snapshot with '\(key)' twice was read")
                } catch {
                    #expect((error as? JSONScanError)?.reason == "key '\(key)' appears twice", "seed \(random.seed): \(error)")
                }
            }
        }
        #expect(keysTried == declared, "snapshot: tried \(keysTried.sorted()), the state has \(declared.sorted())")
    }

    /// The stored properties of `value`: the keys its synthesized `Codable` conformance writes.
    static func propertyNames(_ value: Any) -> [String] {
        Mirror(reflecting: value).children.compactMap(\.label)
    }

    /// The object `bytes` once per key, with that key and its value written again first.
    static func doublings(_ bytes: [UInt8]) throws -> [(String, [UInt8])] {
        let members = try bytes.withUnsafeBufferPointer { buffer throws(JSONScanError) in
            var scanner = JSONScanner(buffer)
            try scanner.beginObject()
            var first = true
            var members: [(String, Range<Int>)] = []
            while let key = try scanner.nextKey(first: &first) {
                scanner.skipSpace()
                let start = scanner.index
                try scanner.skipValue()
                members.append((key.string, start..<scanner.index))
            }
            return members
        }
        return try members.map { key, value in
            let again = Array(try JSONGenerators.foundationJSON(key)) + [UInt8(ascii: ":")] + bytes[value] + [UInt8(ascii: ",")]
            return (key, [bytes[0]] + again + bytes[1...])
        }
    }
}
