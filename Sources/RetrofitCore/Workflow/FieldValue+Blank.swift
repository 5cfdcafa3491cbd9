/// The rule every path follows (open, set, advance, ledger import, reports): a field value that is empty
/// or only white space (including the ideographic space U+3000 and line breaks) is not a value. Such a
/// field is not set, whatever its type; clearing a field is its own event (`fields-cleared`).
extension FieldValue {
    /// Whether `text` is empty or only white space: a field holding it is not set.
    public static func isBlank(_ text: some StringProtocol) -> Bool {
        text.allSatisfy(\.isWhitespace)
    }

    /// Whether `fields` has a value for `name` that is not blank.
    public static func isSet(_ name: String, in fields: [String: String]) -> Bool {
        guard let text = fields[name] else { return false }
        return !isBlank(text)
    }

    /// `fields` merged with `changes`, where a blank change unsets the field: how a case takes an
    /// event's values, so a blank written by an older version of retrofit reads as not set.
    public static func merge(_ changes: [String: String], into fields: inout [String: String]) {
        for (name, text) in changes {
            if isBlank(text) { fields.removeValue(forKey: name) } else { fields[name] = text }
        }
    }

    /// `fields` without blank values.
    public static func withoutBlanks(_ fields: [String: String]) -> [String: String] {
        fields.filter { !isBlank($0.value) }
    }
}
