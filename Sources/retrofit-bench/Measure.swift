import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Wall-clock and memory measurement.
enum Measure {
    /// Monotonic seconds.
    static func now() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    /// Runs `body` and returns how long it took, in seconds.
    static func seconds(_ body: () throws -> Void) rethrows -> Double {
        let start = now()
        try body()
        return now() - start
    }

    static func seconds(awaiting body: () async throws -> Void) async rethrows -> Double {
        let start = now()
        try await body()
        return now() - start
    }

    /// This process's peak resident memory (VmHWM), in MB.
    static func peakMB() -> Double {
        statusKB("VmHWM").map { Double($0) / 1024 } ?? -1
    }

    /// This process's resident memory now (VmRSS), in MB.
    static func residentMB() -> Double {
        statusKB("VmRSS").map { Double($0) / 1024 } ?? -1
    }

    /// Resets VmHWM to the current resident size (Linux ≥ 4.0), so the next `peakMB()` covers only what follows.
    @discardableResult
    static func resetPeak() -> Bool {
        guard let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return false }
        defer { try? handle.close() }
        do { try handle.write(contentsOf: Data("5".utf8)) } catch { return false }
        return true
    }

    private static func statusKB(_ key: String) -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix(key + ":") {
            return Int(line.dropFirst(key.count + 1).filter(\.isNumber))
        }
        return nil
    }

    static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}

/// What the machine is, for the report.
struct MachineInfo: Codable {
    var nproc: Int
    var cpuModel: String
    var memoryGB: Double
    var kernel: String
    var sqliteShell: String
    var loadAverageAtStart: String

    static func current(sqlite3: String) -> MachineInfo {
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model = cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }
            .map { String($0.split(separator: ":", maxSplits: 1).last ?? "").trimmingCharacters(in: .whitespaces) } ?? "unknown"
        let meminfo = (try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8)) ?? ""
        let totalKB = meminfo.split(separator: "\n").first { $0.hasPrefix("MemTotal:") }.flatMap { Int($0.filter(\.isNumber)) } ?? 0
        let kernel = ((try? String(contentsOfFile: "/proc/sys/kernel/osrelease", encoding: .utf8)) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let load = ((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "").split(separator: " ").prefix(3).joined(separator: " ")
        let version = (try? Spawn.capture(sqlite3, ["-version"]))?.split(separator: " ").first.map(String.init) ?? "unknown"
        return MachineInfo(nproc: Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))), cpuModel: model,
                           memoryGB: (Double(totalKB) / 1024 / 1024 * 10).rounded() / 10, kernel: kernel,
                           sqliteShell: version, loadAverageAtStart: load)
    }
}
