import Foundation
import RetrofitTestSupport
import Testing

/// `--db` pointing at something that is not what retrofit expects. Each write gets one `error:`
/// line saying what is wrong and what to do, exit 5, and the file's bytes stay as they were.
///
/// Tests run as root, for whom permission bits are no obstacle, so "read-only" is made real with
/// `chattr +i` (immutable: not even root may write) on an ext4 /tmp, and "full" with a tiny tmpfs
/// mounted for the test. Where `chattr` or `mount` is unavailable, those cases are skipped and say so.
@Suite("Databases that are not what we expect", .tags(.reliability), .serialized)
struct UnexpectedDatabaseTests {
    /// A retrofit database with two imported cases, built through the CLI, and `new.csv` with two more.
    private func retrofitDatabase(_ cli: LedgerCLI) throws -> Data {
        try cli.write("ledger.csv", LedgerFiles.csv(LedgerFiles.rows(2)))
        try cli.write("new.csv", LedgerFiles.csv(LedgerFiles.rows(2, prefix: "NEW")))
        #expect(try cli.run("import", "ledger.csv", "--workflow", "elevator-retrofit").status == 0)
        return try Data(contentsOf: URL(fileURLWithPath: cli.database))
    }

    /// Runs a note and an import against `path` and expects each to fail with exit 5 and one
    /// `error:` line containing `phrase`, leaving the file's bytes unchanged.
    private func expectRefusal(_ cli: LedgerCLI, path: String, phrase: String) throws {
        let before = LedgerDatabaseInspection.fileDigest(path)
        for arguments in [["case", "note", "LG-00000", "hello", "--db", path],
                          ["import", "new.csv", "--workflow", "elevator-retrofit", "--db", path]] {
            let result = try cli.run(arguments)
            #expect(result.status == 5, "\(result)")
            #expect(result.errorLines.count == 1, "\(result)")
            #expect(result.errorLines.first?.contains(phrase) == true, "\(result)")
            #expect(!result.stderr.contains("\n\n"))
        }
        #expect(LedgerDatabaseInspection.fileDigest(path) == before, "\(path) was changed")
    }

    /// Writes `bytes` into the file at `offset` (SQLite's header fields are big-endian).
    private func patch(_ path: String, offset: Int, _ bytes: [UInt8]) throws {
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        try handle.seek(toOffset: UInt64(offset))
        try handle.write(contentsOf: Data(bytes))
    }

    @Test("a file that is not SQLite")
    func notSQLite() throws {
        let cli = try LedgerCLI.temporary("db-not-sqlite")
        defer { cli.cleanUp() }
        _ = try retrofitDatabase(cli)
        try cli.write("notes.txt", Data("这不是数据库 / not a database\n".utf8))
        try expectRefusal(cli, path: cli.path("notes.txt"), phrase: "is not a SQLite database; give --db the path of a retrofit database")
    }

    @Test("a SQLite database of another program (another application id)")
    func anotherProgram() throws {
        let cli = try LedgerCLI.temporary("db-other")
        defer { cli.cleanUp() }
        let data = try retrofitDatabase(cli)
        try cli.write("other.sqlite", data)
        try patch(cli.path("other.sqlite"), offset: 68, [0x12, 0x34, 0x56, 0x78])   // PRAGMA application_id
        try expectRefusal(cli, path: cli.path("other.sqlite"), phrase: "is a SQLite database of another program, not a retrofit database")
    }

    @Test("a retrofit database from a newer schema (user_version 99)")
    func newerSchema() throws {
        let cli = try LedgerCLI.temporary("db-newer")
        defer { cli.cleanUp() }
        let data = try retrofitDatabase(cli)
        try cli.write("newer.sqlite", data)
        try patch(cli.path("newer.sqlite"), offset: 60, [0, 0, 0, 99])   // PRAGMA user_version
        try expectRefusal(cli, path: cli.path("newer.sqlite"), phrase: "was written by a newer retrofit (schema 99; this retrofit knows up to 6); upgrade retrofit")
    }

    @Test("a retrofit database with a migration this retrofit does not know is refused unchanged, for reads too")
    func newerMigration() throws {
        let cli = try LedgerCLI.temporary("db-newer-migration")
        defer { cli.cleanUp() }
        let data = try retrofitDatabase(cli)
        let path = cli.path("newer-migration.sqlite")
        try cli.write("newer-migration.sqlite", data)
        // What a newer retrofit leaves: its migration recorded, user_version as this one writes it.
        try SQLiteFile.execute(path, "INSERT INTO grdb_migrations (identifier) VALUES ('v3-from-the-future')")
        let before = LedgerDatabaseInspection.fileDigest(path)
        let phrase = "was changed by a newer retrofit (migration 'v3-from-the-future', which this retrofit does not know); nothing was written — upgrade retrofit to use it"
        try expectRefusal(cli, path: path, phrase: phrase)
        for arguments in [["audit", "verify", "--db", path], ["case", "list", "--db", path]] {
            let result = try cli.run(arguments)
            #expect(result.status == 5, "\(result)")
            #expect(result.errorLines == ["error: \(path) \(phrase)"], "\(result)")
        }
        #expect(LedgerDatabaseInspection.fileDigest(path) == before, "\(path) was changed")
    }

    @Test("a read-only (immutable) database file", .enabled(if: LedgerSystem.canMakeImmutable))
    func readOnlyFile() throws {
        let cli = try LedgerCLI.temporary("db-readonly-file")
        defer { cli.cleanUp() }
        _ = try retrofitDatabase(cli)
        try LedgerSystem.chattr("+i", cli.database)
        defer { try? LedgerSystem.chattr("-i", cli.database) }
        try expectRefusal(cli, path: cli.database, phrase: "cannot be written (read-only file or folder); check its permissions or copy it somewhere writable")
        // Reading still works.
        #expect(try cli.run("case", "list").status == 0)
    }

    @Test("a database in a read-only (immutable) folder", .enabled(if: LedgerSystem.canMakeImmutable))
    func readOnlyFolder() throws {
        let cli = try LedgerCLI.temporary("db-readonly-folder")
        defer { cli.cleanUp() }
        let data = try retrofitDatabase(cli)
        let folder = cli.path("locked")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try data.write(to: URL(fileURLWithPath: folder + "/r.sqlite"))
        try LedgerSystem.chattr("+i", folder)
        defer { try? LedgerSystem.chattr("-i", folder) }
        try expectRefusal(cli, path: folder + "/r.sqlite", phrase: "cannot be written (read-only file or folder)")
    }

    @Test("a full disk (a tiny tmpfs), with a little room left and with none", .enabled(if: LedgerSystem.canMountTmpfs))
    func fullDisk() throws {
        let cli = try LedgerCLI.temporary("db-full")
        defer { cli.cleanUp() }
        let data = try retrofitDatabase(cli)
        let mount = cli.path("tiny")
        try FileManager.default.createDirectory(atPath: mount, withIntermediateDirectories: true)
        try LedgerSystem.shell("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", mount)
        defer { try? LedgerSystem.shell("umount", mount) }
        let path = mount + "/r.sqlite"
        try data.write(to: URL(fileURLWithPath: path))
        for room in [40, 0] {   // kilobytes left free
            try? FileManager.default.removeItem(atPath: mount + "/filler")
            try LedgerSystem.fill(mount + "/filler", leaving: room)
            try expectRefusal(cli, path: path, phrase: "is full (or the database reached its size limit); free space and retry — nothing was written")
        }
        try FileManager.default.removeItem(atPath: mount + "/filler")
        let note = try cli.run("case", "note", "LG-00000", "room again", "--db", path)
        #expect(note.status == 0, "\(note)")
        #expect(try LedgerDatabaseInspection.inspect(path).isSound)
    }
}
