import Foundation

/// The targets of issue 7, judged from the results at the largest scale run.
enum Targets {
    static func judge(_ results: [BenchResult], largest scale: String) -> [TargetSummary] {
        let here = results.filter { $0.scale == scale && $0.status == "ok" }
        func find(_ name: String, _ kind: String) -> [BenchResult] { here.filter { $0.name == name && $0.kind == kind } }
        func ratio(_ value: Double?) -> String { value.map { String(format: "×%.2f", $0) } ?? "?" }
        var summaries: [TargetSummary] = []

        for demo in find("demo", "cli") {
            let seconds = demo.seconds ?? .infinity
            summaries.append(TargetSummary(
                target: "retrofit demo: \(demo.cases ?? 0) cases (~2,000,000 events) well under a minute",
                measured: String(format: "%.1f s for %d events (%.0f events/s)", seconds, demo.events ?? 0, demo.eventsPerSecond ?? 0),
                met: seconds < 60))
        }
        for result in find("advance", "in-process") {
            summaries.append(TargetSummary(
                target: "in-process advance (CaseService.execute, a transaction each) within 1.5× of SQLite doing the same",
                measured: String(format: "%.2f ms vs %.2f ms: %@", result.perOperationMs ?? 0, result.sqlite?.perOperationMs ?? 0, ratio(result.ratio)),
                met: (result.ratio ?? .infinity) <= 1.5))
        }
        for result in find("case advance", "cli") {
            summaries.append(TargetSummary(
                target: "one `retrofit case advance` process (\(result.binary ?? "?")) within 2× of the sqlite3 shell doing the same transaction",
                measured: String(format: "%.1f ms vs %.1f ms: %@", result.perOperationMs ?? 0, result.sqlite?.perOperationMs ?? 0, ratio(result.ratio)),
                met: (result.ratio ?? .infinity) <= 2))
        }
        for result in find("bulk-append", "in-process") {
            let share = (result.eventsPerSecond ?? 0) / max(1, result.sqlite?.eventsPerSecond ?? 1)
            summaries.append(TargetSummary(
                target: "bulk append at least half of SQLite's bulk insert rate",
                measured: String(format: "%.0f vs %.0f events/s: %.0f%% of SQLite's rate", result.eventsPerSecond ?? 0, result.sqlite?.eventsPerSecond ?? 0, share * 100),
                met: share >= 0.5))
        }
        for result in find("rebuild", "in-process") + find("rebuild-emptied", "in-process") {
            summaries.append(TargetSummary(
                target: "projection rebuild at least 300,000 events per second (\(result.name == "rebuild" ? "projections intact" : "projections emptied first"))",
                measured: String(format: "%.0f events/s (%d events in %.2f s)", result.eventsPerSecond ?? 0, result.events ?? 0, result.seconds ?? 0),
                met: (result.eventsPerSecond ?? 0) >= 300_000))
        }
        for result in find("overdue", "cli") {
            summaries.append(TargetSummary(
                target: "`retrofit overdue` (\(result.binary ?? "?")) within 1.5× of the sqlite3 shell printing the same rows",
                measured: String(format: "%.1f ms vs %.1f ms: %@ (%@)", result.perOperationMs ?? 0, result.sqlite?.perOperationMs ?? 0, ratio(result.ratio), result.note ?? ""),
                met: (result.ratio ?? .infinity) <= 1.5))
        }
        for result in find("report bottlenecks", "cli") {
            summaries.append(TargetSummary(
                target: "`report bottlenecks` (\(result.binary ?? "?")) over \(result.events ?? 0) events under 1 second",
                measured: String(format: "%.2f s (sqlite3 reading the same rows: %.2f s)", result.seconds ?? 0, result.sqlite?.seconds ?? 0),
                met: (result.seconds ?? .infinity) < 1))
        }
        let measured = here.filter { $0.peakMB != nil }
        let over = measured.filter { ($0.peakMB ?? 0) > 100 }
        let top = measured.max { ($0.peakMB ?? 0) < ($1.peakMB ?? 0) }
        summaries.append(TargetSummary(
            target: "no command above 100 MB peak memory at \(scale)",
            measured: over.isEmpty
                ? String(format: "largest: %@ %.1f MB", top.map { "\($0.name)\($0.binary.map { " [\($0)]" } ?? "")" } ?? "-", top?.peakMB ?? 0)
                : over.map { String(format: "%@ %.1f MB", $0.name, $0.peakMB ?? 0) }.joined(separator: ", "),
            met: over.isEmpty))
        for result in find("long-case-advance", "in-process") {
            summaries.append(TargetSummary(
                target: "a case with 100,000 events advances within 1.5× of a fresh case",
                measured: String(format: "%.2f ms: %@ of a fresh case's", result.perOperationMs ?? 0, ratio(result.ratio)),
                met: (result.ratio ?? .infinity) <= 1.5))
        }
        return summaries
    }
}
