/// How values appear in failure explanations: numbers exactly, text in quotes.
enum GuardValueText {
    /// `8`; `89.53` when the denominator is made of 2s and 5s; otherwise `2/3`.
    /// With `asFraction` (the guard wrote its number as a fraction) every non-integer is a
    /// fraction, so `consent_ratio >= 3/4` explains `consent_ratio is 7/10`, not `0.7`.
    static func number(_ value: Rational, asFraction: Bool) -> String {
        if value.isInteger || asFraction { return value.description }
        var remaining = value.denominator
        var twos = 0
        var fives = 0
        while remaining % 2 == 0 { remaining /= 2; twos += 1 }
        while remaining % 5 == 0 { remaining /= 5; fives += 1 }
        // `exactDecimalText` builds 10^places in an Int, which overflows past 18 places
        // (a denominator of 2^60 needs 60); such values are shown as fractions instead.
        guard remaining == 1, max(twos, fives) <= 18 else { return value.description }
        return value.exactDecimalText
    }

    /// `"normal"`, `8`, `0.75`, `2025-03-01`, `true`.
    static func value(_ value: FieldValue, asFraction: Bool) -> String {
        switch value {
        case .text(let text): quoted(text)
        case .number(let number): self.number(number, asFraction: asFraction)
        case .date(let date): date.description
        case .boolean(let flag): flag ? "true" : "false"
        }
    }

    /// Text in double quotes, or single quotes when it holds a double quote and no single one.
    static func quoted(_ text: String) -> String {
        text.contains("\"") && !text.contains("'") ? "'\(text)'" : "\"\(text)\""
    }

    /// `a number`, `a date`, … for sentences about mismatched values.
    static func kind(of value: FieldValue) -> String {
        switch value {
        case .text: "text"
        case .number: "a number"
        case .date: "a date"
        case .boolean: "a boolean"
        }
    }
}
