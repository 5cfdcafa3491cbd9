import RetrofitReports
import RetrofitStore

// The key types a front end reads from its key files and hands to the audit use cases.
public typealias AuditPublicKey = RetrofitStore.AuditPublicKey
public typealias AuditSigningKey = RetrofitStore.AuditSigningKey
public typealias AuditKeyError = RetrofitStore.AuditKeyError

/// A new key pair for signing checkpoints, as the text of its two files.
public struct AuditKeyPair: Sendable {
    /// The private key file's text: keep it away from the database.
    public let privateKeyText: String
    /// The public key file's text, for auditors.
    public let publicKeyText: String
    /// The public key in base64, as checkpoints name it.
    public let publicKey: String
}

/// `audit verify`: the log against its own chain, the stored checkpoints, and optionally keys and a head kept elsewhere.
public struct AuditVerifyRequest: Sendable {
    /// Each checkpoint must be signed by one of these; at least one checkpoint must exist when any is given.
    public var publicKeys: [AuditPublicKey]
    /// A head printed earlier: the log must still hash to it.
    public var expectedHead: AuditHead?

    public init(publicKeys: [AuditPublicKey] = [], expectedHead: AuditHead? = nil) {
        self.publicKeys = publicKeys
        self.expectedHead = expectedHead
    }
}

/// `audit checkpoint`: sign the head of a verified log.
public struct AuditCheckpointRequest: Sendable {
    /// The private key file's text (as `audit keygen` wrote it).
    public var privateKeyText: String
    /// Where the key came from, for messages.
    public var keyName: String

    public init(privateKeyText: String, keyName: String) {
        self.privateKeyText = privateKeyText
        self.keyName = keyName
    }
}

/// A checkpoint signed and stored.
public struct AuditCheckpointResult: Encodable, Sendable {
    public let number: Int64
    public let sequence: Int64
    public let hash: String
    public let signedAt: String
    public let publicKey: String
    public let signature: String
}
