/// An exact floor area in square metres, held as a whole number of hundredths (0.01 m²).
///
/// Registers give areas with at most two decimals, so every area and every sum of areas is
/// an integer count of hundredths: tallies add integers and never round.
public struct Area: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The area in hundredths of a square metre: `89.53 m²` is `8953`.
    public let hundredths: Int

    /// The largest area one home may have, in hundredths (1,000,000 m²). Keeps every sum of
    /// areas far inside `Int`, so a tally cannot overflow.
    public static let maximumHundredths = 100_000_000

    /// No area: the sum over no homes.
    public static let zero = Area(uncheckedHundredths: 0)

    /// An area of `hundredths` hundredths of a square metre, or nil when it is negative.
    /// Zero and large sums are allowed here (a tally's areas are areas too); a home's own
    /// area must be more than zero and at most ``maximumHundredths``, which
    /// ``init(parsing:)`` and ``Home`` check.
    public init?(hundredths: Int) {
        guard hundredths >= 0 else { return nil }
        self.hundredths = hundredths
    }

    init(uncheckedHundredths: Int) {
        hundredths = uncheckedHundredths
    }

    /// Parses a home's area written in square metres with at most two decimals: `89.53`,
    /// `90`, `90.5`.
    ///
    /// - Throws: ``AreaProblem`` for an empty text, anything that is not plain digits with
    ///   an optional point (`1e3`, `-5`, `abc`), more than two decimals (`89.531`), zero, or
    ///   more than 1,000,000 m².
    public init(parsing text: some StringProtocol) throws(AreaProblem) {
        let trimmed = PlainText.trimmed(text)
        guard !trimmed.isEmpty else { throw .empty }
        guard let hundredths = Area.hundredths(parsing: trimmed) else {
            if trimmed.hasPrefix("-") { throw .negative(trimmed) }
            if let point = trimmed.firstIndex(of: "."),
               trimmed[trimmed.index(after: point)...].count > 2,
               trimmed.allSatisfy({ $0 == "." || ($0.isASCII && $0.isNumber) }),
               trimmed.filter({ $0 == "." }).count == 1 {
                throw .tooManyDecimals(trimmed)
            }
            throw .notANumber(trimmed)
        }
        guard hundredths > 0 else { throw .zero(trimmed) }
        guard hundredths <= Area.maximumHundredths else { throw .tooLarge(trimmed) }
        self.hundredths = hundredths
    }

    /// The area as an exact number of square metres.
    public var squareMetres: Rational {
        Rational(hundredths, 100) ?? Rational(hundredths)
    }

    /// Always two decimals: `89.53`, `90.00`.
    public var description: String {
        let whole = hundredths / 100
        let fraction = hundredths % 100
        return "\(whole)." + (fraction < 10 ? "0" : "") + "\(fraction)"
    }

    public static func < (lhs: Area, rhs: Area) -> Bool { lhs.hundredths < rhs.hundredths }

    /// Parses unsigned digits with at most two decimals into hundredths (zero allowed), or
    /// nil. Stops before overflow: anything past ten digits before the point is refused.
    static func hundredths(parsing text: String) -> Int? {
        let pieces = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(pieces.count), !pieces[0].isEmpty, pieces[0].count <= 10,
              pieces.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return nil }
        var decimals = pieces.count == 2 ? String(pieces[1]) : ""
        guard pieces.count == 1 || !decimals.isEmpty, decimals.count <= 2 else { return nil }
        while decimals.count < 2 { decimals += "0" }
        guard let whole = Int(pieces[0]), let fraction = Int(decimals) else { return nil }
        return whole * 100 + fraction
    }
}

extension Area: Codable {
    /// Decodes the text form, `"89.53"`, checked like ``init(parsing:)``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            try self.init(parsing: text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    /// Encodes the text form, `"89.53"`, so stored areas stay exact and readable.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// Why a text is not a home's area. Each case reads as one sentence naming the bad text.
public enum AreaProblem: Error, Hashable, Sendable, CustomStringConvertible {
    case empty
    case notANumber(String)
    case negative(String)
    case tooManyDecimals(String)
    case zero(String)
    case tooLarge(String)

    public var description: String {
        let expected = "expected square metres with at most two decimals, such as 89.53"
        switch self {
        case .empty: return "the area is empty; \(expected)"
        case .notANumber(let text): return "area '\(text)' is not a number; \(expected)"
        case .negative(let text): return "area '\(text)' is negative; \(expected)"
        case .tooManyDecimals(let text): return "area '\(text)' has more than two decimals; \(expected)"
        case .zero(let text): return "area '\(text)' is zero; a home's area must be more than 0"
        case .tooLarge(let text): return "area '\(text)' is more than 1000000 m²; \(expected)"
        }
    }
}
