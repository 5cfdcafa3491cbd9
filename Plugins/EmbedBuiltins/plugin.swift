import Foundation
import PackagePlugin

/// Turns `workflows/*.yaml` and `calendars/*.yaml` into Swift source, so the shipped
/// definitions live in the binary and the YAML files stay their one source.
@main
struct EmbedBuiltins: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let root = context.package.directoryURL
        var inputs: [URL] = []
        for folder in ["workflows", "calendars"] {
            let directory = root.appending(path: folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            inputs += names.filter { $0.hasSuffix(".yaml") }.sorted().map { directory.appending(path: $0) }
        }
        let output = context.pluginWorkDirectoryURL.appending(path: "BuiltinFiles.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) workflow and calendar files",
                executable: try context.tool(named: "EmbedFiles").url,
                arguments: [output.path] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: [output]
            ),
        ]
    }
}
