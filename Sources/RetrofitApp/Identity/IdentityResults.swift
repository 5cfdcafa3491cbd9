import RetrofitCore

/// A session opened by signing in. `sessionToken` is the cookie's value, shown once (the store keeps its SHA-256).
public struct SessionGrant: Sendable {
    public let sessionToken: String
    /// Sent back with every state-changing request made with the cookie.
    public let csrfToken: String
    public let person: SignedInPerson
    /// When the session ends if nothing is done with it (idle timeout), and at the latest (absolute timeout).
    public let idleExpiresAt: Timestamp
    public let absoluteExpiresAt: Timestamp

    public init(sessionToken: String, csrfToken: String, person: SignedInPerson, idleExpiresAt: Timestamp, absoluteExpiresAt: Timestamp) {
        self.sessionToken = sessionToken
        self.csrfToken = csrfToken
        self.person = person
        self.idleExpiresAt = idleExpiresAt
        self.absoluteExpiresAt = absoluteExpiresAt
    }
}

/// The person behind a live session, and the session's CSRF token.
public struct SessionIdentity: Sendable {
    public let person: SignedInPerson
    public let csrfToken: String

    public init(person: SignedInPerson, csrfToken: String) {
        self.person = person
        self.csrfToken = csrfToken
    }
}

/// An API token, shown once when issued.
public struct IssuedToken: Encodable, Sendable {
    public let token: String
    public let label: String
    public let expiresOn: CivilDate?

    public init(token: String, label: String, expiresOn: CivilDate?) {
        self.token = token
        self.label = label
        self.expiresOn = expiresOn
    }
}

/// One of a person's API tokens, without the secret.
public struct TokenEntry: Encodable, Sendable, Hashable {
    public let label: String
    public let createdAt: Timestamp
    public let expiresOn: CivilDate?
    public let revoked: Bool

    public init(label: String, createdAt: Timestamp, expiresOn: CivilDate?, revoked: Bool) {
        self.label = label
        self.createdAt = createdAt
        self.expiresOn = expiresOn
        self.revoked = revoked
    }
}

/// A client's key for one POST (`Idempotency-Key`): a retried request with the same key returns the first
/// answer and writes nothing twice. `fingerprint` identifies the request (method, path, body digest): the
/// same key with another request is refused.
public struct RequestKey: Sendable, Hashable {
    public let person: String
    public let key: String
    public let fingerprint: String

    public init(person: String, key: String, fingerprint: String) {
        self.person = person
        self.key = key
        self.fingerprint = fingerprint
    }
}

/// What a front end sent back for a keyed request, kept to answer its retries the same way.
public struct RecordedResponse: Sendable, Hashable {
    public let status: Int
    public let contentType: String
    public let body: [UInt8]

    public init(status: Int, contentType: String, body: [UInt8]) {
        self.status = status
        self.contentType = contentType
        self.body = body
    }
}

/// What is known of a keyed request before it is carried out.
public enum RequestKeyStanding: Sendable, Hashable {
    /// Never seen: carry it out (a case write records the key in its own transaction).
    case new
    /// Answered before: send this again.
    case answered(RecordedResponse)
    /// Its case write was committed but its answer never recorded (the server stopped in between): answer from
    /// the case as it is now, with the status the request's route gives on success.
    case writtenUnanswered(caseID: String)
    /// The same key came with a different request.
    case reusedForAnotherRequest
}
