import ArgumentParser
import RetrofitApp
import RetrofitReports

struct AuditGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Check that the event log was not altered: verify the hash chain and signed checkpoints, print its head.",
        discussion: """
            Each event's SHA-256 hash covers its content and the previous event's hash, so changing, deleting or \
            reordering any event breaks the chain from there on. The chain alone does not stop someone who can write \
            the file from rewriting events and recomputing every hash: sign checkpoints with a key kept away from the \
            database ('audit keygen', 'audit checkpoint'), and verify with its public key, or against a head printed \
            earlier (--expect-head). Whoever holds both the private key and the database can still rewrite both.
            Examples:
              retrofit audit keygen --out /secure/retrofit-audit.key
              retrofit audit checkpoint --key /secure/retrofit-audit.key
              retrofit audit verify --public-key retrofit-audit.key.pub
              retrofit audit verify --expect-head SEQ:HASH   (as 'audit head' printed them)
              retrofit audit head --json
            """,
        subcommands: [Verify.self, Head.self, Keygen.self, Checkpoint.self]
    )

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract: "Recompute every event's hash and check the stored checkpoints; print 'ok: N events, head HASH' or what does not match (exit 1).",
            discussion: """
                Every checkpoint stored in the database is checked: the log must still hash to its head. With \
                --public-key, each checkpoint's signature must also be that key's (and at least one checkpoint must \
                exist). With --expect-head SEQ:HASH (as 'audit head' prints them), the log must hash to HASH at event SEQ.
                Examples:
                  retrofit audit verify
                  retrofit audit verify --public-key retrofit-audit.key.pub
                  retrofit audit verify --expect-head SEQ:HASH   (as 'audit head' printed them)
                """
        )
        @OptionGroup var global: GlobalOptions
        @Option(name: .customLong("public-key"), help: ArgumentHelp("A public key file (from 'audit keygen'); checkpoints must be signed by it (repeat for several keys).", valueName: "file"))
        var publicKeys: [String] = []
        @Option(name: .customLong("expect-head"), help: ArgumentHelp("A head kept elsewhere, SEQ:HASH (or as 'audit head' prints it): the log must hash to HASH at event SEQ.", valueName: "seq:hash"))
        var expectHead: String?
        @Flag(help: "Print as JSON: {ok, events, head, brokenAt, brokenCase, brokenType, problem, checkpoints, expectedHead}.") var json = false

        func run() async throws {
            let keys = try publicKeys.map { path throws(CommandFailure) in try AuditKeyFile.publicKey(path) }
            let expected = try expectHead.map { text throws(CommandFailure) in try AuditKeyFile.head(text, option: "--expect-head") }
            let result = try await global.app().verifyAudit(AuditVerifyRequest(publicKeys: keys, expectedHead: expected), by: global.actingPerson)
            if json {
                try printJSON(result)
            } else {
                result.lines.forEach { print($0) }
            }
            if let findings = result.findings { throw findings }
        }
    }

    struct Head: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "head",
            abstract: "Print the last event's sequence number and hash.",
            discussion: "Keep it somewhere else (a printed report, an email); check it later with 'audit verify --expect-head SEQ:HASH'.\nExample:\n  retrofit audit head\n  retrofit audit head --json"
        )
        @OptionGroup var global: GlobalOptions
        @Flag(help: "Print as JSON: {sequence, hash}.") var json = false

        func run() async throws {
            let head = try await global.app().auditHead(by: global.actingPerson)
            if json {
                try printJSON(head)
            } else {
                print(head.description)
            }
        }
    }

    struct Keygen: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "keygen",
            abstract: "Make an Ed25519 key pair for signing checkpoints: the private key in FILE (mode 0600), the public key in FILE.pub.",
            discussion: """
                Keep the private key away from the database (another machine, a USB key in a safe): whoever holds both \
                can rewrite the log and sign it again. Hand the public key to auditors. Neither file may exist yet.
                Example:
                  retrofit audit keygen --out /secure/retrofit-audit.key
                """
        )
        @Option(help: ArgumentHelp("The private key file to create; the public key goes to this path with .pub added.", valueName: "file"))
        var out: String

        func run() throws {
            let pair = RetrofitApp.newAuditKeyPair()
            try AuditKeyFile.create(out, pair: pair)
            print("wrote private key \(out) (mode 0600; keep it away from the database)")
            print("wrote public key \(out).pub")
            print("public key: \(pair.publicKey)")
        }
    }

    struct Checkpoint: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "checkpoint",
            abstract: "Verify the log, then sign its head (sequence, hash, time) with a private key and store the signed checkpoint.",
            discussion: """
                Nothing is signed if the log does not verify. The signature covers four lines of ASCII, each ending in a line \
                feed: 'retrofit audit checkpoint v1', 'sequence N', 'hash H', 'time T' (T as printed).
                Example:
                  retrofit audit checkpoint --key /secure/retrofit-audit.key
                """
        )
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("The private key file (from 'audit keygen').", valueName: "file")) var key: String
        @Flag(help: "Print as JSON: {number, sequence, hash, signedAt, publicKey, signature}.") var json = false

        func run() async throws {
            let request = AuditCheckpointRequest(privateKeyText: try AuditKeyFile.signingKeyText(key), keyName: key)
            let stored = try await global.app().signAuditCheckpoint(request, by: global.actingPerson, created: NewDatabase.created)
            if json {
                try printJSON(stored)
            } else {
                print("checkpoint \(stored.number): event \(stored.sequence), hash \(stored.hash), signed \(stored.signedAt)")
                print("public key: \(stored.publicKey)")
                print("signature: \(stored.signature)")
            }
        }
    }
}
