/// The workflow files a command can use: the shipped ones, or a folder that overrides them.
///
/// Files are parsed only when asked for, so a command pays for the one workflow it needs.
public struct WorkflowCatalog: Sendable {
    public typealias File = CatalogFile

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
            if let definition = compiledDefinition(of: file), definition.id == id { return definition }
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
            if let definition = compiledDefinition(of: file) { return definition }
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

    /// The file's compiled form, when it has one made from its text and names a known calendar.
    private func compiledDefinition(of file: File) -> WorkflowDefinition? {
        guard let compiled = file.compiled, let definition = CompiledWorkflow.decode(compiled, source: file.text),
              knownCalendars?.contains(definition.calendar) ?? true else { return nil }
        return definition
    }

    /// Reads a stored definition (a case's pinned version): its compiled form when that is of this
    /// format and made from `source`, else the source itself. Stored text was valid when stored.
    public static func loadStored(source: String, compiled: String? = nil, id: String, version: Int) throws(WorkflowLookupError) -> WorkflowDefinition {
        if let compiled, let definition = CompiledWorkflow.decode(compiled, source: source), definition.id == id, definition.version == version {
            return definition
        }
        switch WorkflowLoader.load(text: source, file: "stored workflow \(id) v\(version)") {
        case .success(let definition): return definition
        case .failure(let problems): throw .invalid(problems)
        }
    }
}

public enum WorkflowLookupError: Error, Sendable, CustomStringConvertible {
    case unknown(id: String, available: [String])
    case invalid(SourceProblems)

    /// The sentence, naming no flag or command; ``detail`` follows it, and front ends put their words for
    /// ``hints`` between the two.
    public var message: String {
        switch self {
        case .unknown(let id, let available):
            "unknown workflow '\(id)'; available: \(available.isEmpty ? "none" : available.joined(separator: ", "))"
        case .invalid:
            "the workflow file has errors"
        }
    }

    /// The problems under the sentence, starting with their own punctuation; empty when there are none.
    public var detail: String {
        switch self {
        case .unknown: ""
        case .invalid(let problems): ":\n\(problems)"
        }
    }

    public var hints: [InputHint] {
        switch self {
        case .unknown: []
        case .invalid: [.run(SuggestedOperation(.validateWorkflow))]
        }
    }

    public var description: String { message + detail }
}
