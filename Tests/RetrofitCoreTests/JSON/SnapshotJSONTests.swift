import Foundation
@testable import RetrofitCore
import RetrofitTestSupport
import Testing

@Suite("Snapshots and payloads are written as JSONEncoder writes them and read as JSONDecoder reads them")
struct SnapshotJSONTests {
    @Test("seeded: a state's JSON is JSONEncoder's, byte for byte, and reads back equal")
    func stateMatchesJSONEncoder() throws {
        var random = LedgerRandom.seeded("snapshot JSON")
        for round in 0..<2_000 {
            let state = JSONGenerators.state(&random, anyYear: true)
            let expected = try JSONGenerators.foundationJSON(state)
            let written = state.jsonBytes()
            #expect(written == expected, "seed \(random.seed), round \(round):\n\(String(decoding: written, as: UTF8.self))\n\(String(decoding: expected, as: UTF8.self))")
            if written != expected { return }
        }
        for round in 0..<2_000 {
            let state = JSONGenerators.state(&random)
            let json = state.jsonBytes()
            let scanned = try json.withUnsafeBufferPointer { try CaseState.scan($0) }
            let foundation = try JSONDecoder().decode(CaseState.self, from: Data(json))
            #expect(scanned == foundation && scanned == state, "seed \(random.seed), round \(round)")
            // Equal strings may differ in bytes (é and e + ◌́): the text read must write back to the same bytes.
            #expect(scanned.jsonBytes() == json, "seed \(random.seed), round \(round)")
            #expect(try CaseState(json: String(decoding: json, as: UTF8.self)) == state)
        }
    }

    @Test("seeded: every event type's payload is JSONEncoder's, byte for byte, and reads back as JSONDecoder reads it")
    func payloadsMatchFoundation() throws {
        var random = LedgerRandom.seeded("payload JSON")
        for kind in CaseEvent.Kind.allCases {
            for round in 0..<300 {
                let event = JSONGenerators.event(kind, &random)
                #expect(event.type == kind.rawValue)
                let written = try event.payloadJSON()
                let expected = try event.foundationPayloadJSON()
                #expect(written == expected, "seed \(random.seed), \(kind) round \(round):\n\(written)\n\(expected)")
                let bytes = Array(written.utf8)
                let scanned = try bytes.withUnsafeBufferPointer { try CaseEvent.scan(kind, $0) }
                let foundation = try CaseEvent.foundationDecode(kind, Data(bytes))
                #expect(scanned == foundation && scanned == event, "seed \(random.seed), \(kind) round \(round): \(written)")
                #expect(try scanned.payloadJSON() == written)
                #expect(try CaseEvent.decode(type: kind.rawValue, payload: written) == event)
            }
        }
    }

    @Test("seeded: the people register's payload is JSONEncoder's")
    func personPayloadMatchesFoundation() throws {
        var random = LedgerRandom.seeded("person JSON")
        for _ in 0..<500 {
            let person = PersonRegistered(name: JSONGenerators.text(&random), role: random.pick(Role.allCases) ?? .helper,
                                          district: JSONGenerators.optionalText(&random))
            #expect(try person.payloadJSON() == person.foundationPayloadJSON(), "seed \(random.seed)")
        }
    }

    @Test("every character from U+0000 to U+00FF and the escapes JSONEncoder chooses")
    func everyLowCharacter() throws {
        for value in 0...0xFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "a\(Character(scalar))/b"
            var out = JSONOutput()
            out.string(text)
            #expect(out.bytes == (try JSONGenerators.foundationJSON([text])).dropFirst().dropLast(), "U+\(String(value, radix: 16))")
        }
        var out = JSONOutput()
        out.string("\u{0}\u{8}\t\n\u{B}\u{C}\r\u{1F}\"\\/\u{7F}é")
        #expect(out.text == #""\u0000\b\t\n\u000b\f\r\u001f\"\\/\#u{7F}é""#)
    }

    @Test("integers, areas, dates and times far from today are written as their descriptions")
    func extremeNumbersAndTimes() throws {
        for value in [Int.min, Int.min + 1, -10, -1, 0, 1, 9, 10, 99, 100, Int.max] {
            var out = JSONOutput()
            out.int(value)
            #expect(out.text == value.description)
        }
        for hundredths in [0, 1, 9, 10, 99, 100, 101, 8_953, 100_000_000, 123_456_789_012, -1, -250] {
            let area = Area(uncheckedHundredths: hundredths)
            var bytes: [UInt8] = []
            area.appendDescription(to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == area.description)
        }
        for day in [-1_000_000, -354_286, -354_285, -1, 0, 2_932_896, 2_932_897, 4_000_000] {
            let date = CivilDate(dayNumber: day)
            var bytes: [UInt8] = []
            date.appendDescription(to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == date.description)
            let time = Timestamp(startOf: date).adding(seconds: 86_399)
            bytes = []
            time.appendDescription(to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == time.description)
        }
    }
}
