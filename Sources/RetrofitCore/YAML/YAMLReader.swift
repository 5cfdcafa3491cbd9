import Yams

/// Reads a YAML document node by node, collecting every problem with its line and column
/// instead of stopping at the first, so a file's author sees all mistakes at once.
class YAMLReader {
    let file: String
    private(set) var problems: [SourceProblem] = []

    init(file: String) { self.file = file }

    /// Yams' node tree of `text`. Every value is read as text and parsed by our own exact readers, so
    /// no tag resolution (regexes per scalar) is needed; the encoding is given because Yams' default
    /// reads the whole process environment to choose it.
    static func compose(_ text: String) throws -> Node? {
        try Yams.compose(yaml: text, .basic, .default, .utf8)
    }

    /// The document's root node, or nil after recording the syntax error.
    func root(of text: String) -> Node? {
        do {
            guard let node = try YAMLReader.compose(text) else {
                report(line: 1, column: 1, "the file is empty")
                return nil
            }
            return node
        } catch let error as YamlError {
            switch error {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
                report(line: mark.line, column: mark.column, "YAML syntax error: \(problem)")
            case .duplicatedKeysInMapping(let duplicates, _):
                report(line: 1, column: 1, "duplicate keys: \(duplicates.joined(separator: ", "))")
            default:
                report(line: 1, column: 1, "YAML error: \(error)")
            }
            return nil
        } catch {
            report(line: 1, column: 1, "YAML error: \(error)")
            return nil
        }
    }

    func report(line: Int, column: Int, _ message: String) {
        problems.append(SourceProblem(file: file, line: line, column: column, message: message))
    }

    func report(_ node: Node, _ message: String) {
        report(line: node.mark?.line ?? 1, column: node.mark?.column ?? 1, message)
    }

    /// The key/value pairs of a mapping, reporting unknown and duplicate keys.
    /// Returns nil (after reporting) when `node` is not a mapping.
    func mapping(_ node: Node, what: String, allowed: [String]) -> [String: Node]? {
        guard case .mapping(let mapping) = node else {
            report(node, "\(what) must be a mapping of keys to values")
            return nil
        }
        var result: [String: Node] = [:]
        for (keyNode, value) in mapping {
            guard let key = keyNode.scalar?.string else {
                report(keyNode, "keys in \(what) must be plain words")
                continue
            }
            if result[key] != nil {
                report(keyNode, "duplicate key '\(key)' in \(what)")
            } else if !allowed.contains(key) {
                let hint = allowed.closestMatch(to: key).map { " (did you mean '\($0)'?)" } ?? ""
                report(keyNode, "unknown key '\(key)' in \(what)\(hint); expected one of: \(allowed.joined(separator: ", "))")
            } else {
                result[key] = value
            }
        }
        return result
    }

    /// The mapping's keys with their nodes in file order (for maps like `fields:` keyed by name).
    func orderedPairs(_ node: Node, what: String) -> [(key: String, keyNode: Node, value: Node)] {
        guard case .mapping(let mapping) = node else {
            report(node, "\(what) must be a mapping")
            return []
        }
        var seen: Set<String> = []
        var result: [(String, Node, Node)] = []
        for (keyNode, value) in mapping {
            guard let key = keyNode.scalar?.string else {
                report(keyNode, "keys in \(what) must be plain words")
                continue
            }
            guard seen.insert(key).inserted else {
                report(keyNode, "duplicate '\(key)' in \(what)")
                continue
            }
            result.append((key, keyNode, value))
        }
        return result
    }

    func sequence(_ node: Node, what: String) -> [Node] {
        if case .sequence(let sequence) = node { return Array(sequence) }
        report(node, "\(what) must be a list")
        return []
    }

    func text(_ node: Node?, what: String) -> String? {
        guard let node else { return nil }
        guard let scalar = node.scalar else {
            report(node, "\(what) must be a single value")
            return nil
        }
        return scalar.string
    }

    func nonEmptyText(_ node: Node?, what: String) -> String? {
        guard let node, let value = text(node, what: what) else { return nil }
        let trimmed = value.trimmingWhitespace()
        if trimmed.isEmpty { report(node, "\(what) must not be empty") }
        return trimmed.isEmpty ? nil : trimmed
    }

    func integer(_ node: Node?, what: String) -> Int? {
        guard let node, let value = text(node, what: what) else { return nil }
        guard let number = Int(value.trimmingWhitespace()) else {
            report(node, "\(what) must be a whole number, not '\(value)'")
            return nil
        }
        return number
    }

    func boolean(_ node: Node?, what: String) -> Bool? {
        guard let node, let value = text(node, what: what) else { return nil }
        switch value {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            report(node, "\(what) must be true or false, not '\(value)'")
            return nil
        }
    }

    func textList(_ node: Node?, what: String) -> [(String, Node)] {
        guard let node else { return [] }
        if node.scalar != nil, let single = text(node, what: what) { return [(single, node)] }
        return sequence(node, what: what).compactMap { item in text(item, what: what).map { ($0, item) } }
    }
}

extension Node {
    /// Column where the scalar's text starts, past an opening quote.
    var textColumn: Int {
        guard let mark else { return 1 }
        switch scalar?.style {
        case .singleQuoted?, .doubleQuoted?: return mark.column + 1
        default: return mark.column
        }
    }
}

extension Array where Element == String {
    /// The element nearest to `word` by edit distance, if it is close enough to be a likely typo.
    func closestMatch(to word: String) -> String? {
        NameSuggestion.closest(to: word, among: self, limit: 1).first
    }
}
