import RetrofitCore
import Testing

@Suite("Guard robustness")
struct GuardRobustnessTests {
    /// Pieces of the guard language and near misses, glued at random.
    private static let alphabet = [
        "homes", "floors", "district", "has_lift_shaft_consent", "consent_ratio", "approved_on", "x", " ", " ", "(", ")",
        "==", "!=", "<", "<=", ">", ">=", "=", "!", "at", "least", "most", "more", "less", "than", "and", "or", "not",
        "is", "set", "true", "false", "'", "\"", "“", "”", "'德城区'", "\"urgent\"", "德", "0", "6", "-", "/", ".",
        "2/3", "1/0", "0.75", "-1", "2025-03-01", "2025-02-30", "99999999999999999999", "1/1152921504606846976",
        "\u{301}", "\r\n", "\t", ";", "_",
    ]

    private static let values: [String: FieldValue] = [
        "homes": .number(Rational(8)), "district": .text("德城区"), "has_lift_shaft_consent": .boolean(false),
        "approved_on": .number(Rational(5)), "x": .date(CivilDate(dayNumber: 20_000)),
    ]

    @Test("random strings of the token alphabet parse or throw, and never trap", arguments: 0..<8)
    func randomTokenStrings(seed: UInt64) {
        var generator = SplitMix64(seed: seed)
        for _ in 0..<500 {
            var source = ""
            for _ in 0..<(generator.next() % 14) {
                // Mostly spaced, so that words stay words and many strings parse.
                if generator.next() % 4 != 0 { source += " " }
                source += Self.alphabet[Int(generator.next() % UInt64(Self.alphabet.count))]
            }
            exercise(source)
        }
    }

    @Test("random unicode scalars parse or throw, and never trap", arguments: 0..<4)
    func randomScalars(seed: UInt64) {
        var generator = SplitMix64(seed: seed &+ 1000)
        for _ in 0..<300 {
            var source = ""
            for _ in 0..<(generator.next() % 20) {
                let scalar = Unicode.Scalar(UInt32(generator.next() % 0x3_0000)) ?? " "
                source.unicodeScalars.append(scalar)
            }
            exercise(source)
        }
    }

    @Test("random well-formed guards parse, and random edits of them parse or throw", arguments: 0..<8)
    func randomGuardsAndEdits(seed: UInt64) throws {
        var generator = SplitMix64(seed: seed &+ 2000)
        for _ in 0..<200 {
            let source = Self.randomGuard(depth: 3, using: &generator)
            let guardExpression = try GuardExpression.parse(source)
            #expect(try GuardExpression.parse(guardExpression.normalizedText).evaluate(Self.values)
                == guardExpression.evaluate(Self.values), "\(source)")
            var characters = Array(source)
            let position = Int(generator.next() % UInt64(characters.count + 1))
            if generator.next() % 2 == 0, position < characters.count {
                characters.removeSubrange(position..<min(characters.count, position + Int(generator.next() % 4) + 1))
            } else {
                characters.insert(contentsOf: Self.alphabet[Int(generator.next() % UInt64(Self.alphabet.count))], at: position)
            }
            exercise(String(characters))
        }
    }

    private static func randomGuard(depth: Int, using generator: inout SplitMix64) -> String {
        func pick(_ choices: [String]) -> String { choices[Int(generator.next() % UInt64(choices.count))] }
        let operands = ["homes", "floors", "consent_ratio", "approved_on", "district", "x", "6", "2/3", "0.75", "-1",
                        "2025-03-01", "'德城区'", "\"urgent\"", "true", "false"]
        let comparators = ["==", "!=", "<", "<=", ">", ">=", "at least", "more than", "at most", "less than"]
        switch depth <= 0 ? generator.next() % 3 : generator.next() % 7 {
        case 0: return "\(pick(operands)) \(pick(comparators)) \(pick(operands))"
        case 1: return pick(["homes", "district", "floors"]) + pick([" is set", " is not set"])
        case 2: return pick(["has_lift_shaft_consent", "true", "false", "homes"])
        case 3: return "not " + randomGuard(depth: depth - 1, using: &generator)
        case 4: return "(" + randomGuard(depth: depth - 1, using: &generator) + ")"
        case 5: return randomGuard(depth: depth - 1, using: &generator) + " and " + randomGuard(depth: depth - 1, using: &generator)
        default: return randomGuard(depth: depth - 1, using: &generator) + " or " + randomGuard(depth: depth - 1, using: &generator)
        }
    }

    /// Parses `source`; if it parses, checks, evaluates, and checks that the normalized text
    /// reads back to a guard with the same outcome. A syntax error must point inside the source.
    private func exercise(_ source: String) {
        do {
            let guardExpression = try GuardExpression.parse(source)
            _ = guardExpression.typeCheck(GuardFixtures.types)
            _ = guardExpression.referencedNames
            let outcome = guardExpression.evaluate(Self.values)
            let reread = try GuardExpression.parse(guardExpression.normalizedText)
            #expect(reread.evaluate(Self.values) == outcome, "\(source)")
        } catch {
            #expect((0...source.count).contains(error.offset), "\(source): \(error)")
        }
    }
}

/// A small seeded generator so failures are reproducible.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}
