import GRDB

/// Another writer on a database file, as a long CLI import is: a second SQLite connection holding the write lock
/// (`BEGIN IMMEDIATE`) until released, so every other writer waits on its busy timeout.
public final class SQLiteWriteLock: @unchecked Sendable {
    private let queue: DatabaseQueue
    private var held = true

    /// Opens the file and takes the write lock; waits up to `busySeconds` for a writer already in it.
    public init(holding path: String, busySeconds: Double = 30) throws {
        var configuration = Configuration()
        // The transaction is left open across calls on purpose: that is the lock.
        configuration.allowsUnsafeTransactions = true
        configuration.busyMode = .timeout(busySeconds)
        queue = try DatabaseQueue(path: path, configuration: configuration)
        try queue.writeWithoutTransaction { try $0.execute(sql: "BEGIN IMMEDIATE") }
    }

    /// Rolls back (nothing was written) and lets other writers in.
    public func release() throws {
        guard held else { return }
        held = false
        try queue.writeWithoutTransaction { try $0.execute(sql: "ROLLBACK") }
    }

    deinit { try? release() }
}
