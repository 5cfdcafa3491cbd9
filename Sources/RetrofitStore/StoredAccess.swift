import RetrofitCore

/// A person as sign-in sees them: registered, enabled or not, with a password or not.
public struct StoredPersonAccess: Sendable, Hashable {
    public let person: PersonRegistered
    public let hasPassword: Bool

    public init(person: PersonRegistered, hasPassword: Bool) {
        self.person = person
        self.hasPassword = hasPassword
    }
}

/// An API token's row, without the secret (the store holds only its SHA-256).
public struct StoredToken: Sendable, Hashable {
    public let person: String
    public let label: String
    public let createdAt: Timestamp
    public let expiresOn: CivilDate?
    public let revokedAt: Timestamp?

    public init(person: String, label: String, createdAt: Timestamp, expiresOn: CivilDate?, revokedAt: Timestamp?) {
        self.person = person
        self.label = label
        self.createdAt = createdAt
        self.expiresOn = expiresOn
        self.revokedAt = revokedAt
    }
}

/// A session's row: whose it is, its CSRF token, and its times.
public struct StoredSession: Sendable, Hashable {
    public let person: String
    public let csrfToken: String
    public let createdAt: Timestamp
    public let lastSeenAt: Timestamp

    public init(person: String, csrfToken: String, createdAt: Timestamp, lastSeenAt: Timestamp) {
        self.person = person
        self.csrfToken = csrfToken
        self.createdAt = createdAt
        self.lastSeenAt = lastSeenAt
    }
}

/// A client's key for one request, as recorded: the request it came with, the case it wrote (when it was a case
/// write, recorded in the write's own transaction), and the answer sent (once the front end recorded it).
public struct StoredRequestKey: Sendable, Hashable {
    public let person: String
    public let key: String
    public let fingerprint: String
    public var caseID: String?
    public var status: Int?
    public var contentType: String?
    public var body: [UInt8]?

    public init(person: String, key: String, fingerprint: String, caseID: String? = nil, status: Int? = nil,
                contentType: String? = nil, body: [UInt8]? = nil) {
        self.person = person
        self.key = key
        self.fingerprint = fingerprint
        self.caseID = caseID
        self.status = status
        self.contentType = contentType
        self.body = body
    }
}

/// Who changed someone's access, and when: the `access-changed` event's actor and times.
public struct AccessChangeStamp: Sendable {
    public let at: Timestamp
    public let recordedAt: Timestamp
    public let actor: String

    public init(at: Timestamp, recordedAt: Timestamp, actor: String) {
        self.at = at
        self.recordedAt = recordedAt
        self.actor = actor
    }
}
