import RetrofitCore
import RetrofitStore

extension RetrofitApp {
    /// Signs `name` in with `password` from `address` (the client's network address, for throttling).
    ///
    /// - Throws: ``AppError`` unauthenticated for a wrong name or password — the same sentence, after the same
    ///   bcrypt work, for an unknown name, a wrong password, a person without a password and a disabled person;
    ///   throttled after too many failures for the name or the address, with `retryAfterSeconds`.
    public func signIn(name: String, password: String, address: String) async throws(AppError) -> SessionGrant {
        let store = try store(.write)
        let now = self.now
        let failures = try translatingErrors {
            try store.signInFailures(name: name, address: address, since: now.adding(seconds: -(SignInRules.failureWindowSeconds + SignInRules.lockSeconds)))
        }
        if let until = SignInRules.lockedUntil(failures: failures.name, limit: SignInRules.failuresPerName, now: now) {
            throw AppError(.throttled, "too many failed sign-ins for \(name); try again after \(until.clockTime) (China Standard Time)",
                           retryAfterSeconds: Int(until.secondsSinceEpoch - now.secondsSinceEpoch))
        }
        if let until = SignInRules.lockedUntil(failures: failures.address, limit: SignInRules.failuresPerAddress, now: now) {
            throw AppError(.throttled, "too many failed sign-ins from \(address); try again after \(until.clockTime) (China Standard Time)",
                           retryAfterSeconds: Int(until.secondsSinceEpoch - now.secondsSinceEpoch))
        }
        let access = try translatingErrors { try store.access(of: name) }
        let hash = try translatingErrors { try store.passwordHash(of: name) }
        let matches = await Secrets.verifyPassword(password, hash: hash)
        guard matches, let access, access.person.isActive else {
            try translatingErrors { try store.recordSignInFailure(name: name, address: address, at: now) }
            throw .unauthenticated("wrong name or password")
        }
        let sessionToken = Secrets.random(), csrfToken = Secrets.random()
        try translatingErrors {
            try store.clearSignInFailures(name: name)
            try store.purgeExpired(sessionsIdleBefore: now.adding(seconds: -SignInRules.sessionIdleSeconds),
                                   createdBefore: now.adding(seconds: -SignInRules.sessionAbsoluteSeconds),
                                   failuresBefore: now.adding(seconds: -(SignInRules.failureWindowSeconds + SignInRules.lockSeconds)),
                                   requestKeysBefore: now.adding(seconds: -SignInRules.requestKeySeconds))
            try store.createSession(digest: Secrets.digest(sessionToken),
                                    StoredSession(person: name, csrfToken: csrfToken, createdAt: now, lastSeenAt: now))
        }
        return SessionGrant(sessionToken: sessionToken, csrfToken: csrfToken, person: SignedInPerson(access.person),
                            idleExpiresAt: now.adding(seconds: SignInRules.sessionIdleSeconds),
                            absoluteExpiresAt: now.adding(seconds: SignInRules.sessionAbsoluteSeconds))
    }

    /// The person behind a session cookie's value; `unauthenticated` when it is unknown, expired, signed out, or
    /// its person disabled. Notes the use, which keeps an idle session alive.
    public func session(token: String) async throws(AppError) -> SessionIdentity {
        let store = try store(.write)
        let now = self.now
        let digest = Secrets.digest(token)
        guard let session = try translatingErrors({ try store.session(digest: digest) }) else {
            throw .unauthenticated("the session is not known (signed out, or never signed in); sign in again")
        }
        if now.secondsSinceEpoch - session.lastSeenAt.secondsSinceEpoch > SignInRules.sessionIdleSeconds
            || now.secondsSinceEpoch - session.createdAt.secondsSinceEpoch > SignInRules.sessionAbsoluteSeconds {
            try translatingErrors { try store.deleteSession(digest: digest) }
            throw .unauthenticated("the session expired; sign in again")
        }
        guard let access = try translatingErrors({ try store.access(of: session.person) }), access.person.isActive else {
            throw .unauthenticated("\(session.person) can no longer sign in")
        }
        if now.secondsSinceEpoch - session.lastSeenAt.secondsSinceEpoch >= SignInRules.sessionTouchSeconds {
            try translatingErrors { try store.touchSession(digest: digest, at: now) }
        }
        return SessionIdentity(person: SignedInPerson(access.person), csrfToken: session.csrfToken)
    }

    /// Ends the session with this cookie value; nothing when there is none.
    public func signOut(sessionToken: String) async throws(AppError) {
        let store = try store(.write)
        try translatingErrors { try store.deleteSession(digest: Secrets.digest(sessionToken)) }
    }

    /// The person behind an API token; `unauthenticated` when it is unknown, expired, revoked, or its person disabled.
    public func person(bearerToken: String) async throws(AppError) -> SignedInPerson {
        let store = try store(.read)
        guard let token = try translatingErrors({ try store.token(digest: Secrets.digest(bearerToken)) }) else {
            throw .unauthenticated("the API token is not known")
        }
        if token.revokedAt != nil { throw .unauthenticated("the API token \(token.label) of \(token.person) was revoked") }
        if let last = token.expiresOn, now.date > last {
            throw .unauthenticated("the API token \(token.label) of \(token.person) expired at the end of \(last)")
        }
        guard let access = try translatingErrors({ try store.access(of: token.person) }), access.person.isActive else {
            throw .unauthenticated("\(token.person) can no longer sign in")
        }
        return SignedInPerson(access.person)
    }

    /// Whether an enabled admin with a password exists, without which a server cannot be used (nobody could sign in
    /// to manage the register).
    public func hasAdminWhoCanSignIn() async throws(AppError) -> Bool {
        let store = try store(.read)
        return try translatingErrors { try store.hasAdminWhoCanSignIn() }
    }
}

extension SignedInPerson {
    init(_ person: PersonRegistered) {
        self.init(name: person.name, role: person.role, districts: person.district.map { [$0] } ?? [])
    }
}

extension Timestamp {
    /// `2026-12-07 14:35`, China Standard Time.
    var clockTime: String {
        let seconds = secondOfDay
        return "\(date) \(String(format2: seconds / 3600)):\(String(format2: seconds % 3600 / 60))"
    }
}
