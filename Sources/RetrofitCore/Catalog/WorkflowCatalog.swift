/// The workflow files a command can use: the shipped ones, or a folder that overrides them.
///
/// Files are parsed only when asked for, so a command pays for the one workflow it needs.
public struct WorkflowCatalog: Sendable {
    public struct File: Sendable, Hashable {
        public let path: String
        public let text: String

        public init(path: String, text: String) {
            self.path = path
            self.text = text
        }

        /// The file name without folder and `.yaml`, which names the workflow by convention.
        public var stem: String {
            let name = path.split(separator: "/").last.map(String.init) ?? path
            return name.hasSuffix(".yaml") ? String(name.dropLast(5)) : name
        }
    }

    public let files: [File]
    public let knownCalendars: Set<String>?

    public init(files: [File], knownCalendars: Set<String>? = nil) {
        self.files = files.sorted { $0.path < $1.path }
        self.knownCalendars = knownCalendars
    }

    /// Loads the workflow with this id: the file named `ID.yaml` first, else any file declaring it.
    public func load(_ id: String) throws(WorkflowLookupError) -> WorkflowDefinition {
        let candidates = files.filter { $0.stem == id } + files.filter { $0.stem != id }
        for file in candidates {
            switch WorkflowLoader.load(text: file.text, file: file.path, knownCalendars: knownCalendars) {
            case .success(let definition) where definition.id == id:
                return definition
            case .failure(let problems) where file.stem == id:
                throw .invalid(problems)
            default:
                continue
            }
        }
        throw .unknown(id: id, available: files.map(\.stem))
    }

    /// Every workflow the files define that loads without problems (`workflow validate` reports the others).
    public func definitions() -> [WorkflowDefinition] {
        files.compactMap { file in
            if case .success(let definition) = WorkflowLoader.load(text: file.text, file: file.path, knownCalendars: knownCalendars) {
                return definition
            }
            return nil
        }
    }

    /// The districts the workflows know: the values of their `district` enum fields, in file order, without repeats.
    public func districts() -> [String] { WorkflowCatalog.districts(of: definitions()) }

    public static func districts(of definitions: [WorkflowDefinition]) -> [String] {
        var seen = Set<String>()
        return definitions.flatMap { definition -> [String] in
            guard case .enumeration(let values)? = definition.field("district")?.type else { return [] }
            return values
        }.filter { seen.insert($0).inserted }
    }

    /// Parses a stored definition (a case's pinned version). Stored text was valid when stored.
    public static func loadStored(source: String, id: String, version: Int) throws(WorkflowLookupError) -> WorkflowDefinition {
        switch WorkflowLoader.load(text: source, file: "stored workflow \(id) v\(version)") {
        case .success(let definition): return definition
        case .failure(let problems): throw .invalid(problems)
        }
    }
}

public enum WorkflowLookupError: Error, Sendable, CustomStringConvertible {
    case unknown(id: String, available: [String])
    case invalid(SourceProblems)

    public var description: String {
        switch self {
        case .unknown(let id, let available):
            "unknown workflow '\(id)'; available: \(available.isEmpty ? "none" : available.joined(separator: ", "))"
        case .invalid(let problems):
            "the workflow file has errors (run 'retrofit workflow validate'):\n\(problems)"
        }
    }
}
