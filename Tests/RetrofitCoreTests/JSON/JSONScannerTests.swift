import Foundation
@testable import RetrofitCore
import RetrofitTestSupport
import Testing

/// The scanner reads what JSONDecoder reads, the same way; what it refuses goes to JSONDecoder, so
/// `decode` agrees with JSONDecoder on every text. The property checked on every text below:
/// if the scanner alone accepts a text, JSONDecoder accepts it too and reads the same value (and the
/// same bytes); `decode` returns JSONDecoder's value, or throws a one-line `JSONScanError`.
@Suite("The JSON scanner reads as JSONDecoder reads, and refuses malformed text without trapping")
struct JSONScannerTests {
    /// Checks the property for one payload text; returns whether the scanner alone accepted it.
    @discardableResult
    static func checkEvent(_ kind: CaseEvent.Kind, _ bytes: [UInt8], _ context: @autoclosure () -> String) throws -> Bool {
        let scanned = try? bytes.withUnsafeBufferPointer { try CaseEvent.scan(kind, $0) }
        let foundation = try? CaseEvent.foundationDecode(kind, Data(bytes))
        if let scanned {
            #expect(scanned == foundation, "\(context()): the scanner read \(scanned), JSONDecoder \(String(describing: foundation))")
            #expect(try scanned.payloadJSON() == foundation?.payloadJSON(), "\(context())")
        }
        do {
            let decoded = try bytes.withUnsafeBufferPointer { try CaseEvent.decode(kind, payload: $0) }
            #expect(decoded == foundation, "\(context())")
        } catch let error as JSONScanError {
            #expect(foundation == nil, "\(context()): JSONDecoder reads it, decode threw \(error)")
            #expect(!error.description.contains("\n") && error.description.contains("at byte"), "\(context()): \(error)")
        } catch {
            Issue.record("\(context()): decode threw \(type(of: error)) \(error), not a JSONScanError")
        }
        return scanned != nil
    }

    static func checkState(_ bytes: [UInt8], _ context: @autoclosure () -> String) throws {
        let scanned = try? bytes.withUnsafeBufferPointer { try CaseState.scan($0) }
        let foundation = try? JSONDecoder().decode(CaseState.self, from: Data(bytes))
        if let scanned {
            #expect(scanned == foundation, "\(context())")
            #expect(scanned.jsonBytes() == foundation?.jsonBytes(), "\(context())")
        }
        do {
            let decoded = try bytes.withUnsafeBufferPointer { try CaseState(json: $0) }
            #expect(decoded == foundation, "\(context())")
        } catch let error as JSONScanError {
            #expect(foundation == nil, "\(context()): JSONDecoder reads it, the scanner threw \(error)")
            #expect(!error.description.contains("\n"), "\(context()): \(error)")
        } catch {
            Issue.record("\(context()): threw \(type(of: error)) \(error), not a JSONScanError")
        }
    }

    @Test("seeded: the same payloads written differently (spacing, key order, escapes, unknown keys, nulls) read the same")
    func variantsReadTheSame() throws {
        var random = LedgerRandom.seeded("JSON variants")
        var accepted = 0
        var total = 0
        for kind in CaseEvent.Kind.allCases {
            for round in 0..<150 {
                let event = JSONGenerators.event(kind, &random)
                let canonical = try event.payloadJSON()
                let messy = try MessyJSON.rewrite(canonical, using: &random)
                total += 1
                if try Self.checkEvent(kind, Array(messy.utf8), "seed \(random.seed), \(kind) round \(round): \(messy)") { accepted += 1 }
            }
        }
        print("JSON variants: the scanner read \(accepted) of \(total) payloads itself")
        #expect(accepted * 10 >= total * 7)
        for round in 0..<200 {
            let state = JSONGenerators.state(&random)
            let messy = try MessyJSON.rewrite(state.jsonText(), using: &random)
            try Self.checkState(Array(messy.utf8), "seed \(random.seed), state round \(round): \(messy)")
        }
    }

    @Test("seeded: truncated and mutated payloads never trap; the scanner refuses what JSONDecoder refuses")
    func malformedPayloads() throws {
        var random = LedgerRandom.seeded("malformed JSON")
        let noise: [UInt8] = Array("{}[],:\"\\ 0-.eE1nultrf\u{0}\t".utf8) + [0x80, 0xC3, 0xE4, 0xFF]
        for kind in CaseEvent.Kind.allCases {
            for round in 0..<20 {
                let bytes = Array(try JSONGenerators.event(kind, &random).payloadJSON().utf8)
                for length in 0..<bytes.count {
                    try Self.checkEvent(kind, Array(bytes[..<length]), "seed \(random.seed), \(kind) round \(round) cut at \(length)")
                }
                for mutation in 0..<40 {
                    var mutated = bytes
                    let index = Int.random(in: 0..<mutated.count, using: &random)
                    switch Int.random(in: 0..<3, using: &random) {
                    case 0: mutated[index] = random.pick(noise) ?? 0
                    case 1: mutated.remove(at: index)
                    default: mutated.insert(random.pick(noise) ?? 0, at: index)
                    }
                    try Self.checkEvent(kind, mutated, "seed \(random.seed), \(kind) round \(round) mutation \(mutation): \(String(decoding: mutated, as: UTF8.self))")
                }
            }
        }
        for round in 0..<6 {
            let bytes = JSONGenerators.state(&random).jsonBytes()
            for length in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 300)) {
                try Self.checkState(Array(bytes[..<length]), "seed \(random.seed), state round \(round) cut at \(length)")
            }
            for mutation in 0..<300 {
                var mutated = bytes
                mutated[Int.random(in: 0..<mutated.count, using: &random)] = random.pick(noise) ?? 0
                try Self.checkState(mutated, "seed \(random.seed), state round \(round) mutation \(mutation)")
            }
        }
    }

    @Test("texts that are valid JSON but not what the scanner expects still read as JSONDecoder reads them")
    func fallbackCases() throws {
        let cases: [(CaseEvent.Kind, String)] = [
            (.objectionRaised, #"{"number": 2.0, "from": "x", "text": "y"}"#),
            (.objectionRaised, #"{"number": 1e1, "from": "x", "text": "y"}"#),
            (.objectionRaised, #"{"number": 99999999999999999999, "from": "x", "text": "y"}"#),
            (.objectionRaised, #"{"number": 01, "from": "x", "text": "y"}"#),
            (.objectionRaised, #"{"number": 1, "number": 2, "from": "x", "text": "y"}"#),
            (.noted, #"{"t\u0065xt": "escaped key"}"#),
            (.noted, "\u{FEFF}{\"text\": \"after a byte order mark\"}"),
            (.noted, #"{"text": "\ud83d\ude00 and \u00e9 and \/"}"#),
            (.noted, #"{"text": "lone \ud83d surrogate"}"#),
            (.noted, #"{"text": "x"} trailing"#),
            (.noted, #"{"text": "x",}"#),
            (.noted, #"[{"text": "x"}]"#),
            (.noted, #"{"text": null}"#),
            (.noted, ""),
            (.resumed, #"{"note": null}"#),
            (.resumed, #"{"other": [1, {"a": [true, false, null, -0.5e-3]}], "note": "n"}"#),
            (.suspended, #"{"reason": "holiday"}"#),
            (.homeRecorded, #"{"home": {"area": "0", "floor": 1, "number": "1", "owner": "a"}}"#),
            (.homeRecorded, #"{"home": {"area": " 89.5 ", "floor": 2, "number": " 3-201 ", "owner": "王伟\u3000"}}"#),
            (.homeRecorded, #"{"home": {"area": "89.53", "floor": 0, "number": "1", "owner": "a"}}"#),
        ]
        for (kind, text) in cases {
            try Self.checkEvent(kind, Array(text.utf8), "\(kind): \(text)")
        }
        var nested = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        try Self.checkEvent(.resumed, Array("{\"deep\": \(nested)}".utf8), "600 nested arrays")
        nested = String(repeating: "{\"a\":", count: 600) + "1" + String(repeating: "}", count: 600)
        try Self.checkEvent(.resumed, Array("{\"deep\": \(nested)}".utf8), "600 nested objects")
        #expect(throws: JSONScanError.self) { try CaseEvent.decode(type: "noted", payload: #"{"text": 5}"#) }
        #expect(throws: UnknownEventType.self) { try CaseEvent.decode(type: "no-such-type", payload: "{}") }
    }

    @Test("seeded: homes read on the fast path are what Home(number:floor:area:owner:) makes of the same text")
    func homesMatchTheCheckedInitializer() throws {
        var random = LedgerRandom.seeded("home fast path")
        let plain = ["a", "Z", "~", "3-201", "王", "伟", "龥", "一", "0"]
        let unusual = [" ", "\t", "\n", "\u{3000}", "\u{A0}", "\u{85}", "\u{2028}", "\u{301}", " \u{301}", "\u{600}", "\u{200D}", "\u{FEFF}",
                       "\u{4DFF}", "\u{A000}", "é", "👍", ""]
        func piece(_ random: inout LedgerRandom) -> String { (random.chance(75) ? random.pick(plain) : random.pick(unusual)) ?? "" }
        let areas = ["89.53", "90", "90.5", "0", "0.00", "0.01", "1.234", " 89", "89 ", "1e3", "-5", "+5", "00089.5", "9999999999", "99999999999",
                     "1000000", "1000000.00", "1000000.01", "", ".", "5.", ".5", "8.9.5", "８９"]
        var fast = 0
        for round in 0..<3_000 {
            let number = (0..<Int.random(in: 1...3, using: &random)).map { _ in piece(&random) }.joined()
            let owner = (0..<Int.random(in: 1...3, using: &random)).map { _ in piece(&random) }.joined()
            let area = random.pick(areas) ?? ""
            let floor = Int.random(in: -7...202, using: &random)
            var out = JSONOutput()
            out.raw("{\"home\":{\"area\":")
            out.string(area)
            out.raw(",\"floor\":")
            out.int(floor)
            out.raw(",\"number\":")
            out.string(number)
            out.raw(",\"owner\":")
            out.string(owner)
            out.raw("}}")
            if Home.isTrimmed(number) && Home.isTrimmed(owner) && Area.plainHundredths(area) != nil { fast += 1 }
            if let hundredths = Area.plainHundredths(area) { #expect(hundredths == (try? Area(parsing: area))?.hundredths || hundredths == 0 || hundredths > Area.maximumHundredths, "\(area)") }
            for text in [number, owner] where Home.isTrimmed(text) {
                #expect(Array(PlainText.trimmed(text).utf8) == Array(text.utf8), "\(text.debugDescription) is not trimmed")
            }
            try Self.checkEvent(.homeRecorded, out.bytes, "seed \(random.seed), round \(round): \(out.text)")
        }
        print("home fast path: \(fast) of 3000 homes")
    }

    @Test("a register with a home listed twice or a ballot of an unknown home is refused, as JSONDecoder refuses it")
    func registerRules() throws {
        let home = #"{"area": "50.00", "floor": 1, "number": "1-101", "owner": "a"}"#
        var random = LedgerRandom(seed: 1)
        let state = JSONGenerators.state(&random)
        for register in [#"{"homes": [\#(home), \#(home)], "ballots": {}}"#, #"{"homes": [\#(home)], "ballots": {"9-999": "agree"}}"#,
                         #"{"homes": [\#(home)]}"#, #"{"homes": [\#(home)], "ballots": null}"#, #"{"homes": [\#(home)], "ballots": {" 1-101": "object"}}"#] {
            var text = state.jsonText()
            guard let start = text.range(of: #""register":"#), let end = text.range(of: #","stage":"#, range: start.upperBound..<text.endIndex) else {
                Issue.record("no register in \(text)")
                return
            }
            text.replaceSubrange(start.upperBound..<end.lowerBound, with: register)
            try Self.checkState(Array(text.utf8), register)
        }
    }
}

/// Rewrites a JSON text with the same meaning in another form: random white space, shuffled keys,
/// `\u` escapes and `\/`, extra keys the reader does not know, and `null` for absent keys.
enum MessyJSON {
    static let knownKeys = ["helper", "note", "leftAt", "until", "outcome", "resolvedAt", "withdrawnReason", "ballots", "district"]

    static func rewrite(_ text: String, using random: inout LedgerRandom) throws -> String {
        let value = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        var out = ""
        write(value, to: &out, using: &random)
        return space(&random) + out + space(&random)
    }

    static func space(_ random: inout LedgerRandom) -> String {
        random.chance(70) ? "" : (0..<Int.random(in: 1...3, using: &random)).map { _ in random.pick([" ", "\n", "\t", "\r"]) ?? "" }.joined()
    }

    static func write(_ value: Any, to out: inout String, using random: inout LedgerRandom) {
        switch value {
        case let object as [String: Any]:
            var members = object.map { ($0.key, $0.value) }
            members.shuffle(using: &random)
            if random.chance(30) { members.insert(("unknown\(Int.random(in: 0...9, using: &random))", junk(&random)), at: 0) }
            if random.chance(30), let key = random.pick(knownKeys), object[key] == nil { members.append((key, NSNull())) }
            out += "{" + space(&random)
            for (index, (key, member)) in members.enumerated() {
                if index > 0 { out += "," + space(&random) }
                string(key, to: &out, using: &random)
                out += space(&random) + ":" + space(&random)
                write(member, to: &out, using: &random)
                out += space(&random)
            }
            out += "}"
        case let array as [Any]:
            out += "[" + space(&random)
            for (index, element) in array.enumerated() {
                if index > 0 { out += "," + space(&random) }
                write(element, to: &out, using: &random)
            }
            out += space(&random) + "]"
        case let text as String:
            string(text, to: &out, using: &random)
        case is NSNull:
            out += "null"
        case let number as NSNumber:
            out += "\(number.int64Value)"
        default:
            out += "null"
        }
    }

    static func string(_ text: String, to out: inout String, using random: inout LedgerRandom) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "/" where random.chance(50): out += "\\/"
            case _ where scalar.value < 0x20 || random.chance(10):
                for unit in String(scalar).utf16 { out += String(format: "\\u%04X", unit) }
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }

    static func junk(_ random: inout LedgerRandom) -> Any {
        switch Int.random(in: 0..<4, using: &random) {
        case 0: return ["a": [1, 2, ["b": NSNull()]], "c": "d"] as [String: Any]
        case 1: return [true, false, NSNull(), "x"] as [Any]
        case 2: return NSNull()
        default: return "unknown \\ \" / text"
        }
    }
}
