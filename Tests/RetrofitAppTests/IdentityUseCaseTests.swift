import Foundation
import RetrofitApp
import RetrofitCore
import RetrofitStore
import RetrofitTestSupport
import Testing

/// One in-memory register (an admin, a helper of 德城区, a manager), seen by apps whose clocks read different times.
private struct SignInBench {
    let store: CaseStore
    static let start = Fixtures.time("2026-03-02T09:00")
    static let operatorActor = Actor(name: "张伟")

    init() async throws {
        store = try TemporaryStore.inMemory()
        let app = self.app()
        for (name, role, district) in [("张伟", Role.admin, nil), ("李娜", .helper, "德城区"), ("王芳", .manager, nil)] as [(String, Role, String?)] {
            _ = try await app.registerPerson(RegisterPersonRequest(name: name, role: role, district: district), by: Self.operatorActor)
        }
    }

    /// The application with its clock `seconds` after the start.
    func app(after seconds: Int64 = 0) -> RetrofitApp {
        RetrofitApp(environment: RetrofitEnvironment(databasePath: ":memory:", clock: .fixed(Self.start.adding(seconds: seconds))), store: store)
    }

    func events() throws -> [StoredEvent] { try store.events(caseID: PersonRegistered.stream, afterVersion: 0, limit: 100) }
}

@Suite("Sign-in: passwords, sessions, tokens, disabling, lock-out")
struct IdentityUseCaseTests {
    @Test("a password is checked for length and the name, then signs in; the log says who set it, not the hash")
    func passwordAndSignIn() async throws {
        let bench = try await SignInBench()
        let app = bench.app()
        let short = await #expect(throws: AppError.self) { try await app.setPassword("short", for: "李娜", by: SignInBench.operatorActor) }
        #expect(short == AppError.badInput("the password has 5 characters; it needs at least 10"))
        let name = await #expect(throws: AppError.self) { try await app.setPassword("李娜李娜李娜李娜李娜", for: "李娜李娜李娜李娜李娜", by: SignInBench.operatorActor) }
        #expect(name?.category == .notFound)
        let unknown = await #expect(throws: AppError.self) { try await app.setPassword("a long enough one", for: "赵敏", by: SignInBench.operatorActor) }
        #expect(unknown == AppError.notFound("赵敏 is not in the people register"))

        try await app.setPassword("rain on 德城 2026", for: "李娜", by: SignInBench.operatorActor)
        let grant = try await app.signIn(name: "李娜", password: "rain on 德城 2026", address: "10.0.0.7")
        #expect(grant.person == SignedInPerson(name: "李娜", role: .helper, districts: ["德城区"]))
        #expect(grant.sessionToken.count == 43 && grant.csrfToken.count == 43 && grant.sessionToken != grant.csrfToken)
        #expect(grant.idleExpiresAt == SignInBench.start.adding(seconds: 8 * 3600))
        #expect(grant.absoluteExpiresAt == SignInBench.start.adding(seconds: 12 * 3600))

        let last = try #require(try bench.events().last)
        #expect(last.type == AccessChanged.type)
        #expect(last.actor == "张伟")
        #expect(last.payload == #"{"change":"password-set","name":"李娜"}"#)
        let hash = try #require(try bench.store.passwordHash(of: "李娜"))
        #expect(hash.hasPrefix("$2") && !hash.contains("rain"))
        #expect(try bench.store.session(digest: grant.sessionToken) == nil, "the store keeps the session id's digest, not the id")
    }

    @Test("an unknown name, a wrong password and a person without one all get the same answer")
    func sameAnswerForEveryFailure() async throws {
        let bench = try await SignInBench()
        let app = bench.app()
        try await app.setPassword("rain on 德城 2026", for: "李娜", by: SignInBench.operatorActor)
        var answers: [AppError] = []
        for (name, password) in [("李娜", "wrong password!"), ("赵敏", "rain on 德城 2026"), ("王芳", "rain on 德城 2026")] {
            let error = await #expect(throws: AppError.self) { try await app.signIn(name: name, password: password, address: "10.0.0.7") }
            answers.append(try #require(error))
        }
        #expect(answers == Array(repeating: AppError.unauthenticated("wrong name or password"), count: 3))
    }

    @Test("a session lasts while used, ends after 8 idle hours or 12 in all, and at sign-out")
    func sessionTimeouts() async throws {
        let bench = try await SignInBench()
        try await bench.app().setPassword("rain on 德城 2026", for: "李娜", by: SignInBench.operatorActor)
        let grant = try await bench.app().signIn(name: "李娜", password: "rain on 德城 2026", address: "10.0.0.7")

        let hour: Int64 = 3600
        for elapsed in [1 * hour, 7 * hour, 11 * hour] {
            let identity = try await bench.app(after: elapsed).session(token: grant.sessionToken)
            #expect(identity.person.name == "李娜" && identity.csrfToken == grant.csrfToken)
        }
        let late = await #expect(throws: AppError.self) { try await bench.app(after: 12 * hour + 1).session(token: grant.sessionToken) }
        #expect(late == AppError.unauthenticated("the session expired; sign in again"))

        let idle = try await bench.app().signIn(name: "李娜", password: "rain on 德城 2026", address: "10.0.0.7")
        let afterIdle = await #expect(throws: AppError.self) { try await bench.app(after: 8 * hour + 1).session(token: idle.sessionToken) }
        #expect(afterIdle?.category == .unauthenticated)

        let signedOut = try await bench.app().signIn(name: "李娜", password: "rain on 德城 2026", address: "10.0.0.7")
        try await bench.app().signOut(sessionToken: signedOut.sessionToken)
        let afterSignOut = await #expect(throws: AppError.self) { try await bench.app().session(token: signedOut.sessionToken) }
        #expect(afterSignOut?.category == .unauthenticated)
        let forged = await #expect(throws: AppError.self) { try await bench.app().session(token: String(grant.sessionToken.reversed())) }
        #expect(forged?.category == .unauthenticated)
    }

    @Test("five failures lock a name for 15 minutes, even for the right password; then it signs in")
    func lockOut() async throws {
        let bench = try await SignInBench()
        try await bench.app().setPassword("rain on 德城 2026", for: "李娜", by: SignInBench.operatorActor)
        for minute in 0..<5 {
            await #expect(throws: AppError.unauthenticated("wrong name or password")) {
                try await bench.app(after: Int64(minute) * 60).signIn(name: "李娜", password: "guess \(minute) guess", address: "10.0.0.\(minute)")
            }
        }
        let locked = await #expect(throws: AppError.self) {
            try await bench.app(after: 5 * 60).signIn(name: "李娜", password: "rain on 德城 2026", address: "10.0.0.9")
        }
        #expect(locked?.category == .throttled)
        #expect(locked?.message == "too many failed sign-ins for 李娜; try again after 2026-03-02 09:19 (China Standard Time)")
        #expect(locked?.retryAfterSeconds == 14 * 60)
        let stillLocked = await #expect(throws: AppError.self) {
            try await bench.app(after: 19 * 60 - 1).signIn(name: "李娜", password: "rain on 德城 2026", address: "10.0.0.9")
        }
        #expect(stillLocked?.retryAfterSeconds == 1)
        let grant = try await bench.app(after: 19 * 60).signIn(name: "李娜", password: "rain on 德城 2026", address: "10.0.0.9")
        #expect(grant.person.name == "李娜")
    }

    @Test("tokens: shown once, kept as a digest, listed without the secret; revoked or expired ones stop working")
    func tokens() async throws {
        let bench = try await SignInBench()
        let app = bench.app()
        let phone = try await app.issueToken(for: "李娜", label: "phone", expiresOn: CivilDate(year: 2026, month: 3, day: 3), by: SignInBench.operatorActor)
        #expect(phone.token.hasPrefix("rtf_") && phone.token.count == 47)
        let unnamed = try await app.issueToken(for: "李娜", label: nil, expiresOn: nil, by: SignInBench.operatorActor)
        #expect(unnamed.label == "token-2")
        await #expect(throws: AppError.badInput("李娜 already has a token labelled 'phone'; choose another label or revoke that one first")) {
            try await app.issueToken(for: "李娜", label: "phone", expiresOn: nil, by: SignInBench.operatorActor)
        }
        await #expect(throws: AppError.badInput("the expiry date 2026-03-01 is already past (today is 2026-03-02); give today or a later date")) {
            try await app.issueToken(for: "李娜", label: "old", expiresOn: CivilDate(year: 2026, month: 3, day: 1), by: SignInBench.operatorActor)
        }

        #expect(try await app.person(bearerToken: phone.token).name == "李娜")
        #expect(try await bench.app(after: 38 * 3600).person(bearerToken: phone.token).name == "李娜", "works through its last day")
        let expired = await #expect(throws: AppError.self) { try await bench.app(after: 40 * 3600).person(bearerToken: phone.token) }
        #expect(expired == AppError.unauthenticated("the API token phone of 李娜 expired at the end of 2026-03-03"))

        let listed = try await app.tokens(of: "李娜", by: SignInBench.operatorActor)
        #expect(listed.map(\.label) == ["phone", "token-2"])
        #expect(listed.allSatisfy { !$0.revoked })
        try await app.revokeToken(of: "李娜", label: "token-2", by: SignInBench.operatorActor)
        await #expect(throws: AppError.unauthenticated("the API token token-2 of 李娜 was revoked")) { try await app.person(bearerToken: unnamed.token) }
        await #expect(throws: AppError.notFound("李娜 has no token labelled 'token-2' that is still in use")) {
            try await app.revokeToken(of: "李娜", label: "token-2", by: SignInBench.operatorActor)
        }
        await #expect(throws: AppError.unauthenticated("the API token is not known")) { try await app.person(bearerToken: "rtf_made-up") }
        #expect(try bench.events().contains { $0.payload.contains(phone.token) } == false)
    }

    @Test("a disabled person's sessions and tokens stop at once; enabling lets them sign in again; events stay theirs")
    func disabling() async throws {
        let bench = try await SignInBench()
        let app = bench.app()
        try await app.setPassword("rain on 德城 2026", for: "李娜", by: SignInBench.operatorActor)
        let grant = try await app.signIn(name: "李娜", password: "rain on 德城 2026", address: "10.0.0.7")
        let token = try await app.issueToken(for: "李娜", label: "phone", expiresOn: nil, by: SignInBench.operatorActor)

        #expect(try await app.setEnabled(false, person: "李娜", by: SignInBench.operatorActor))
        #expect(try await app.setEnabled(false, person: "李娜", by: SignInBench.operatorActor) == false, "already disabled: nothing recorded")
        await #expect(throws: AppError.self) { try await app.session(token: grant.sessionToken) }
        await #expect(throws: AppError.unauthenticated("李娜 can no longer sign in")) { try await app.person(bearerToken: token.token) }
        await #expect(throws: AppError.unauthenticated("wrong name or password")) {
            try await app.signIn(name: "李娜", password: "rain on 德城 2026", address: "10.0.0.7")
        }
        #expect(try await app.people(by: SignInBench.operatorActor).first { $0.name == "李娜" }?.active == false)

        #expect(try await app.setEnabled(true, person: "李娜", by: SignInBench.operatorActor))
        #expect(try await app.person(bearerToken: token.token).name == "李娜")
        let changes = try bench.events().filter { $0.type == AccessChanged.type }.map(\.payload)
        #expect(changes.suffix(3) == [#"{"change":"token-issued","label":"phone","name":"李娜"}"#,
                                      #"{"change":"disabled","name":"李娜"}"#, #"{"change":"enabled","name":"李娜"}"#])
    }

    @Test("signed in, only an admin manages others' sign-in; anyone sets their own password; nobody disables themself")
    func whoManagesAccess() async throws {
        let bench = try await SignInBench()
        let app = bench.app()
        let helper = Actor(signedIn: SignedInPerson(name: "李娜", role: .helper, districts: ["德城区"]))
        let admin = Actor(signedIn: SignedInPerson(name: "张伟", role: .admin, districts: []))
        try await app.setPassword("my own secret 1", for: "李娜", by: helper)
        _ = try await app.issueToken(for: "李娜", label: "phone", expiresOn: nil, by: helper)
        await #expect(throws: AppError.forbidden("李娜 is a helper; managing other people's sign-in needs an admin")) {
            try await app.setPassword("not my own secret", for: "王芳", by: helper)
        }
        await #expect(throws: AppError.forbidden("李娜 is a helper; managing people's sign-in needs an admin")) {
            try await app.setEnabled(false, person: "王芳", by: helper)
        }
        await #expect(throws: AppError.refused("张伟 cannot disable themself; ask another admin")) {
            try await app.setEnabled(false, person: "张伟", by: admin)
        }
        #expect(try await app.setEnabled(false, person: "王芳", by: admin))
    }

    @Test("a server can start only once an enabled admin has a password")
    func bootstrapping() async throws {
        let bench = try await SignInBench()
        let app = bench.app()
        #expect(try await app.hasAdminWhoCanSignIn() == false)
        try await app.setPassword("rain on 德城 2026", for: "李娜", by: SignInBench.operatorActor)
        #expect(try await app.hasAdminWhoCanSignIn() == false)
        try await app.setPassword("the admin's secret", for: "张伟", by: SignInBench.operatorActor)
        #expect(try await app.hasAdminWhoCanSignIn())
    }

    @Test("a keyed case write records its key in the same transaction; a retry finds it and writes nothing twice")
    func requestKeys() async throws {
        let bench = try await SignInBench()
        let key = RequestKey(person: "王芳", key: "retry-1", fingerprint: "POST /api/v1/cases sha")
        let app = bench.app()
        #expect(try await app.standing(of: key) == .new)
        let request = OpenCaseRequest(workflowID: "elevator-retrofit", fields: Fixtures.intakeFields(homes: 12))
        let opened = try await app.recording(key).openCase(request, by: Actor(name: "王芳"))
        #expect(try await app.standing(of: key) == .writtenUnanswered(caseID: opened.caseID))
        let again = await #expect(throws: AppError.self) {
            try await app.recording(key).openCase(request, by: Actor(name: "王芳"))
        }
        #expect(again?.category == .refused)
        let answer = RecordedResponse(status: 201, contentType: "application/json", body: Array("{}".utf8))
        try await app.record(answer, for: key)
        #expect(try await app.standing(of: key) == .answered(answer))
        #expect(try await app.standing(of: RequestKey(person: "王芳", key: "retry-1", fingerprint: "another")) == .reusedForAnotherRequest)
        #expect(try await app.standing(of: RequestKey(person: "李娜", key: "retry-1", fingerprint: key.fingerprint)) == .new, "keys are per person")
    }
}
