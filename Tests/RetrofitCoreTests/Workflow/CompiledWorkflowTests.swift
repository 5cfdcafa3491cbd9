import Foundation
import RetrofitBuiltins
import RetrofitCore
import Testing

@Suite("Compiled workflows read back without YAML")
struct CompiledWorkflowTests {
    static let shippedAndExamples: [WorkflowCatalog.File] = {
        var files = BuiltinFiles.workflowFiles
        let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("workflows/examples")
        for name in ((try? FileManager.default.contentsOfDirectory(atPath: examples.path)) ?? []).sorted() where name.hasSuffix(".yaml") {
            if let text = try? String(contentsOf: examples.appendingPathComponent(name), encoding: .utf8) {
                files.append(WorkflowCatalog.File(path: "examples/\(name)", text: text))
            }
        }
        return files
    }()

    static func parsed(_ file: WorkflowCatalog.File) throws -> WorkflowDefinition {
        try WorkflowLoader.load(text: file.text, file: file.path).get()
    }

    @Test func everyBuiltInWorkflowIsEmbeddedCompiledAndEqualsParsingItsYAML() throws {
        let files = BuiltinFiles.workflowFiles
        #expect(!files.isEmpty)
        for file in files {
            let compiled = try #require(file.compiled, "\(file.path) has no compiled form")
            let decoded = try #require(CompiledWorkflow.decode(compiled, source: file.text), "\(file.path)")
            #expect(decoded == (try Self.parsed(file)), "\(file.path)")
        }
    }

    @Test(arguments: shippedAndExamples.map(\.path))
    func aCompiledFormReadsBackAsTheSameDefinition(path: String) throws {
        let file = try #require(Self.shippedAndExamples.first { $0.path == path })
        let definition = try Self.parsed(file)
        let decoded = try #require(CompiledWorkflow.decode(CompiledWorkflow.encode(definition), source: file.text))
        #expect(decoded == definition)
        // Guards are equal when their texts are: check they were parsed back into the same expression too.
        for (stage, original) in zip(decoded.stages, definition.stages) {
            for (transition, source) in zip(stage.transitions, original.transitions) {
                #expect(transition.guardExpression?.normalizedText == source.guardExpression?.normalizedText)
            }
        }
    }

    @Test func aFormMadeFromOtherTextIsNotUsed() throws {
        let file = try #require(BuiltinFiles.workflowFiles.first)
        let compiled = CompiledWorkflow.encode(try Self.parsed(file))
        #expect(CompiledWorkflow.decode(compiled, source: file.text + "\n# edited\n") == nil)
    }

    @Test(arguments: ["", "{}", "not json", #"{"format":999}"#])
    func anUnreadableOrForeignFormIsNotUsed(text: String) throws {
        let file = try #require(BuiltinFiles.workflowFiles.first)
        #expect(CompiledWorkflow.decode(text, source: file.text) == nil)
    }

    @Test func aFormOfAnotherFormatIsNotUsed() throws {
        let file = try #require(BuiltinFiles.workflowFiles.first)
        let compiled = CompiledWorkflow.encode(try Self.parsed(file))
        let other = compiled.replacingOccurrences(of: "\"format\":\(CompiledWorkflow.format)", with: "\"format\":\(CompiledWorkflow.format + 1)")
        #expect(other != compiled)
        #expect(CompiledWorkflow.decode(other, source: file.text) == nil)
    }

    @Test func aCatalogFileWhoseCompiledFormIsStaleIsParsedFromItsText() throws {
        let file = try #require(BuiltinFiles.workflowFiles.first { $0.stem == "elevator-retrofit" })
        let edited = file.text.replacingOccurrences(of: "version: 1", with: "version: 7")
        #expect(edited != file.text)
        let catalog = WorkflowCatalog(files: [WorkflowCatalog.File(path: file.path, text: edited, compiled: file.compiled)])
        #expect(try catalog.load("elevator-retrofit").version == 7)
    }
}
