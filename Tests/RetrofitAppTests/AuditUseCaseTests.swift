import Foundation
import RetrofitApp
import RetrofitCore
import RetrofitReports
import RetrofitTestSupport
import Testing

@Suite("Audit use cases: a forged event is found, and nothing is signed over it")
struct AuditUseCaseTests {
    /// Flips the first objecting ballot to agreeing.
    static let flipBallot = """
        UPDATE event SET payload = replace(payload, '"vote":"object"', '"vote":"agree"')
        WHERE sequence = (SELECT min(sequence) FROM event WHERE type = 'ballot-cast' AND payload LIKE '%"vote":"object"%')
        """

    @Test func anUntouchedLogVerifiesToItsHead() async throws {
        let (database, demo) = try await AppTestDatabase.withDemo()
        defer { database.remove() }
        let result = try await database.app.verifyAudit(AuditVerifyRequest(), by: database.actor)
        let head = try await database.app.auditHead(by: database.actor)
        #expect(result.ok && result.findings == nil)
        #expect(result.events >= demo.events && Int(head.sequence) == result.events)
        #expect(result.head == head.hash)
        #expect(result.lines.first?.hasPrefix("ok: \(result.events) events") == true)
    }

    @Test func anEventEditedWithSQLiteIsFoundWithItsCaseAndType() async throws {
        let (database, _) = try await AppTestDatabase.withDemo(cases: 40)
        defer { database.remove() }
        try ChainForgery.edit(database.path, AuditUseCaseTests.flipBallot)
        let result = try await database.app.verifyAudit(AuditVerifyRequest(), by: database.actor)
        #expect(!result.ok)
        #expect(result.findings?.category == .findings)
        #expect(result.brokenType == "ballot-cast")
        #expect(result.brokenCase?.hasPrefix("ER-") == true)
        #expect(result.advice == AuditVerification.advice)
    }

    @Test func aRecomputedChainIsCaughtByTheCheckpointSignedBefore() async throws {
        let (database, _) = try await AppTestDatabase.withDemo(cases: 40)
        defer { database.remove() }
        let pair = RetrofitApp.newAuditKeyPair()
        let signed = try await database.app.signAuditCheckpoint(AuditCheckpointRequest(privateKeyText: pair.privateKeyText, keyName: "test.key"),
                                                                by: database.actor)
        #expect(signed.number == 1 && signed.publicKey == pair.publicKey)
        let publicKey = try AuditPublicKey(text: pair.publicKeyText)
        #expect(try await database.app.verifyAudit(AuditVerifyRequest(publicKeys: [publicKey]), by: database.actor).ok)

        // The forger rewrites a ballot and recomputes every hash: the chain verifies, the checkpoint does not.
        let changed = try ChainForgery.rewrite(database.path, AuditUseCaseTests.flipBallot)
        try #require(changed == 1)
        let result = try await database.app.verifyAudit(AuditVerifyRequest(publicKeys: [publicKey]), by: database.actor)
        #expect(result.brokenAt == nil)
        #expect(!result.ok && result.findings?.category == .findings)
        #expect(result.checkpoints.count == 1 && result.checkpoints[0].matches == false)
    }

    @Test func nothingIsSignedOverABrokenLog() async throws {
        let (database, _) = try await AppTestDatabase.withDemo(cases: 40)
        defer { database.remove() }
        try ChainForgery.edit(database.path, AuditUseCaseTests.flipBallot)
        let pair = RetrofitApp.newAuditKeyPair()
        do {
            _ = try await database.app.signAuditCheckpoint(AuditCheckpointRequest(privateKeyText: pair.privateKeyText, keyName: "test.key"),
                                                           by: database.actor)
            Issue.record("a broken log was signed")
        } catch {
            #expect(error.category == .refused)
            #expect(error.message.hasPrefix("the log does not verify (broken at event "))
        }
    }

    @Test func aPrivateKeyThatIsNotOneIsBadInputNamingTheKey() async throws {
        let (database, _) = try await AppTestDatabase.withDemo(cases: 5)
        defer { database.remove() }
        do {
            _ = try await database.app.signAuditCheckpoint(AuditCheckpointRequest(privateKeyText: "hello\n", keyName: "bad.key"), by: database.actor)
            Issue.record("a text that is no key signed")
        } catch {
            #expect(error.category == .badInput)
            #expect(error.message.hasPrefix("key file bad.key is not a retrofit private key: "))
        }
    }
}
