import ArgumentParser
import RetrofitApp
import RetrofitCore
import RetrofitReports

struct PeopleGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "people",
        abstract: "The register of who may act: helpers, managers, auditors, admins.",
        discussion: """
            While the register is empty anyone may act. The first person added must be an admin; \
            after that only admins add people, and only registered people may act.
            """,
        subcommands: [Add.self, List.self, Password.self, Token.self, Tokens.self, RevokeToken.self, Disable.self, Enable.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add a person, or change their role or district.",
            discussion: """
                Example:
                  retrofit people add 张伟 --role admin
                  retrofit people add 李娜 --role helper --district 德城区 --actor 张伟
                """
        )
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The person's name.") var name: String
        @Option(help: "helper, manager, auditor or admin.") var role: Role
        @Option(help: "The district they work in: one of the workflows' districts.") var district: String?
        @Option(help: "When it happened, YYYY-MM-DD[THH:MM].") var at: String?

        func run() async throws {
            let occurredAt = try global.time(at, option: "--at")
            if let occurredAt {
                let now = try global.clock()
                if occurredAt > now {
                    throw CommandFailure.badInput("--at \(occurredAt) is in the future (now is \(now)); events cannot be recorded ahead of time")
                }
            }
            let request = RegisterPersonRequest(name: name, role: role, district: district, at: occurredAt)
            let result = try await global.app().registerPerson(request, by: global.actingPerson, created: NewDatabase.created)
            let person = result.person
            let place = person.district.map { " in \($0)" } ?? ""
            print(result.changed ? "\(person.name) is \(role.withArticle)\(place)" : "nothing changed: \(person.name) is already \(role.withArticle)\(place)")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the people register.", discussion: "Example:\n  retrofit people list --json")
        @OptionGroup var global: GlobalOptions
        @Flag(help: "Print as JSON.") var json = false

        func run() async throws {
            let people = try await global.app().people(by: global.actingPerson)
            if json {
                try printJSON(people)
                return
            }
            // The status column appears once someone is disabled.
            let anyDisabled = people.contains { !$0.active }
            var table = TextTable(["name", "role", "district"] + (anyDisabled ? ["status"] : []))
            for person in people {
                table.add([person.name, person.role, person.district ?? ""] + (anyDisabled ? [person.active ? "active" : "disabled"] : []))
            }
            print(table.render())
        }
    }
}

extension Role: ExpressibleByArgument {}
