import Foundation
import RetrofitStore

/// Stores for tests: in memory when a test needs only a store, on a file in a temporary folder when it needs
/// the file itself (reopening it, a second connection, a copy beside it).
public enum TemporaryStore {
    /// A new, empty store in memory; nothing to clean up.
    public static func inMemory() throws -> CaseStore {
        try CaseStore.inMemory()
    }

    /// Runs `body` with a new store on a file in a new temporary folder, then removes the folder, whatever `body` did.
    ///
    /// A closure rather than an object that cleans up when released: Swift may release an object right after its
    /// last use, which would remove the folder while the store it handed out is still open.
    public static func onFile<T>(_ body: (_ store: CaseStore, _ folder: URL) throws -> T) throws -> T {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        return try body(try CaseStore(path: folder.appendingPathComponent("test.sqlite").path, access: .write), folder)
    }

    /// Runs `body` with a new store on a file in a new temporary folder, then removes the folder, whatever `body` did.
    public static func onFile<T>(_ body: (_ store: CaseStore, _ folder: URL) async throws -> T) async throws -> T {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        return try await body(try CaseStore(path: folder.appendingPathComponent("test.sqlite").path, access: .write), folder)
    }

    private static func makeFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("retrofit-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}
