/// Suggestions for a name that matches nothing: the known names a typo most likely meant.
public enum NameSuggestion {
    /// The Levenshtein distance between two names, counted in `Character`s, so a Chinese
    /// character or an accented letter is one edit, not several bytes.
    public static func editDistance(_ first: String, _ second: String) -> Int {
        let a = Array(first), b = Array(second)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }

    /// The most edits a name may be from a known one and still be suggested: two, or a third of its length.
    public static func tolerance(for word: String) -> Int { Swift.max(2, word.count / 3) }

    /// The known names nearest to `word`, all at the same fewest edits and no more than ``tolerance(for:)``,
    /// at most `limit` of them, in the given order.
    public static func closest(to word: String, among known: [String], limit: Int = 3) -> [String] {
        let scored = known.filter { $0 != word }.map { (name: $0, distance: editDistance($0, word)) }
        guard let best = scored.map(\.distance).min(), best <= tolerance(for: word) else { return [] }
        return Array(scored.filter { $0.distance == best }.prefix(limit).map(\.name))
    }

    /// ` (did you mean A or B?)`, or nothing when no known name is close.
    public static func didYouMean(_ word: String, among known: [String]) -> String {
        let close = closest(to: word, among: known)
        guard !close.isEmpty else { return "" }
        return " (did you mean \(close.joined(separator: " or "))?)"
    }
}

/// The names a value must be one of, e.g. the stages, districts or helpers a filter may name.
public struct KnownNames: Sendable, Hashable {
    /// What the names are, in the singular and the plural: `stage`, `stages`.
    public let what: String
    public let plural: String
    public let names: [String]

    public init(_ what: String, plural: String? = nil, names: some Sequence<String>) {
        self.what = what
        self.plural = plural ?? what + "s"
        var seen = Set<String>()
        self.names = names.filter { seen.insert($0).inserted }
    }

    /// Refuses a name that is not known, naming it and the closest known names; with no names known
    /// at all there is nothing to check against and every name passes.
    public func check(_ name: String, source: String? = nil) throws(Rejection) {
        guard !names.isEmpty, !names.contains(name) else { return }
        let from = source.map { " in \($0)" } ?? ""
        let close = NameSuggestion.closest(to: name, among: names)
        let hint = close.isEmpty ? "" : " (did you mean \(close.joined(separator: " or "))?)"
        let listed = names.count <= 20 ? "; known \(plural): \(names.joined(separator: ", "))" : ""
        throw Rejection(.invalidInput, "unknown \(what) '\(name)'\(from)\(hint)\(listed)",
                        hints: close.isEmpty ? [] : [.closestNames(close)])
    }
}
