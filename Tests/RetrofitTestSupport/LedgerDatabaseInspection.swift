import Foundation
import RetrofitCore
import RetrofitStore

/// What the reliability tests check on a database after concurrency, kills and fuzzing.
public struct LedgerDatabaseInspection: Sendable {
    /// `PRAGMA integrity_check` findings; empty when sound.
    public let integrityProblems: [String]
    public let chainIntact: Bool
    /// A rebuild from the log alone equals the live projections.
    public let rebuildIdentical: Bool
    public let eventCount: Int
    /// Each case's events' versions, in order.
    public let versions: [String: [Int]]
    /// Each case's event types, in version order.
    public let types: [String: [String]]

    public var isSound: Bool { integrityProblems.isEmpty && chainIntact && rebuildIdentical }

    /// Every case's versions are 1, 2, 3, … with no gap.
    public var versionsGapFree: Bool { versions.values.allSatisfy { $0 == Array(stride(from: 1, through: $0.count, by: 1)) } }

    /// Opens `path` and looks at everything; throws only when the file cannot be opened.
    public static func inspect(_ path: String, calendars: [String: WorkingCalendar] = LedgerFixtures.calendars) throws -> LedgerDatabaseInspection {
        let store = try CaseStore(path: path, access: .read)
        let integrity = try store.integrityCheck()
        let chain = try store.verifyChain()
        let rebuild = try store.rebuild(calendars: calendars, keep: false)
        var versions: [String: [Int]] = [:]
        var types: [String: [String]] = [:]
        try store.forEachEvent { event in
            versions[event.caseID, default: []].append(event.version)
            types[event.caseID, default: []].append(event.type)
        }
        return LedgerDatabaseInspection(integrityProblems: integrity, chainIntact: chain.isIntact, rebuildIdentical: rebuild.identical,
                                        eventCount: chain.events, versions: versions, types: types)
    }

    /// The log's last sequence number: how many events there are, read cheaply.
    public static func eventCount(_ path: String) throws -> Int64 {
        try CaseStore(path: path, access: .read).head().sequence
    }

    /// SHA-256 (hex) of some bytes.
    public static func digest(_ data: Data) -> String { EventHash.digest(data) }

    /// SHA-256 of a file's bytes, to show a command left it unchanged.
    public static func fileDigest(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map(EventHash.digest)
    }
}
