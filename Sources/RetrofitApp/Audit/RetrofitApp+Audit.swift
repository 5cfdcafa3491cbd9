import RetrofitCore
import RetrofitReports
import RetrofitStore

extension RetrofitApp {
    /// The last event's sequence number and hash.
    public func auditHead(by actor: Actor) async throws(AppError) -> AuditHead {
        try authorize(.readAudit, by: actor)
        let head = try translatingErrors { try store(.read).head() }
        return AuditHead(sequence: head.sequence, hash: head.hash)
    }

    /// Recomputes every event's hash and checks the stored checkpoints. A log that does not verify is a result,
    /// not an error: `ok` is false and `lines` say where (the front end reports it as findings).
    public func verifyAudit(_ request: AuditVerifyRequest, by actor: Actor) async throws(AppError) -> AuditVerificationResult {
        try authorize(.readAudit, by: actor)
        let store = try store(.read)
        let verification = try translatingErrors {
            try AuditVerification.run(store, publicKeys: request.publicKeys, expectedHead: request.expectedHead)
        }
        return AuditVerificationResult(verification)
    }

    /// A new Ed25519 key pair for signing checkpoints; writing its files is the front end's business. It needs
    /// no database, hence no application.
    public static func newAuditKeyPair() -> AuditKeyPair {
        let key = AuditSigningKey()
        return AuditKeyPair(privateKeyText: key.text, publicKeyText: key.publicKey.text, publicKey: key.publicKey.base64)
    }

    /// Verifies the log, then signs its head (sequence, hash, the clock's time) and stores the signed checkpoint.
    /// Nothing is signed if the log does not verify or has no events.
    public func signAuditCheckpoint(_ request: AuditCheckpointRequest, by actor: Actor,
                                    created: (String) -> Void = { _ in }) async throws(AppError) -> AuditCheckpointResult {
        try authorize(.signCheckpoint, by: actor)
        let signingKey: AuditSigningKey
        do { signingKey = try AuditSigningKey(text: request.privateKeyText) } catch {
            throw .badInput("key file \(request.keyName) is not a retrofit private key: \(error)")
        }
        let now = self.now
        let store = try store(.write, created: created)
        let verification = try translatingErrors { try AuditVerification.run(store) }
        guard verification.isIntact else {
            throw .refused("the log does not verify (\(verification.lines.first ?? "")); nothing was signed — run 'retrofit audit verify'")
        }
        guard verification.chain.events > 0 else { throw .refused("the log has no events yet; nothing was signed") }
        let content = CheckpointContent(sequence: Int64(verification.chain.events), hash: verification.chain.head, signedAt: now.description)
        let signature: String
        do { signature = try signingKey.sign(content) } catch { throw .badInput("cannot sign with \(request.keyName): \(error)") }
        let stored = try translatingErrors { try store.addCheckpoint(content, publicKey: signingKey.publicKey.base64, signature: signature) }
        return AuditCheckpointResult(number: stored.number, sequence: content.sequence, hash: content.hash, signedAt: content.signedAt,
                                     publicKey: stored.publicKey, signature: signature)
    }
}
