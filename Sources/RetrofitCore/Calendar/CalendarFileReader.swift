import Yams

/// Reads the YAML of one calendar file, turning every problem into a
/// ``CalendarError/invalid(file:line:column:message:)`` that points at the offending node.
struct CalendarFileReader {
    let file: String

    /// The document's root node.
    func root(of text: String) throws(CalendarError) -> Node {
        let composed: Node?
        do {
            composed = try YAMLReader.compose(text)
        } catch let error as YamlError {
            throw syntaxError(error)
        } catch {
            throw CalendarError.invalid(file: file, line: 1, column: 1, message: "cannot read the YAML: \(error)")
        }
        guard let composed else {
            throw CalendarError.invalid(file: file, line: 1, column: 1, message: "the file is empty")
        }
        return composed
    }

    /// An error positioned at `node` (or the file's start when the node has no position).
    func error(at node: Node, _ message: String) -> CalendarError {
        let mark = node.mark
        return .invalid(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1, message: message)
    }

    /// The values of a mapping by key, after checking it has every required key and no other.
    func fields(
        of node: Node, in what: String, required: [String], optional: [String] = []
    ) throws(CalendarError) -> [String: Node] {
        guard let mapping = node.mapping else {
            throw error(at: node, "\(what) must be a mapping of keys to values")
        }
        let known = required + optional
        var fields: [String: Node] = [:]
        for (key, value) in mapping {
            guard let name = key.scalar?.string, known.contains(name) else {
                let shown = key.scalar?.string ?? "this key"
                throw error(at: key, "unknown key \(shown) in \(what); expected \(known.joined(separator: ", "))")
            }
            fields[name] = value
        }
        for name in required where fields[name] == nil {
            throw error(at: node, "\(what) is missing the key \(name)")
        }
        return fields
    }

    /// A non-empty text.
    func text(_ node: Node, named key: String) throws(CalendarError) -> String {
        guard let scalar = node.scalar, node.tag.description != Tag.Name.null.rawValue else {
            throw error(at: node, "\(key) must be a text")
        }
        let value = PlainText.trimmed(scalar.string)
        guard !value.isEmpty else { throw error(at: node, "\(key) must not be empty") }
        return value
    }

    /// A whole number.
    func integer(_ node: Node, named key: String) throws(CalendarError) -> Int {
        guard let scalar = node.scalar, let value = Int(scalar.string) else {
            throw error(at: node, "\(key) \(shown(node)) is not a whole number")
        }
        return value
    }

    /// A `YYYY-MM-DD` date that exists.
    func date(_ node: Node, named key: String) throws(CalendarError) -> CivilDate {
        guard let scalar = node.scalar, let value = CivilDate(iso: scalar.string) else {
            throw error(at: node, "\(key) \(shown(node)) is not a date; write dates as YYYY-MM-DD")
        }
        return value
    }

    /// The items of a list; an empty value (`key:` with nothing after it) is an empty list.
    func list(_ node: Node, named key: String) throws(CalendarError) -> [Node] {
        if let sequence = node.sequence { return Array(sequence) }
        if node.tag.description == Tag.Name.null.rawValue { return [] }
        throw error(at: node, "\(key) must be a list")
    }

    private func shown(_ node: Node) -> String {
        node.scalar.map { $0.string.isEmpty ? "(empty)" : $0.string } ?? "(a list or mapping)"
    }

    private func syntaxError(_ error: YamlError) -> CalendarError {
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return .invalid(file: file, line: mark.line, column: mark.column, message: "YAML syntax: \(problem)")
        case let .duplicatedKeysInMapping(duplicates, context):
            return .invalid(
                file: file, line: context.mark.line, column: context.mark.column,
                message: "duplicate key \(duplicates.joined(separator: ", "))"
            )
        default:
            return .invalid(file: file, line: 1, column: 1, message: "cannot read the YAML: \(error)")
        }
    }
}
