extension Rational {
    /// The value as a percentage with `places` decimals and a spaced percent sign, `66.67 %`,
    /// rounded half away from zero from the exact value (no floating point). For display only.
    public func percentageText(places: Int = 2) -> String {
        let places = max(0, places)
        // decimalString rounds in 128 bits; asking for two more places and moving the point
        // two places right gives the percentage rounded at the same digit.
        let text = decimalString(places: places + 2)
        let negative = text.hasPrefix("-")
        let unsigned = negative ? text.dropFirst() : Substring(text)
        let pieces = unsigned.split(separator: ".", omittingEmptySubsequences: false)
        let whole = pieces.first.map(String.init) ?? "0"
        let fraction = pieces.count > 1 ? String(pieces[1]) : ""
        var digits = whole + fraction.prefix(2)
        while digits.count > 1, digits.first == "0" { digits.removeFirst() }
        let decimals = fraction.dropFirst(2)
        let number = decimals.isEmpty ? digits : digits + "." + decimals
        let isZero = number.allSatisfy { $0 == "0" || $0 == "." }
        return (negative && !isZero ? "-" : "") + number + " %"
    }
}
