import ArgumentParser

// Every command sets its commandName: without one, ArgumentParser derives it with
// String(describing:), about 1.3 M instructions a command at each start (callgrind).
@main
struct Retrofit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retrofit",
        abstract: "Case workflow engine for elevator retrofits in existing homes (既有住宅加装电梯).",
        discussion: """
            Every change to a case is an event in an append-only log in one SQLite file; workflow files \
            say which stages exist, who may move a case, under what conditions, and how long each stage \
            may take, counted in working days.

            Start with: retrofit demo (builds a sample database and shows what is overdue).

            Exit codes: 0 ok; 1 checks found problems; 2 bad input; 3 refused by the workflow; \
            4 conflict (the case changed meanwhile); 5 database problem; 64 command-line usage.
            """,
        version: "0.1.0",
        subcommands: [
            CaseGroup.self, OverdueCommand.self, QueueCommand.self, ConsultGroup.self, ReportGroup.self,
            AuditGroup.self, ImportCommand.self, ExportCommand.self, WorkflowGroup.self, CalendarGroup.self,
            PeopleGroup.self, AdminGroup.self, DemoCommand.self, ServeCommand.self,
        ]
    )

    /// Parses, runs, and turns a failure into its exit code: the one place that does (``exit(reporting:)``).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            retrofit.exit(reporting: error)
        }
    }
}
