import Foundation

/// One measurement: retrofit's number, SQLite's number for the same work, and the target.
struct BenchResult: Codable {
    var name: String
    var scale: String
    /// "in-process" (the library, in a fresh child process) or "cli" (a whole `retrofit` process).
    var kind: String
    /// For CLI results: which binary ("dynamic", "static", …).
    var binary: String?
    /// "ok" or "failed".
    var status = "ok"
    var cases: Int?
    /// Events in the database (or written, for appends).
    var events: Int?
    /// How many operations were timed.
    var operations: Int?
    /// Wall seconds: the total for throughput results, the median of one operation for latency results.
    var seconds: Double?
    var perOperationMs: Double?
    var eventsPerSecond: Double?
    /// Peak resident memory in MB: VmHWM after a reset just before the timed part (in-process), or
    /// the whole process's maximum RSS from `/usr/bin/time -f %M` (CLI).
    var peakMB: Double?
    /// The whole child process's maximum RSS (set-up included; /usr/bin/time), for in-process results.
    var processPeakMB: Double?
    /// Rows printed or returned, where that says something.
    var rows: Int?
    var sqlite: Baseline?
    /// retrofit's time divided by the sqlite3 shell's time for the same work (1.0 = as fast as SQLite).
    var ratio: Double?
    var target: Target?
    var note: String?

    init(name: String, scale: String, kind: String) {
        self.name = name
        self.scale = scale
        self.kind = kind
    }
}

/// The sqlite3 shell doing the same work, with the store's durability settings.
struct Baseline: Codable {
    var seconds: Double
    var perOperationMs: Double?
    var eventsPerSecond: Double?
    var peakMB: Double
    /// What the shell ran.
    var work: String
}

struct Target: Codable {
    var text: String
    var met: Bool?
}

/// The whole run.
struct BenchReport: Codable {
    var suite = "retrofit-bench"
    var command: String
    var startedAt: String
    var finishedAt: String?
    var machine: MachineInfo
    var binaries: [String: String]
    var demoOptions: String
    var results: [BenchResult] = []
    /// Targets of issue 7, judged from the results.
    var targets: [TargetSummary] = []
}

struct TargetSummary: Codable {
    var target: String
    var measured: String
    var met: Bool?
}

extension Double {
    /// Rounded to `places` decimals, for readable JSON.
    func rounded(_ places: Int) -> Double {
        let scale = pow(10, Double(places))
        return (self * scale).rounded() / scale
    }
}
