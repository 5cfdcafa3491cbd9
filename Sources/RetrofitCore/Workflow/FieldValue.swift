/// The type of a case field, as a workflow file declares it.
public enum FieldType: Hashable, Sendable, CustomStringConvertible {
    case text
    case integer
    case decimal
    case date
    case boolean
    /// A text that must be one of `values`.
    case enumeration([String])

    public var description: String {
        switch self {
        case .text: "text"
        case .integer: "integer"
        case .decimal: "decimal"
        case .date: "date"
        case .boolean: "boolean"
        case .enumeration: "enum"
        }
    }

    /// The type a workflow file names (`text`, `integer`, `decimal`, `date`, `boolean`, `enum`);
    /// `values` are an enum's. Nil for any other name.
    public init?(name: String, values: [String]) {
        switch name {
        case "text": self = .text
        case "integer": self = .integer
        case "decimal": self = .decimal
        case "date": self = .date
        case "boolean": self = .boolean
        case "enum": self = .enumeration(values)
        default: return nil
        }
    }

    /// Whether values of the two types can be compared with `<` and `==` in a guard.
    /// Integers and decimals are both exact numbers and compare with each other.
    public func isComparable(with other: FieldType) -> Bool {
        switch (self, other) {
        case (.integer, .integer), (.integer, .decimal), (.decimal, .integer), (.decimal, .decimal),
             (.date, .date), (.boolean, .boolean), (.text, .text),
             (.text, .enumeration), (.enumeration, .text), (.enumeration, .enumeration):
            true
        default:
            false
        }
    }
}

/// The value of a case field. Numbers are exact; enum values are held as their text.
public enum FieldValue: Hashable, Sendable, CustomStringConvertible {
    case text(String)
    case number(Rational)
    case date(CivilDate)
    case boolean(Bool)

    /// How the value is written on the command line, in files and in the event log.
    public var description: String {
        switch self {
        case .text(let text): text
        case .number(let number): number.isInteger ? number.description : number.exactDecimalText
        case .date(let date): date.description
        case .boolean(let value): value ? "true" : "false"
        }
    }

    /// Parses `text` as a value of `type`, or returns a sentence saying what was expected.
    public static func parse(_ text: String, as type: FieldType) -> Result<FieldValue, FieldValueProblem> {
        switch type {
        case .text:
            return .success(.text(text))
        case .enumeration(let values):
            return values.contains(text) ? .success(.text(text)) : .failure(.notOneOf(values))
        case .integer:
            guard let number = Rational(parsing: text), number.isInteger, !text.contains(".") else {
                return .failure(.expected("a whole number"))
            }
            return .success(.number(number))
        case .decimal:
            guard !text.contains("/"), let number = Rational(parsing: text) else {
                return .failure(.expected("a decimal number such as 89.53"))
            }
            return .success(.number(number))
        case .date:
            guard let date = CivilDate(iso: text) else { return .failure(.expected("a date YYYY-MM-DD")) }
            return .success(.date(date))
        case .boolean:
            switch text.lowercased() {
            case "true", "yes", "是": return .success(.boolean(true))
            case "false", "no", "否": return .success(.boolean(false))
            default: return .failure(.expected("true or false"))
            }
        }
    }
}

/// Why a text is not a value of a field's type.
public enum FieldValueProblem: Error, Hashable, Sendable, CustomStringConvertible {
    case expected(String)
    case notOneOf([String])

    public var description: String {
        switch self {
        case .expected(let what): "expected \(what)"
        case .notOneOf(let values): "expected one of " + values.joined(separator: ", ")
        }
    }
}

extension Rational {
    /// The exact decimal text when the denominator is a product of 2s and 5s (`89.53`),
    /// otherwise the fraction (`2/3`).
    public var exactDecimalText: String {
        var remaining = denominator
        var places = 0
        while remaining % 10 == 0 { remaining /= 10; places += 1 }
        while remaining % 2 == 0 { remaining /= 2; places += 1 }
        while remaining % 5 == 0 { remaining /= 5; places += 1 }
        // Past 18 places 10^places no longer fits in 64 bits; such values read better as fractions anyway.
        guard remaining == 1, places <= 18 else { return description }
        return decimalString(places: places)
    }
}
