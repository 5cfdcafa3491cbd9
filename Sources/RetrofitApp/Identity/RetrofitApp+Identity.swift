import RetrofitCore

// Interface stubs: the identity branch replaces these bodies (sign-in, sessions, tokens, passwords, request keys).
extension RetrofitApp {
    /// Signs `name` in with `password` from `address`: a new session, or `unauthenticated` (wrong name or password,
    /// the same answer and time for both), or `throttled` (too many failures; `retryAfterSeconds` says until when).
    public func signIn(name: String, password: String, address: String) async throws(AppError) -> SessionGrant {
        throw .unavailable("sign-in is not built yet")
    }

    /// The person behind a session cookie's value; `unauthenticated` when it is unknown, expired, signed out, or
    /// its person disabled. Touches the session's idle timeout.
    public func session(token: String) async throws(AppError) -> SessionIdentity {
        throw .unauthenticated("sign-in is not built yet")
    }

    /// Ends the session with this cookie value; nothing when there is none.
    public func signOut(sessionToken: String) async throws(AppError) {}

    /// The person behind an API token; `unauthenticated` when it is unknown, expired, revoked, or its person disabled.
    public func person(bearerToken: String) async throws(AppError) -> SignedInPerson {
        throw .unauthenticated("sign-in is not built yet")
    }

    /// Sets or resets `name`'s password (bcrypt, off the caller's thread). The log records that it was set, not the hash.
    public func setPassword(_ password: String, for name: String, by actor: Actor) async throws(AppError) {
        throw .unavailable("passwords are not built yet")
    }

    /// Issues an API token for `name`, shown once; the store keeps its SHA-256.
    public func issueToken(for name: String, label: String?, expiresOn: CivilDate?, by actor: Actor) async throws(AppError) -> IssuedToken {
        throw .unavailable("tokens are not built yet")
    }

    /// `name`'s API tokens, without their secrets.
    public func tokens(of name: String, by actor: Actor) async throws(AppError) -> [TokenEntry] { [] }

    /// Revokes `name`'s token `label`: it stops working at once.
    public func revokeToken(of name: String, label: String, by actor: Actor) async throws(AppError) {
        throw .unavailable("tokens are not built yet")
    }

    /// Disables or enables `name`: a disabled person cannot sign in, and their sessions and tokens stop working.
    public func setEnabled(_ enabled: Bool, person name: String, by actor: Actor) async throws(AppError) {
        throw .unavailable("disabling people is not built yet")
    }

    /// Whether an enabled admin with a password exists, without which a server cannot be used (nobody could sign in
    /// to manage the register).
    public func hasAdminWhoCanSignIn() async throws(AppError) -> Bool { false }

    /// What is known of a keyed request (see ``RequestKeyStanding``).
    public func standing(of key: RequestKey) async throws(AppError) -> RequestKeyStanding { .new }

    /// Records the answer to a keyed request, for its retries (kept 24 hours).
    public func record(_ response: RecordedResponse, for key: RequestKey) async throws(AppError) {}

    /// This application, its case writes recording `key` in the same transaction as their events, so that a
    /// retry after a crash finds the write done.
    public func recording(_ key: RequestKey?) -> RetrofitApp { self }
}
