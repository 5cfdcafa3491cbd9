import ArgumentParser
import RetrofitReports
import RetrofitStore

struct AuditGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Check that the event log was not altered: verify the hash chain, print its head.",
        discussion: """
            Each event's SHA-256 hash covers its content and the previous event's hash, so changing, deleting or \
            reordering any event breaks the chain from there on. Keep the head printed at year end (e.g. in the \
            audit report): removing the latest events leaves a shorter chain that still verifies, and only a \
            head kept elsewhere shows it.
            Examples:
              retrofit audit verify
              retrofit audit head --json
            """,
        subcommands: [Verify.self, Head.self]
    )

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract: "Recompute every event's hash; print 'ok: N events, head HASH' or the first event that does not match (exit 1).",
            discussion: "Example:\n  retrofit audit verify"
        )
        @OptionGroup var global: GlobalOptions
        @Flag(help: "Print as JSON: {ok, events, head, brokenAt, problem}.") var json = false

        func run() throws {
            try runReporting {
                let chain = try global.store(.read).verifyChain()
                if json {
                    try printJSON(JSONValue.object([
                        "ok": .boolean(chain.isIntact), "events": .integer(chain.events), "head": .string(chain.head),
                        "brokenAt": chain.firstBroken.map { .integer(Int($0.sequence)) } ?? .null,
                        "problem": .optional(chain.firstBroken?.problem),
                    ]))
                } else {
                    print(chain.description)
                }
                if !chain.isIntact { throw CommandFailure.findings(nil) }
            }
        }
    }

    struct Head: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "head",
            abstract: "Print the last event's sequence number and hash.",
            discussion: "Example:\n  retrofit audit head\n  retrofit audit head --json"
        )
        @OptionGroup var global: GlobalOptions
        @Flag(help: "Print as JSON: {sequence, hash}.") var json = false

        func run() throws {
            try runReporting {
                let head = try global.store(.read).head()
                if json {
                    try printJSON(JSONValue.object(["sequence": .integer(Int(head.sequence)), "hash": .string(head.hash)]))
                } else {
                    print(AuditHead(sequence: head.sequence, hash: head.hash).description)
                }
            }
        }
    }
}
