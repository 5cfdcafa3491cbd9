/// Splits a guard's source into tokens, counting offsets in characters.
///
/// Numbers are read exactly into `Rational` (`2/3`, `0.75`, `-1`), dates as `YYYY-MM-DD`, text
/// between matching quotes (`'…'`, `"…"`, `‘…’`, `“…”`), with no escapes inside.
struct GuardLexer {
    private let characters: [Character]
    private var index = 0

    init(_ source: String) {
        characters = Array(source)
    }

    /// Every token of the source, or the first thing that cannot be read.
    static func tokens(of source: String) throws(GuardSyntaxError) -> [GuardToken] {
        var lexer = GuardLexer(source)
        var tokens: [GuardToken] = []
        while let token = try lexer.next() { tokens.append(token) }
        return tokens
    }

    /// The quote that closes a text opened by `opening`, nil when it opens none. A switch, not a dictionary:
    /// a `[Character: Character]` costs half a million instructions to set up in a process that parses one guard.
    private static func closingQuote(of opening: Character) -> Character? {
        switch opening {
        case "'": "'"
        case "\"": "\""
        case "‘": "’"
        case "“": "”"
        default: nil
        }
    }

    private mutating func next() throws(GuardSyntaxError) -> GuardToken? {
        while let character = peek(), character.isWhitespace { index += 1 }
        guard let character = peek() else { return nil }
        let start = index
        if character.isIdentifierStart {
            while let next = peek(), next.isIdentifierStart || next.isASCIIDigit { index += 1 }
            let word = spelling(from: start)
            return GuardToken(kind: .word(word), offset: start, spelling: word)
        }
        if character.isASCIIDigit || (character == "-" && peek(1)?.isASCIIDigit == true) {
            return try number()
        }
        if let closing = GuardLexer.closingQuote(of: character) {
            return try text(closing: closing)
        }
        return try symbol(character)
    }

    private mutating func symbol(_ character: Character) throws(GuardSyntaxError) -> GuardToken {
        let start = index
        index += 1
        switch character {
        case "(", ")":
            break
        case "<", ">":
            if peek() == "=" { index += 1 }
        case "=", "!":
            guard peek() == "=" else {
                let message = character == "="
                    ? "expected '==' to compare; a single '=' is not an operator"
                    : "expected '!=' after '!'; write 'not' to negate a condition"
                throw GuardSyntaxError(offset: start, message: message)
            }
            index += 1
        case "-":
            throw GuardSyntaxError(offset: index, message: "expected a digit after '-'")
        default:
            let hint = character.isLetter ? "; put text in quotes, as in '德城区'" : ""
            throw GuardSyntaxError(offset: start, message: "unexpected character '\(character)'\(hint)")
        }
        let symbol = spelling(from: start)
        return GuardToken(kind: .symbol(symbol), offset: start, spelling: symbol)
    }

    private mutating func text(closing: Character) throws(GuardSyntaxError) -> GuardToken {
        let start = index
        index += 1
        while let character = peek(), character != closing { index += 1 }
        guard peek() == closing else {
            throw GuardSyntaxError(
                offset: start,
                message: "unterminated text: the \(characters[start]) opened here has no closing \(closing)")
        }
        index += 1
        let content = String(characters[(start + 1)..<(index - 1)])
        return GuardToken(kind: .text(content), offset: start, spelling: spelling(from: start))
    }

    private mutating func number() throws(GuardSyntaxError) -> GuardToken {
        let start = index
        if peek() == "-" { index += 1 }
        let wholeDigits = readDigits()
        if start == index - wholeDigits, wholeDigits == 4, peek() == "-", peek(1)?.isASCIIDigit == true {
            return try date(from: start)
        }
        var isDecimal = false
        var isFraction = false
        if peek() == "." {
            index += 1
            guard readDigits() > 0 else {
                throw GuardSyntaxError(offset: index, message: "expected a digit after the decimal point")
            }
            isDecimal = true
        }
        if peek() == "/" {
            guard !isDecimal else { throw fractionOfWholeNumbers(from: start) }
            index += 1
            guard readDigits() > 0 else {
                throw GuardSyntaxError(offset: index, message: "expected a whole number after '/'")
            }
            guard peek() != "." else { throw fractionOfWholeNumbers(from: start) }
            isFraction = true
        }
        if let next = peek(), next.isIdentifierStart || next == "." {
            throw GuardSyntaxError(
                offset: index, message: "unexpected '\(next)' right after the number \(spelling(from: start))")
        }
        let written = spelling(from: start)
        guard let value = Rational(parsing: written) else {
            if isFraction, let slash = written.firstIndex(of: "/"), written[written.index(after: slash)...].allSatisfy({ $0 == "0" }) {
                throw GuardSyntaxError(offset: start, message: "\(written) divides by zero")
            }
            throw GuardSyntaxError(offset: start, message: "\(written) is too large or too precise to hold exactly")
        }
        return GuardToken(kind: .number(value, writtenAsFraction: isFraction), offset: start, spelling: written)
    }

    private func fractionOfWholeNumbers(from start: Int) -> GuardSyntaxError {
        GuardSyntaxError(offset: start, message: "a fraction is written with whole numbers, as in 2/3")
    }

    private mutating func date(from start: Int) throws(GuardSyntaxError) -> GuardToken {
        while let next = peek(), next.isASCIIDigit || next == "-" { index += 1 }
        let written = spelling(from: start)
        let parts = written.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.map(\.count) == [4, 2, 2], peek()?.isIdentifierStart != true else {
            throw GuardSyntaxError(offset: start, message: "expected a date written YYYY-MM-DD, found \(written)")
        }
        guard let date = CivilDate(iso: written) else {
            throw GuardSyntaxError(offset: start, message: "\(written) is not a day on the calendar")
        }
        return GuardToken(kind: .date(date), offset: start, spelling: written)
    }

    /// Advances over ASCII digits and returns how many there were.
    private mutating func readDigits() -> Int {
        let start = index
        while let next = peek(), next.isASCIIDigit { index += 1 }
        return index - start
    }

    private func peek(_ ahead: Int = 0) -> Character? {
        let position = index + ahead
        return position < characters.count ? characters[position] : nil
    }

    private func spelling(from start: Int) -> String {
        String(characters[start..<index])
    }
}

private extension Character {
    var isASCIIDigit: Bool { asciiValue.map { (48...57).contains($0) } ?? false }

    /// `A`–`Z`, `a`–`z` or `_`: what a field name starts with.
    var isIdentifierStart: Bool {
        guard isASCII, let value = asciiValue, self != "\r\n" else { return false }
        return (65...90).contains(value) || (97...122).contains(value) || value == 95
    }
}
