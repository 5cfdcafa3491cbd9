import ArgumentParser
import Foundation
import RetrofitApp
import RetrofitCore
import RetrofitReports

// How people sign in to `retrofit serve`: passwords, API tokens, disabling. On the command line the operator
// holds the database file and may manage anyone's access; the log records who did it, never the secret.
extension PeopleGroup {
    struct Password: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "password",
            abstract: "Set or reset a person's password for signing in to the server.",
            discussion: """
                Reads the password twice from the terminal, or once (one line) from standard input when that is \
                not a terminal. At least 10 characters, not the person's name.
                Example:
                  retrofit people password 张伟
                  printf '%s\\n' "$PASSWORD" | retrofit people password 张伟
                """
        )
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The person's name.") var name: String

        func run() async throws {
            let password = try PasswordInput.read(for: name)
            try await global.app().setPassword(password, for: name, by: global.actingPerson)
            print("password set for \(name)")
        }
    }

    struct Token: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "token",
            abstract: "Issue an API token for a person; prints the token alone, once.",
            discussion: """
                Scripts send it as 'Authorization: Bearer TOKEN'. Only its SHA-256 is kept: keep the token safe.
                Example:
                  retrofit people token 李娜 --label phone --expires 2027-06-30
                """
        )
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The person's name.") var name: String
        @Option(help: "A name for the token, to list and revoke it by (default token-N).") var label: String?
        @Option(help: "The last day the token works, YYYY-MM-DD (default: until revoked).") var expires: String?

        func run() async throws {
            var expiresOn: CivilDate?
            if let expires {
                guard let date = CivilDate(iso: expires) else {
                    throw CommandFailure.badInput("--expires '\(expires)' is not a date; expected YYYY-MM-DD, e.g. 2027-06-30")
                }
                expiresOn = date
            }
            let issued = try await global.app().issueToken(for: name, label: label, expiresOn: expiresOn, by: global.actingPerson)
            print(issued.token)
        }
    }

    struct Tokens: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "tokens", abstract: "List a person's API tokens (not their secrets).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The person's name.") var name: String
        @Flag(help: "Print as JSON.") var json = false

        func run() async throws {
            let tokens = try await global.app().tokens(of: name, by: global.actingPerson)
            if json {
                try printJSON(tokens)
                return
            }
            var table = TextTable(["label", "created", "expires", "status"])
            for token in tokens {
                table.add([token.label, token.createdAt.description, token.expiresOn?.description ?? "", token.revoked ? "revoked" : "active"])
            }
            print(table.render())
        }
    }

    struct RevokeToken: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "revoke-token", abstract: "Revoke one of a person's API tokens: it stops working at once.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The person's name.") var name: String
        @Argument(help: "The token's label (see 'people tokens').") var label: String

        func run() async throws {
            try await global.app().revokeToken(of: name, label: label, by: global.actingPerson)
            print("token \(label) of \(name) revoked")
        }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "disable",
            abstract: "Stop a person signing in: their sessions and tokens stop working at once; their past events stay theirs."
        )
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The person's name.") var name: String

        func run() async throws {
            let changed = try await global.app().setEnabled(false, person: name, by: global.actingPerson)
            print(changed ? "\(name) disabled" : "nothing changed: \(name) was already disabled")
        }
    }

    struct Enable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "enable", abstract: "Let a disabled person sign in again.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The person's name.") var name: String

        func run() async throws {
            let changed = try await global.app().setEnabled(true, person: name, by: global.actingPerson)
            print(changed ? "\(name) enabled" : "nothing changed: \(name) was already enabled")
        }
    }
}

/// A password from the terminal (twice, without echo) or from standard input (one line) for scripts.
enum PasswordInput {
    static func read(for name: String) throws(CommandFailure) -> String {
        guard isatty(STDIN_FILENO) == 1 else {
            guard let line = Swift.readLine(strippingNewline: true), !line.isEmpty else {
                throw .badInput("no password on standard input; give it as one line")
            }
            return line
        }
        let first = try prompt("New password for \(name): ")
        let second = try prompt("Again: ")
        guard first == second else { throw .badInput("the two passwords differ; nothing was changed") }
        return first
    }

    private static func prompt(_ text: String) throws(CommandFailure) -> String {
        guard let pointer = getpass(text) else { throw .badInput("could not read a password from the terminal") }
        return String(cString: pointer)
    }
}
