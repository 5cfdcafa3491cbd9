import ArgumentParser
import RetrofitApp
import RetrofitCore
import RetrofitReports

struct WorkflowGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workflow",
        abstract: "Check, list and draw workflow definitions.",
        subcommands: [Validate.self, List.self, Show.self]
    )

    struct Validate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "validate",
            abstract: "Check workflow files and print every problem as FILE:LINE:COLUMN: message.",
            discussion: """
                With no files, checks every file in the workflows folder in force (--workflows, ./workflows, \
                or the built-in ones). Exits 1 if any problem is found.
                Example:
                  retrofit workflow validate
                  retrofit workflow validate workflows/examples/*.yaml
                """
        )
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Workflow files to check.") var files: [String] = []

        func run() async throws {
            let sources = files.isEmpty ? nil : try files.map { path throws(CommandFailure) in try FileLoading.readFile(path) }
            let result = try await global.app().validateWorkflows(WorkflowValidationRequest(files: sources), by: global.actingPerson)
            for file in result.valid { print("ok: \(file.file) — \(file.id) v\(file.version), \(file.stages) stages") }
            for problem in result.problems { printError(problem.description) }
            if let findings = result.findings { throw findings }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the workflows in force.",
                                                        discussion: "Example:\n  retrofit workflow list --json")
        @OptionGroup var global: GlobalOptions
        @Flag(help: "Print as JSON.") var json = false

        func run() async throws {
            let listings = try await global.app().listWorkflows(by: global.actingPerson)
            if json {
                try printJSON(listings.compactMap(\.summary))
                return
            }
            var table = TextTable(["id", "version", "stages", "title", "file"])
            for listing in listings {
                guard let summary = listing.summary else {
                    table.add([listing.stem, "", "", "(invalid: run 'retrofit workflow validate')", listing.file])
                    continue
                }
                table.add([summary.id, "\(summary.version)", "\(listing.stages ?? 0)", summary.title, summary.file])
            }
            print(table.render())
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show a workflow's stages, moves and deadlines, or draw it.",
            discussion: """
                Example:
                  retrofit workflow show elevator-retrofit
                  retrofit workflow show elevator-retrofit --format mermaid
                  retrofit workflow show elevator-retrofit --format dot | dot -Tsvg > workflow.svg
                """
        )
        enum Format: String, ExpressibleByArgument, CaseIterable { case text, mermaid, dot, json }
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The workflow id.") var id: String
        @Option(help: "text, mermaid, dot or json.") var format: Format = .text

        func run() async throws {
            let definition = try await global.app().workflow(id, by: global.actingPerson)
            switch format {
            case .text: print(WorkflowText.describe(definition))
            case .mermaid: print(WorkflowText.mermaid(definition))
            case .dot: print(WorkflowText.dot(definition))
            case .json: try printJSON(WorkflowJSON(definition))
            }
        }
    }
}
