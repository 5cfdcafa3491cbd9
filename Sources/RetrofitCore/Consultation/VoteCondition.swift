/// One line of a vote rule, such as `agreeing owners at least 3/4 of participating owners`.
///
/// Grammar (words separated by white space, any case):
///
///     condition  = measure comparison threshold "of" base     (a share)
///                | measure comparison count                    (an absolute count)
///     measure    = group quantity
///     base       = group quantity        (the same quantity as the measure)
///     group      = total | participating | agreeing | objecting | abstaining | absent
///     quantity   = area | owners
///     comparison = "at least" | "more than" | "at most" | "less than"
///     threshold  = an exact number from 0 to 1: 2/3, 3/4, 1/2, 0.5, 1
///     count      = for owners, a whole number: 0, 5
///                  for area, square metres with at most two decimals, optionally
///                  followed by m² or m2: 500, 612.40 m²
public struct VoteCondition: Hashable, Sendable, CustomStringConvertible {
    /// The line as written in the workflow file, trimmed.
    public let source: String
    /// What is measured, such as `agreeing owners`.
    public let measure: VoteMeasure
    /// How it is compared with the target.
    public let comparison: VoteComparison
    /// What it is compared with.
    public let target: VoteTarget

    /// Parses one condition line.
    /// - Throws: ``VoteConditionProblem`` saying what was found and what was expected.
    public static func parse(_ source: String) throws(VoteConditionProblem) -> VoteCondition {
        let source = PlainText.trimmed(source)
        let words = source.split(whereSeparator: \.isWhitespace).map { $0.lowercased() }
        guard !words.isEmpty else { throw .empty }

        guard let found = findComparison(in: words) else {
            if let measure = VoteMeasure(parsing: words.prefix(2).joined(separator: " ")) {
                let rest = words.dropFirst(2)
                let written = rest.prefix { Rational(parsing: $0) == nil }.joined(separator: " ")
                if written.isEmpty { throw .missingComparison(measure: measure) }
                throw .unknownComparison(written)
            }
            throw .unknownMeasure(words.prefix(2).joined(separator: " "))
        }
        let (comparison, at) = found
        let measureText = words[..<at].joined(separator: " ")
        guard !measureText.isEmpty else { throw .missingMeasure }
        guard let measure = VoteMeasure(parsing: measureText) else { throw .unknownMeasure(measureText) }

        let rest = Array(words[(at + 2)...])
        guard let number = rest.first else { throw .missingThreshold(comparison) }
        if rest.count >= 2, rest[1] == "of" {
            let baseText = rest.dropFirst(2).joined(separator: " ")
            guard !baseText.isEmpty else { throw .missingBase }
            guard let base = VoteMeasure(parsing: baseText) else { throw .unknownBase(baseText) }
            guard base.quantity == measure.quantity else { throw .mixedQuantities(measure: measure, base: base) }
            guard let threshold = Rational(parsing: number), threshold >= .zero else { throw .badThreshold(number) }
            guard threshold <= .one else { throw .thresholdAboveOne(number) }
            return VoteCondition(source: source, measure: measure, comparison: comparison,
                                 target: .share(threshold, of: base.group))
        }
        let unit = rest.dropFirst()
        // A word that is no number at all is the problem, whatever follows it.
        guard Rational(parsing: number) != nil else { throw .badCount(number, measure.quantity) }
        switch measure.quantity {
        case .owners:
            guard unit.isEmpty else { throw .unexpectedWords(unit.joined(separator: " ")) }
            guard number.allSatisfy({ $0.isASCII && $0.isNumber }), number.count <= 9, let count = Int(number) else {
                throw .badCount(number, .owners)
            }
            return VoteCondition(source: source, measure: measure, comparison: comparison, target: .count(count))
        case .area:
            guard unit.isEmpty || (unit.count == 1 && unit.first.map({ $0 == "m²" || $0 == "m2" }) == true) else {
                throw .unexpectedWords(unit.joined(separator: " "))
            }
            guard let hundredths = Area.hundredths(parsing: number) else { throw .badCount(number, .area) }
            return VoteCondition(source: source, measure: measure, comparison: comparison, target: .count(hundredths))
        }
    }

    /// The first comparison phrase among `words` and the index of its first word.
    private static func findComparison(in words: [String]) -> (VoteComparison, Int)? {
        for index in words.indices.dropLast() {
            let phrase = words[index] + " " + words[index + 1]
            if let comparison = VoteComparison(rawValue: phrase) { return (comparison, index) }
        }
        return nil
    }

    /// The condition written in its canonical form: `agreeing owners at least 3/4 of
    /// participating owners`, `objecting owners at most 0`, `agreeing area at least 500.00 m²`.
    public var description: String {
        switch target {
        case .share(let threshold, let base):
            "\(measure) \(comparison) \(threshold) of \(VoteMeasure(base, measure.quantity))"
        case .count(let count):
            "\(measure) \(comparison) " + VoteCondition.countText(count, measure.quantity)
        }
    }

    /// `5` owners, or `500.00 m²` from hundredths.
    static func countText(_ count: Int, _ quantity: VoteQuantity) -> String {
        switch quantity {
        case .owners: "\(count)"
        case .area: "\(Area(uncheckedHundredths: count)) m²"
        }
    }
}

/// What a condition's measure is compared with.
public enum VoteTarget: Hashable, Sendable {
    /// A share of the same quantity of another group: `3/4 of participating owners`.
    case share(Rational, of: VoteGroup)
    /// An absolute count: owners, or area in hundredths of a square metre.
    case count(Int)
}

/// Why a condition line does not parse. Each case reads as one sentence naming what was
/// found and what was expected.
public enum VoteConditionProblem: Error, Hashable, Sendable, CustomStringConvertible {
    case empty
    case missingMeasure
    case unknownMeasure(String)
    case missingComparison(measure: VoteMeasure)
    case unknownComparison(String)
    case missingThreshold(VoteComparison)
    case badThreshold(String)
    case thresholdAboveOne(String)
    case missingBase
    case unknownBase(String)
    case mixedQuantities(measure: VoteMeasure, base: VoteMeasure)
    case badCount(String, VoteQuantity)
    case unexpectedWords(String)

    static let measures = VoteMeasure.all.map(\.description).joined(separator: ", ")
    static let comparisons = VoteComparison.allCases.map(\.rawValue).joined(separator: ", ")

    public var description: String {
        switch self {
        case .empty:
            "the condition is empty; expected a line such as 'agreeing owners at least 3/4 of participating owners'"
        case .missingMeasure:
            "the condition starts with a comparison; expected a measure first, one of \(Self.measures)"
        case .unknownMeasure(let text):
            "unknown measure '\(text)'; expected one of \(Self.measures)"
        case .missingComparison(let measure):
            "'\(measure)' is not followed by a comparison; expected one of \(Self.comparisons)"
        case .unknownComparison(let text):
            "unknown comparison '\(text)'; expected one of \(Self.comparisons)"
        case .missingThreshold(let comparison):
            "'\(comparison)' is not followed by a number; expected a share such as 2/3 of participating owners, or a count"
        case .badThreshold(let text):
            "threshold '\(text)' is not an exact number from 0 to 1; expected a fraction such as 2/3, a decimal such as 0.75, or 1"
        case .thresholdAboveOne(let text):
            "threshold '\(text)' is more than 1; a share can be at most 1 (all of them)"
        case .missingBase:
            "'of' is not followed by a base; expected one of \(Self.measures)"
        case .unknownBase(let text):
            "unknown base '\(text)'; expected one of \(Self.measures)"
        case .mixedQuantities(let measure, let base):
            "'\(measure)' cannot be a share of '\(base)'; compare area with area and owners with owners"
        case .badCount(let text, .owners):
            "owner count '\(text)' is not a whole number; expected a count such as 0 or 5"
        case .badCount(let text, .area):
            "area '\(text)' is not square metres with at most two decimals; expected an area such as 500 or 612.40"
        case .unexpectedWords(let text):
            "unexpected '\(text)' after the number; expected 'of' and a base, or nothing"
        }
    }
}
