import Crypto
import GRDB
import RetrofitCore

extension CaseStore {
    /// The digest of a set of calendar files (and of the provisional rule's version): when it
    /// changes, every deadline may have moved.
    public static func calendarDigest(files: [(path: String, text: String)]) -> String {
        // Every command computes it: the texts are fed to the hash as they are stored, not copied into arrays.
        var hasher = SHA256()
        func feed(_ text: String) {
            var text = text
            text.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        }
        feed("statutory-holidays \(StatutoryHolidays.ruleVersion)\u{1F}")
        for file in files.sorted(by: { $0.path < $1.path }) {
            feed(file.path)
            feed("\u{1F}")
            feed(file.text)
            feed("\u{1E}")
        }
        return EventHash.hex(hasher.finalize())
    }

    /// The digest of the calendars the projections were last computed with; nil in a database just
    /// created or upgraded (a migration that adds a derived column forgets it, so the columns are filled).
    public func recordedCalendarDigest() throws(StoreError) -> String? {
        try read { db in try CaseStore.storedCalendarDigest(db) }
    }

    /// Whether the projections were computed with other calendars than those of `calendarDigest`.
    public func projectionsNeedRecomputing(calendarDigest: String) throws(StoreError) -> Bool {
        try read { db in try CaseStore.storedCalendarDigest(db) != calendarDigest }
    }

    /// Recomputes the projections from the events with `calendars` (a rebuild that rewrites only
    /// what differs) and records `calendarDigest`, in one transaction; nil when another process
    /// had already done it.
    public func recomputeProjections(calendars: [String: WorkingCalendar], calendarDigest: String) throws(StoreError) -> RebuildReport? {
        do {
            return try writer.writeWithoutTransaction { db in
                var report: RebuildReport?
                try db.inTransaction(.immediate) {
                    guard try CaseStore.storedCalendarDigest(db) != calendarDigest else { return .rollback }
                    report = try CaseStore.rebuildProjections(db, calendars: calendars, writing: true,
                                                              batchEvents: CaseStore.rebuildBatchEvents)
                    try db.execute(sql: "INSERT OR REPLACE INTO projection_input (name, digest) VALUES ('calendars', ?)",
                                   arguments: [calendarDigest])
                    return .commit
                }
                return report
            }
        } catch {
            throw CaseStore.translate(error, path: path)
        }
    }

    private static func storedCalendarDigest(_ db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT digest FROM projection_input WHERE name = 'calendars'")
    }
}
