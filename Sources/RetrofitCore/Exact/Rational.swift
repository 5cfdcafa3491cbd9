/// An exact fraction: votes, ratios, areas, money and every number in a guard.
///
/// Always stored reduced with a positive denominator, so equal values are equal structs.
/// Comparison cross-multiplies in 128 bits and so can never overflow; the arithmetic that
/// can overflow returns nil instead of trapping.
public struct Rational: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let numerator: Int
    public let denominator: Int

    /// Creates `numerator/denominator` reduced, or nil when the denominator is zero.
    public init?(_ numerator: Int, _ denominator: Int) {
        guard denominator != 0, numerator != .min, denominator != .min else { return nil }
        let divisor = Rational.greatestCommonDivisor(numerator.magnitude, denominator.magnitude)
        let sign = denominator < 0 ? -1 : 1
        self.numerator = sign * numerator / Int(divisor)
        self.denominator = sign * denominator / Int(divisor)
    }

    public init(_ integer: Int) {
        numerator = integer
        denominator = 1
    }

    public static let zero = Rational(0)
    public static let one = Rational(1)

    /// Parses `12`, `-3`, `89.53`, `2/3` or `-1/2` exactly; nil for anything else (`1e3`, `0.5.1`, `1/0`).
    public init?(parsing text: some StringProtocol) {
        let text = Substring(text)
        if let slash = text.firstIndex(of: "/") {
            guard let top = Rational(parsing: text[..<slash]), top.denominator == 1,
                  let bottom = Rational(parsing: text[text.index(after: slash)...]), bottom.denominator == 1,
                  let value = Rational(top.numerator, bottom.numerator) else { return nil }
            self = value
            return
        }
        var digits = text
        var negative = false
        if digits.first == "-" || digits.first == "+" {
            negative = digits.first == "-"
            digits = digits.dropFirst()
        }
        let pieces = digits.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(pieces.count), !pieces[0].isEmpty,
              pieces.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              pieces.count == 1 || !pieces[1].isEmpty,
              let whole = Int(pieces[0]) else { return nil }
        var numerator = whole
        var denominator = 1
        if pieces.count == 2 {
            for digit in pieces[1] {
                guard let value = digit.wholeNumberValue else { return nil }
                let (scaled, overflowA) = numerator.multipliedReportingOverflow(by: 10)
                let (sum, overflowB) = scaled.addingReportingOverflow(value)
                let (scaledDenominator, overflowC) = denominator.multipliedReportingOverflow(by: 10)
                guard !overflowA, !overflowB, !overflowC else { return nil }
                numerator = sum
                denominator = scaledDenominator
            }
        }
        guard let value = Rational(negative ? -numerator : numerator, denominator) else { return nil }
        self = value
    }

    public var isInteger: Bool { denominator == 1 }

    /// `7/10`, or `3` for integers.
    public var description: String { denominator == 1 ? "\(numerator)" : "\(numerator)/\(denominator)" }

    /// The value written with exactly `places` decimals, rounded half away from zero: `66.67`.
    public func decimalString(places requested: Int) -> String {
        let places = min(max(requested, 0), 18)   // 10^18 is the largest power of ten in 64 bits
        var scale = 1
        for _ in 0..<places { scale *= 10 }
        let scaled = Int128(numerator) * Int128(scale)
        let denominator = Int128(self.denominator)
        var quotient = scaled / denominator
        let remainder = scaled % denominator
        if remainder.magnitude * 2 >= denominator.magnitude { quotient += scaled < 0 ? -1 : 1 }
        let negative = quotient < 0
        let magnitude = quotient.magnitude
        let whole = magnitude / UInt128(scale)
        let fraction = magnitude % UInt128(scale)
        var text = (negative ? "-" : "") + "\(whole)"
        if places > 0 {
            let fractionText = "\(fraction)"
            text += "." + String(repeating: "0", count: places - fractionText.count) + fractionText
        }
        return text
    }

    public static func < (lhs: Rational, rhs: Rational) -> Bool {
        Int128(lhs.numerator) * Int128(rhs.denominator) < Int128(rhs.numerator) * Int128(lhs.denominator)
    }

    /// The sum, or nil if it does not fit in 64 bits.
    public func adding(_ other: Rational) -> Rational? {
        let numerator = Int128(self.numerator) * Int128(other.denominator) + Int128(other.numerator) * Int128(denominator)
        let denominator = Int128(self.denominator) * Int128(other.denominator)
        return Rational.reducing(numerator, denominator)
    }

    /// The product, or nil if it does not fit in 64 bits.
    public func multiplied(by other: Rational) -> Rational? {
        Rational.reducing(Int128(numerator) * Int128(other.numerator), Int128(denominator) * Int128(other.denominator))
    }

    private static func reducing(_ numerator: Int128, _ denominator: Int128) -> Rational? {
        guard denominator != 0 else { return nil }
        var a = numerator.magnitude
        var b = denominator.magnitude
        while b != 0 { (a, b) = (b, a % b) }
        let divisor = Int128(a == 0 ? 1 : a)
        let top = numerator / divisor
        let bottom = denominator / divisor
        guard let topValue = Int(exactly: top), let bottomValue = Int(exactly: bottom) else { return nil }
        return Rational(topValue, bottomValue)
    }

    static func greatestCommonDivisor(_ a: UInt, _ b: UInt) -> UInt {
        var (a, b) = (a, b)
        while b != 0 { (a, b) = (b, a % b) }
        return a == 0 ? 1 : a
    }
}
