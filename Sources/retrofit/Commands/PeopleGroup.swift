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
        subcommands: [Add.self, List.self]
    )

    struct Add: ParsableCommand {
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

        func run() throws {
            try runReporting {
                let store = try global.store(.write)
                let people = try store.people()
                let actor = global.actorName
                let actorRole = people.first { $0.name == actor }?.role
                let person = PersonRegistered(name: name.trimmingCharacters(in: .whitespaces), role: role,
                                              district: district?.trimmingWhitespaceForCLI())
                if let district = person.district {
                    try PersonRegistered.checkDistrict(district, known: try global.catalog().districts())
                }
                if let rejection = PersonRegistered.decide(person, actor: actor, actorRole: actorRole, registeredCount: people.count) {
                    throw rejection.kind == .invalidInput ? CommandFailure.badInput(HintText.text(rejection)) : CommandFailure.refused(HintText.text(rejection))
                }
                let now = try global.clock()
                let occurredAt = try global.time(at, option: "--at") ?? now
                if occurredAt > now {
                    throw CommandFailure.badInput("--at \(occurredAt) is in the future (now is \(now)); events cannot be recorded ahead of time")
                }
                if person.changesNothing(in: people) {
                    print("nothing changed: \(person.name) is already \(role.withArticle)" + (person.district.map { " in \($0)" } ?? ""))
                    return
                }
                try store.register(person, expectedCount: people.count, at: occurredAt, recordedAt: now, actor: actor)
                print("\(person.name) is \(role.withArticle)" + (person.district.map { " in \($0)" } ?? ""))
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the people register.", discussion: "Example:\n  retrofit people list --json")
        @OptionGroup var global: GlobalOptions
        @Flag(help: "Print as JSON.") var json = false

        func run() throws {
            try runReporting {
                let people = try global.store(.read).people()
                if json {
                    try printJSON(people.map { ["name": JSONValue.string($0.name), "role": .string($0.role.rawValue), "district": .optional($0.district)] })
                    return
                }
                var table = TextTable(["name", "role", "district"])
                for person in people { table.add([person.name, person.role.rawValue, person.district ?? ""]) }
                print(table.render())
            }
        }
    }
}

extension Role: ExpressibleByArgument {}
