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

    struct Validate: ParsableCommand {
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

        func run() throws {
            try runReporting {
                let calendars = Set(try global.loadCalendars().keys)
                let sources = files.isEmpty ? try global.workflowFiles() : try files.map { path throws(CommandFailure) in try FileLoading.readFile(path) }
                var problems: [SourceProblem] = []
                var seen: [String: String] = [:]
                for file in sources {
                    switch WorkflowLoader.load(text: file.text, file: file.path, knownCalendars: calendars) {
                    case .success(let definition):
                        if let other = seen[definition.id] {
                            problems.append(SourceProblem(file: file.path, line: 1, column: 1, message: "workflow id '\(definition.id)' is also declared in \(other)"))
                        }
                        seen[definition.id] = file.path
                        print("ok: \(file.path) — \(definition.id) v\(definition.version), \(definition.stages.count) stages")
                    case .failure(let found):
                        problems += found.problems
                    }
                }
                for problem in problems { printError(problem.description) }
                if !problems.isEmpty {
                    throw CommandFailure.findings("\(problems.count) problem\(problems.count == 1 ? "" : "s") found")
                }
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the workflows in force.",
                                                        discussion: "Example:\n  retrofit workflow list --json")
        @OptionGroup var global: GlobalOptions
        @Flag(help: "Print as JSON.") var json = false

        func run() throws {
            try runReporting {
                let catalog = try global.catalog()
                var rows: [[String: JSONValue]] = []
                var table = TextTable(["id", "version", "stages", "title", "file"])
                for file in catalog.files {
                    guard case .success(let definition) = WorkflowLoader.load(text: file.text, file: file.path) else {
                        table.add([file.stem, "", "", "(invalid: run 'retrofit workflow validate')", file.path])
                        continue
                    }
                    table.add([definition.id, "\(definition.version)", "\(definition.stages.count)", definition.title, file.path])
                    rows.append(["id": .string(definition.id), "version": .integer(definition.version),
                                 "title": .string(definition.title), "file": .string(file.path)])
                }
                if json { try printJSON(rows) } else { print(table.render()) }
            }
        }
    }

    struct Show: ParsableCommand {
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

        func run() throws {
            try runReporting {
                let definition: WorkflowDefinition
                do { definition = try global.catalog().load(id) } catch let error as WorkflowLookupError {
                    throw CommandFailure.badInput(HintText.text(error))
                }
                switch format {
                case .text: print(WorkflowText.describe(definition))
                case .mermaid: print(WorkflowText.mermaid(definition))
                case .dot: print(WorkflowText.dot(definition))
                case .json: try printJSON(WorkflowJSON(definition))
                }
            }
        }
    }
}
