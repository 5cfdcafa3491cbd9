import RetrofitCore
import RetrofitStore

extension RetrofitApp {
    /// Sets or resets `name`'s password (bcrypt, off the caller's thread). The log records that it was set and by
    /// whom, not the hash.
    ///
    /// - Throws: ``AppError`` bad input (too short, too long, the name itself), not found (no such person),
    ///   forbidden (a signed-in person who is neither an admin nor `name`).
    public func setPassword(_ password: String, for name: String, by actor: Actor) async throws(AppError) {
        try checkManagesAccess(of: name, by: actor, ownAllowed: true)
        let store = try store(.write)
        _ = try registered(name, in: store)
        try SignInRules.check(password: password, name: name)
        let hash = await Secrets.hashPassword(password)
        try translatingErrors { try store.setPasswordHash(hash, of: name, stamp: stamp(actor)) }
    }

    /// Issues an API token for `name`, shown once; the store keeps its SHA-256. `label` defaults to `token-N`.
    ///
    /// - Throws: ``AppError`` bad input (a blank or taken label, an expiry date already past), not found, forbidden.
    public func issueToken(for name: String, label: String?, expiresOn: CivilDate?, by actor: Actor) async throws(AppError) -> IssuedToken {
        try checkManagesAccess(of: name, by: actor, ownAllowed: true)
        let store = try store(.write)
        _ = try registered(name, in: store)
        let existing = try translatingErrors { try store.tokens(of: name) }
        let label = label?.trimmingCharacters(in: .whitespaces) ?? Self.nextTokenLabel(existing.map(\.label))
        if label.isEmpty || label.count > 100 || label.contains(where: { $0.isNewline || $0 == "/" }) {
            throw .badInput("the token label '\(label)' must be 1 to 100 characters, without '/' or line breaks")
        }
        if let expiresOn, expiresOn < now.date {
            throw .badInput("the expiry date \(expiresOn) is already past (today is \(now.date)); give today or a later date")
        }
        let token = "rtf_" + Secrets.random()
        let added = try translatingErrors {
            try store.addToken(digest: Secrets.digest(token), of: name, label: label, expiresOn: expiresOn, stamp: stamp(actor))
        }
        if !added { throw .badInput("\(name) already has a token labelled '\(label)'; choose another label or revoke that one first") }
        return IssuedToken(token: token, label: label, expiresOn: expiresOn)
    }

    /// `name`'s API tokens, without their secrets.
    public func tokens(of name: String, by actor: Actor) async throws(AppError) -> [TokenEntry] {
        try checkManagesAccess(of: name, by: actor, ownAllowed: true)
        let store = try store(.read)
        _ = try registered(name, in: store)
        return try translatingErrors { try store.tokens(of: name) }.map {
            TokenEntry(label: $0.label, createdAt: $0.createdAt, expiresOn: $0.expiresOn, revoked: $0.revokedAt != nil)
        }
    }

    /// Revokes `name`'s token `label`: it stops working at once.
    public func revokeToken(of name: String, label: String, by actor: Actor) async throws(AppError) {
        try checkManagesAccess(of: name, by: actor, ownAllowed: true)
        let store = try store(.write)
        _ = try registered(name, in: store)
        let revoked = try translatingErrors { try store.revokeToken(of: name, label: label, stamp: stamp(actor)) }
        if !revoked { throw .notFound("\(name) has no token labelled '\(label)' that is still in use") }
    }

    /// Disables or enables `name`: a disabled person cannot sign in, and their sessions and tokens stop working at
    /// once; their past events stay theirs. Returns false when they already were so (nothing is recorded).
    @discardableResult
    public func setEnabled(_ enabled: Bool, person name: String, by actor: Actor) async throws(AppError) -> Bool {
        try checkManagesAccess(of: name, by: actor, ownAllowed: false)
        if !enabled, actor.signedIn?.name == name { throw .refused("\(name) cannot disable themself; ask another admin") }
        let store = try store(.write)
        _ = try registered(name, in: store)
        return try translatingErrors { try store.setDisabled(!enabled, person: name, stamp: stamp(actor)) }
    }

    private func registered(_ name: String, in store: CaseStore) throws(AppError) -> StoredPersonAccess {
        guard let access = try translatingErrors({ try store.access(of: name) }) else {
            throw .notFound("\(name) is not in the people register")
        }
        return access
    }

    /// A local operator manages anyone's access (they hold the file); a signed-in admin too; anyone else only
    /// their own password and tokens, when `ownAllowed`.
    private func checkManagesAccess(of name: String, by actor: Actor, ownAllowed: Bool) throws(AppError) {
        guard let person = actor.signedIn, person.role != .admin else { return }
        if ownAllowed, person.name == name { return }
        throw .forbidden("\(person.name) is \(person.role.withArticle); managing \(ownAllowed ? "other people's" : "people's") sign-in needs an admin")
    }

    private func stamp(_ actor: Actor) -> AccessChangeStamp {
        let now = self.now
        return AccessChangeStamp(at: now, recordedAt: now, actor: actor.name)
    }

    static func nextTokenLabel(_ labels: [String]) -> String {
        var number = labels.count + 1
        while labels.contains("token-\(number)") { number += 1 }
        return "token-\(number)"
    }
}
