/// A workflow or calendar file: its path (used in messages), its text, and its compiled form when one
/// was made (the built-in files have one, so loading them parses no YAML).
public struct CatalogFile: Sendable, Hashable {
    public let path: String
    public let text: String
    /// The file's compiled form (``CompiledWorkflow`` or ``CompiledCalendarFile``), when one was made.
    public let compiled: String?

    public init(path: String, text: String, compiled: String? = nil) {
        self.path = path
        self.text = text
        self.compiled = compiled
    }

    /// The file name without folder and `.yaml`, which names a workflow by convention.
    public var stem: String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return name.hasSuffix(".yaml") ? String(name.dropLast(5)) : name
    }
}
