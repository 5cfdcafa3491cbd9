/// One word, literal or symbol of a guard, with where it starts.
struct GuardToken: Hashable, Sendable {
    enum Kind: Hashable, Sendable {
        /// A name or keyword: `homes`, `and`, `least`.
        case word(String)
        case number(Rational, writtenAsFraction: Bool)
        case text(String)
        case date(CivilDate)
        /// `(`, `)`, `==`, `!=`, `<`, `<=`, `>`, `>=`.
        case symbol(String)
    }

    let kind: Kind
    /// 0-based character offset in the source.
    let offset: Int
    /// The characters as written.
    let spelling: String

    /// Whether this is the word `word` (keywords are lower case).
    func isWord(_ word: String) -> Bool { kind == .word(word) }

    func isSymbol(_ symbol: String) -> Bool { kind == .symbol(symbol) }

    /// How an error message names the token: `'and'`, `')'`, `number 6`, `text '德城区'`.
    var quoted: String {
        switch kind {
        case .word, .symbol: "'\(spelling)'"
        case .number: "number \(spelling)"
        case .text: "text \(spelling)"
        case .date: "date \(spelling)"
        }
    }
}
