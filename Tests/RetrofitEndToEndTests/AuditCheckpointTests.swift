import Foundation
import RetrofitTestSupport
import Testing

/// Signed checkpoints through the built binary, against a forger who can write the database file: rewrites
/// ballots, recomputes the whole hash chain and rebuilds the projections, so that the chain alone verifies.
@Suite("Audit checkpoints, run as a user would", .serialized)
struct AuditCheckpointTests {
    let folder: URL
    let cli: RetrofitProcess
    var database: String { folder.appendingPathComponent("retrofit.sqlite").path }
    var keyPath: String { folder.appendingPathComponent("keys/audit.key").path }

    init() throws {
        folder = try Fixtures.temporaryDirectory()
        cli = RetrofitProcess(directory: folder, now: "2025-12-15T17:00")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("keys"), withIntermediateDirectories: true)
        let demo = try cli.run(["demo", "--cases", "30", "--seed", "7", "--quiet"])
        #expect(demo.status == 0, "\(demo)")
    }

    /// `SEQ:HASH` of the log's head, from `audit head --json`.
    func head() throws -> String {
        let printed = try cli.run("audit", "head", "--json")
        let object = try JSONSerialization.jsonObject(with: Data(printed.stdout.utf8)) as? [String: Any]
        return "\(object?["sequence"] as? Int ?? -1):\(object?["hash"] as? String ?? "")"
    }

    /// Keygen and one checkpoint of the log as it is.
    func signCheckpoint() throws -> RetrofitProcess.Result {
        let keygen = try cli.run("audit", "keygen", "--out", keyPath)
        #expect(keygen.status == 0, "\(keygen)")
        let checkpoint = try cli.run("audit", "checkpoint", "--key", keyPath)
        #expect(checkpoint.status == 0, "\(checkpoint)")
        return checkpoint
    }

    /// Flips three objecting ballots to agreeing, recomputes the chain and rebuilds, as in the issue.
    func forgeBallots() throws {
        let changed = try ChainForgery.rewrite(database, """
            UPDATE event SET payload = replace(payload, '"vote":"object"', '"vote":"agree"')
            WHERE sequence IN (SELECT sequence FROM event WHERE type = 'ballot-cast' AND payload LIKE '%"vote":"object"%' ORDER BY sequence LIMIT 3)
            """)
        try #require(changed == 3, "the demo has fewer than three objecting ballots")
        let rebuild = try cli.run("admin", "rebuild")
        #expect(rebuild.status == 0, "\(rebuild)")
    }

    @Test("keygen writes a 0600 private key and a readable public key, and never overwrites either")
    func keygen() throws {
        let result = try cli.run("audit", "keygen", "--out", keyPath)
        #expect(result.status == 0, "\(result)")
        let privateMode = try FileManager.default.attributesOfItem(atPath: keyPath)[.posixPermissions] as? Int
        #expect(privateMode == 0o600)
        let privateText = try String(contentsOfFile: keyPath, encoding: .utf8)
        let publicText = try String(contentsOfFile: keyPath + ".pub", encoding: .utf8)
        #expect(privateText.hasPrefix("retrofit audit private key (Ed25519 seed, base64)"))
        #expect(publicText.hasPrefix("retrofit audit public key (Ed25519, base64)\n"))
        #expect(result.stdout.contains(publicText.split(separator: "\n")[1]))

        let again = try cli.run("audit", "keygen", "--out", keyPath)
        #expect(again.status == 2)
        #expect(again.stderr == "error: \(keyPath) already exists; nothing was written — give --out a new path (a key is never overwritten)\n")
        #expect(try String(contentsOfFile: keyPath, encoding: .utf8) == privateText)
    }

    @Test("a checkpoint signs the verified head; verify checks its signature and that the log still hashes to it")
    func checkpointVerifies() throws {
        let head = try head()
        let checkpoint = try signCheckpoint()
        let parts = head.split(separator: ":")
        #expect(checkpoint.stdout.hasPrefix("checkpoint 1: event \(parts[0]), hash \(parts[1]), signed 2025-12-15T17:00:00+08:00\n"))
        let verify = try cli.run("audit", "verify", "--public-key", keyPath + ".pub", "--expect-head", head)
        #expect(verify.status == 0, "\(verify)")
        let lines = verify.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[0] == "ok: \(parts[0]) events, head \(parts[1])")
        #expect(lines[1].hasPrefix("checkpoint 1 (event \(parts[0]), hash \(parts[1].prefix(12))…, signed 2025-12-15T17:00:00+08:00): the log matches it; signature good"))
        #expect(lines[2] == "expected head event \(parts[0]), hash \(parts[1]): the log matches it")
        // The head as 'audit head' prints it is accepted too.
        #expect(try cli.run("audit", "verify", "--expect-head", "event \(parts[0]), hash \(parts[1])").status == 0)
        // Later events do not disturb an earlier checkpoint.
        #expect(try cli.run("case", "note", "ER-2024-0001", "later", "--actor", "李娜").status == 0)
        #expect(try cli.run("audit", "verify", "--public-key", keyPath + ".pub", "--expect-head", head).status == 0)
    }

    /// Python with the `cryptography` package, to check a signature with another tool than retrofit's.
    static let pythonCanVerify: Bool = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import cryptography.hazmat.primitives.asymmetric.ed25519"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()

    @Test("an auditor's own tool checks a checkpoint from the documented bytes and the key files", .enabled(if: pythonCanVerify))
    func checkedWithAnotherTool() throws {
        let checkpoint = try signCheckpoint()
        let signature = try #require(checkpoint.stdout.split(separator: "\n").first { $0.hasPrefix("signature: ") }?.dropFirst(11))
        let first = checkpoint.stdout.split(separator: "\n")[0]   // checkpoint 1: event N, hash H, signed T
        let fields = first.split(separator: " ")
        let message = "retrofit audit checkpoint v1\nsequence \(fields[3].dropLast())\nhash \(fields[5].dropLast())\ntime \(fields[7])\n"
        let script = """
            import base64, sys
            from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey, Ed25519PrivateKey
            public = open(sys.argv[1]).read().splitlines()
            assert public[0] == "retrofit audit public key (Ed25519, base64)"
            key = Ed25519PublicKey.from_public_bytes(base64.b64decode(public[1]))
            message = sys.argv[3].encode()
            key.verify(base64.b64decode(sys.argv[2]), message)
            seed = base64.b64decode(open(sys.argv[4]).read().splitlines()[1])
            assert Ed25519PrivateKey.from_private_bytes(seed).sign(message) == base64.b64decode(sys.argv[2])
            try:
                key.verify(base64.b64decode(sys.argv[2]), message.replace(b"sequence ", b"sequence 1"))
                sys.exit(3)
            except Exception:
                print("verified")
            """
        let path = folder.appendingPathComponent("verify.py").path
        try script.write(toFile: path, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", path, keyPath + ".pub", String(signature), message, keyPath]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) == "verified\n")
    }

    @Test("a private key others can read is refused, and nothing is signed")
    func looseKeyRefused() throws {
        _ = try signCheckpoint()
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: keyPath)
        let result = try cli.run("audit", "checkpoint", "--key", keyPath)
        #expect(result.status == 2)
        #expect(result.stderr.contains("can be read by others (mode 644)"))
        let verify = try cli.run("audit", "verify", "--json")
        #expect(verify.stdout.components(separatedBy: "\"number\"").count == 2, "one checkpoint only: \(verify)")
    }

    @Test("a forged chain (ballots rewritten, hashes recomputed, rebuilt) is caught by the signed checkpoint")
    func forgeryCaughtByCheckpoint() throws {
        _ = try signCheckpoint()
        try forgeBallots()
        for arguments in [["audit", "verify"], ["audit", "verify", "--public-key", keyPath + ".pub"]] {
            let verify = try cli.run(arguments)
            #expect(verify.status == 1, "\(verify)")
            #expect(verify.stdout.hasPrefix("altered: the "), "\(verify)")
            #expect(verify.stdout.contains("checkpoint 1 (event "))
            #expect(verify.stdout.contains("at least one of events 1–") && verify.stdout.contains("was rewritten and the hashes recomputed after the head was signed"))
            #expect(verify.stdout.contains("\nwhat to do: "))
        }
        // A checkpoint stays caught even when the forger also re-signs it with a key of their own…
        try ChainForgery.resignCheckpoints(database)
        let resigned = try cli.run("audit", "verify", "--public-key", keyPath + ".pub")
        #expect(resigned.status == 1)
        #expect(resigned.stdout.contains("the log matches it; signature BAD: not made by the public key given"), "\(resigned)")
        // …or deletes every checkpoint: the key's holder knows there was one.
        try ChainForgery.deleteCheckpoints(database)
        let deleted = try cli.run("audit", "verify", "--public-key", keyPath + ".pub")
        #expect(deleted.status == 1)
        #expect(deleted.stdout.hasPrefix("not verified: the "), "\(deleted)")
        #expect(deleted.stdout.contains("no signed checkpoint is stored"), "\(deleted)")
        // Without the key and without a head kept elsewhere, a forgery that removed the checkpoints is not seen: the documented limit.
        #expect(try cli.run("audit", "verify").status == 0)
    }

    @Test("a forged chain is caught by a head kept elsewhere (--expect-head)")
    func forgeryCaughtByExpectedHead() throws {
        let head = try head()
        try forgeBallots()
        // The chain alone is fooled: that is what a head kept elsewhere is for.
        #expect(try cli.run("audit", "verify").status == 0)
        let verify = try cli.run("audit", "verify", "--expect-head", head)
        #expect(verify.status == 1, "\(verify)")
        #expect(verify.stdout.hasPrefix("altered: "))
        #expect(verify.stdout.contains("expected head event \(head.split(separator: ":")[0]), hash \(head.split(separator: ":")[1]): the log now hashes to "))
        let json = try cli.run("audit", "verify", "--expect-head", head, "--json")
        #expect(json.status == 1)
        #expect(json.stdout.contains("\"matches\" : false") && json.stdout.contains("\"ok\" : false"))
    }

    @Test("an --expect-head beyond the log's end shows removed events; a malformed one is bad input")
    func expectedHeadEdges() throws {
        let missing = try cli.run("audit", "verify", "--expect-head", "999999:" + String(repeating: "a", count: 64))
        #expect(missing.status == 1)
        #expect(missing.stdout.contains("before event 999999: events were removed after the head was taken"))
        let bad = try cli.run("audit", "verify", "--expect-head", "77:7e35")
        #expect(bad.status == 2)
        #expect(bad.stderr.hasPrefix("error: --expect-head '77:7e35' is not a head; expected SEQ:HASH"))
    }

    @Test("a chain edited without recomputing names the case and event type of the first broken event, and what to do")
    func brokenChainNamesTheEvent() throws {
        #expect(try cli.run("audit", "verify").status == 0)
        // One ballot edited with SQLite, the hashes left as they were.
        try ChainForgery.edit(database, """
            UPDATE event SET payload = replace(payload, '"vote":"object"', '"vote":"agree"')
            WHERE sequence = (SELECT min(sequence) FROM event WHERE type = 'ballot-cast' AND payload LIKE '%"vote":"object"%')
            """)
        let verify = try cli.run("audit", "verify")
        #expect(verify.status == 1)
        let first = verify.stdout.split(separator: "\n").first ?? ""
        #expect(first.hasPrefix("broken at event "), "\(verify)")
        #expect(first.contains(" (case ER-") && first.contains(", ballot-cast): its content or its link to the previous event was changed"))
        #expect(verify.stdout.contains("\nwhat to do: "))
        // Nothing can be signed over a broken log.
        let keygen = try cli.run("audit", "keygen", "--out", keyPath)
        #expect(keygen.status == 0)
        let checkpoint = try cli.run("audit", "checkpoint", "--key", keyPath)
        #expect(checkpoint.status == 3)
        #expect(checkpoint.stderr.contains("nothing was signed"))
    }

    @Test("report commissioned ends with the latest checkpoint and whether the log still matches it")
    func commissionedReportShowsCheckpoint() throws {
        let before = try cli.run("report", "commissioned", "--year", "2025")
        #expect(before.stdout.hasSuffix("\naudit checkpoint: none signed yet (sign the head with 'retrofit audit checkpoint --key FILE')\n"), "\(before)")
        _ = try signCheckpoint()
        let signed = try cli.run("report", "commissioned", "--year", "2025")
        let last = signed.stdout.split(separator: "\n").last ?? ""
        #expect(last.hasPrefix("audit checkpoint 1: event "), "\(signed)")
        #expect(last.contains("; the log still matches it"))
        let csv = try cli.run("report", "commissioned", "--year", "2025", "--format", "csv")
        #expect(csv.stderr.contains("\nnote: audit checkpoint 1: event "))
        try forgeBallots()
        let forged = try cli.run("report", "commissioned", "--year", "2025")
        #expect((forged.stdout.split(separator: "\n").last ?? "").contains("; the log does NOT match it: event "), "\(forged)")
        let json = try cli.run("report", "commissioned", "--year", "2025", "--format", "json")
        #expect(json.stdout.contains("\"auditCheckpoint\" : {") && json.stdout.contains("\"matches\" : false"))
    }
}
