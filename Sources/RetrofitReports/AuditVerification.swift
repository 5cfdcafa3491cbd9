import RetrofitStore

/// `audit verify`: the hash chain recomputed, then compared with every signed checkpoint stored in the
/// database and with a head kept elsewhere. The chain alone shows an edit made without recomputing the
/// hashes after it; a head signed or kept before shows a log rewritten and re-hashed after that head.
public struct AuditVerification: Sendable {
    /// How a checkpoint's signature stands.
    public enum Signature: String, Sendable {
        /// Made by one of the public keys given.
        case good
        /// Not made by any of the public keys given: the checkpoint was altered or signed by another key.
        case bad
        /// No public key was given.
        case notChecked = "not checked"
    }

    /// One stored checkpoint, checked.
    public struct CheckpointCheck: Sendable {
        public let checkpoint: StoredCheckpoint
        public let signature: Signature
        /// Nil when the log still hashes to the checkpoint's head; else why not.
        public let problem: String?

        public var isGood: Bool { problem == nil && signature != .bad }
    }

    /// A head given on the command line, checked.
    public struct HeadCheck: Sendable {
        public let head: AuditHead
        public let problem: String?
    }

    public let chain: ChainVerification
    public let checkpoints: [CheckpointCheck]
    public let expectedHead: HeadCheck?
    /// Signatures were asked for (a public key given) but no checkpoint is stored.
    public let missingCheckpoints: Bool

    public var isIntact: Bool {
        chain.isIntact && checkpoints.allSatisfy(\.isGood) && expectedHead?.problem == nil && !missingCheckpoints
    }

    /// Verifies the log of `store`: the chain, every stored checkpoint (its signature too when `publicKeys` are
    /// given) and `expectedHead`.
    public static func run(_ store: CaseStore, publicKeys: [AuditPublicKey] = [], expectedHead: AuditHead? = nil) throws -> AuditVerification {
        let stored = try store.checkpoints()
        var sequences = Set(stored.map(\.content.sequence))
        if let expectedHead { sequences.insert(expectedHead.sequence) }
        let chain = try store.verifyChain(keepingHashesAt: sequences)
        let checks = stored.map { checkpoint in
            let signature: Signature = publicKeys.isEmpty ? .notChecked
                : publicKeys.contains { $0.isValidSignature(checkpoint.signature, of: checkpoint.content) } ? .good : .bad
            let head = AuditHead(sequence: checkpoint.content.sequence, hash: checkpoint.content.hash)
            return CheckpointCheck(checkpoint: checkpoint, signature: signature, problem: problem(with: head, chain: chain, kept: "was signed"))
        }
        return AuditVerification(chain: chain, checkpoints: checks,
                                 expectedHead: expectedHead.map { HeadCheck(head: $0, problem: problem(with: $0, chain: chain, kept: "was taken")) },
                                 missingCheckpoints: !publicKeys.isEmpty && stored.isEmpty)
    }

    /// Why the log no longer leads to `head`, or nil when it does.
    static func problem(with head: AuditHead, chain: ChainVerification, kept: String) -> String? {
        if let computed = chain.computedHashes[head.sequence] {
            if computed == head.hash { return nil }
            return "the log now hashes to \(computed.prefix(12))… at event \(head.sequence), not \(head.hash.prefix(12))…: "
                + "at least one of events 1–\(head.sequence) was rewritten and the hashes recomputed after the head \(kept)"
        }
        if let broken = chain.firstBroken { return "cannot be reached: the chain breaks at event \(broken.sequence), before it" }
        return "the log ends at event \(chain.events), before event \(head.sequence): events were removed after the head \(kept)"
    }

    /// What to do when anything failed.
    public static let advice = "what to do: do not trust this database's history past the point named; keep this file unchanged as evidence, "
        + "compare it with the latest backup whose 'audit verify' is ok, restore from that backup, "
        + "and find out who could write to the database file"

    /// The report as lines of text: `ok: N events, head H` first when all is well.
    public var lines: [String] {
        var lines: [String] = []
        if let broken = chain.firstBroken {
            let event = chain.brokenEvent.map { " (case \($0.caseID), \($0.type))" } ?? ""
            lines.append("broken at event \(broken.sequence)\(event): \(broken.problem)")
        } else if checkpoints.contains(where: { $0.problem != nil }) || expectedHead?.problem != nil {
            lines.append("altered: the \(chain.events) events hash consistently (head \(chain.head)), but not to a head signed or kept before")
        } else if isIntact {
            lines.append(chain.description)
        } else {
            lines.append("not verified: the \(chain.events) events hash consistently (head \(chain.head)), but the signed checkpoints do not hold")
        }
        for check in checkpoints {
            let checkpoint = check.checkpoint
            var line = "checkpoint \(checkpoint.number) (event \(checkpoint.content.sequence), hash \(checkpoint.content.hash.prefix(12))…, signed \(checkpoint.content.signedAt)): "
            line += check.problem ?? "the log matches it"
            switch check.signature {
            case .good: line += "; signature good"
            case .bad: line += "; signature BAD: not made by the public key given (the checkpoint was altered, or signed by another key)"
            case .notChecked: line += "; signature not checked (give --public-key)"
            }
            lines.append(line)
        }
        if missingCheckpoints {
            lines.append("no signed checkpoint is stored, so none could be checked with the public key: "
                         + "sign one with 'retrofit audit checkpoint --key FILE' (if some were signed, they were removed)")
        }
        if let expected = expectedHead {
            lines.append("expected head \(expected.head): " + (expected.problem ?? "the log matches it"))
        }
        if !isIntact { lines.append(AuditVerification.advice) }
        return lines
    }
}
