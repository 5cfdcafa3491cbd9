import Foundation
import GRDB
import RetrofitApp
import RetrofitCore
@testable import RetrofitStore
import RetrofitTestSupport
import Testing

@Suite("Checkpoints in the store, and databases of another schema")
struct AuditCheckpointStoreTests {
    /// A store with one opened case, turned back into what a retrofit without checkpoints wrote (schema 2).
    static func databaseWithoutCheckpoints() async throws -> (String, URL) {
        let (store, folder) = try Fixtures.store()
        let service = Fixtures.service(store, now: "2025-03-10")
        _ = try await service.open(workflowID: "elevator-retrofit", caseID: "ER-1", fields: Fixtures.intakeFields(), at: Fixtures.time("2025-03-03"))
        try await DatabaseQueue(path: store.path).writeWithoutTransaction { db in
            try db.execute(sql: "DROP TABLE audit_checkpoint")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v3: audit checkpoints'")
            try db.execute(sql: "PRAGMA user_version = 2")
        }
        return (store.path, folder)
    }

    @Test func aDatabaseFromBeforeCheckpointsIsUpgradedWhenOpenedEvenToRead() async throws {
        let (path, folder) = try await Self.databaseWithoutCheckpoints()
        defer { try? FileManager.default.removeItem(at: folder) }
        let reader = try CaseStore(path: path, access: .read)
        #expect(try reader.checkpoints().isEmpty)
        #expect(try reader.latestCheckpoint() == nil)
        #expect(try reader.verifyChain().isIntact)
        let upgraded = try await DatabaseQueue(path: path).read { try Int.fetchOne($0, sql: "PRAGMA user_version") }
        #expect(upgraded == StoreSchema.version)

        let writer = try CaseStore(path: path, access: .write)
        let head = try writer.head()
        let key = AuditSigningKey()
        let content = CheckpointContent(sequence: head.sequence, hash: head.hash, signedAt: "2025-03-10T00:00:00+08:00")
        let stored = try writer.addCheckpoint(content, publicKey: key.publicKey.base64, signature: try key.sign(content))
        #expect(stored.number == 1)
        #expect(try writer.checkpoints() == [stored])
        #expect(key.publicKey.isValidSignature(stored.signature, of: stored.content))
    }

    @Test func theSignedBytesAreTheDocumentedFourLinesAndAnotherHeadDoesNotVerify() throws {
        let content = CheckpointContent(sequence: 77, hash: String(repeating: "ab", count: 32), signedAt: "2025-12-31T18:00:00+08:00")
        let expected = "retrofit audit checkpoint v1\nsequence 77\nhash \(String(repeating: "ab", count: 32))\ntime 2025-12-31T18:00:00+08:00\n"
        #expect(content.canonicalBytes == Data(expected.utf8))
        let key = AuditSigningKey()
        let signature = try key.sign(content)
        #expect(key.publicKey.isValidSignature(signature, of: content))
        let other = CheckpointContent(sequence: 78, hash: content.hash, signedAt: content.signedAt)
        #expect(!key.publicKey.isValidSignature(signature, of: other))
        #expect(!AuditSigningKey().publicKey.isValidSignature(signature, of: content))
    }

    @Test func keyFilesReadBackAndAnythingElseIsRefusedWithTheReason() throws {
        let key = AuditSigningKey()
        let again = try AuditSigningKey(text: key.text)
        #expect(again.publicKey == key.publicKey)
        #expect(try AuditPublicKey(text: key.publicKey.text) == key.publicKey)
        #expect(throws: AuditKeyError.self) { try AuditPublicKey(text: key.text) }   // the private file is not a public key
        #expect(throws: AuditKeyError.self) { try AuditSigningKey(text: key.publicKey.text) }
        #expect(throws: AuditKeyError.self) { try AuditPublicKey(text: AuditKeyText.publicHeader + "\nnot base64\n") }
    }

    @Test func checkpointsAreAppendOnly() throws {
        let store = try TemporaryStore.inMemory()
        let key = AuditSigningKey()
        let content = CheckpointContent(sequence: 0, hash: EventHash.genesis, signedAt: "2025-03-10T00:00:00+08:00")
        _ = try store.addCheckpoint(content, publicKey: key.publicKey.base64, signature: try key.sign(content))
        let queue = store.writer
        #expect(throws: (any Error).self) { try queue.write { try $0.execute(sql: "DELETE FROM audit_checkpoint") } }
        #expect(throws: (any Error).self) { try queue.write { try $0.execute(sql: "UPDATE audit_checkpoint SET hash = 'x'") } }
        #expect(try store.checkpoints().count == 1)
    }
}
