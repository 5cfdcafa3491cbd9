import Foundation
import RetrofitApp
import RetrofitCore
import RetrofitReports

/// Shows an import's progress on stderr: one updating line on a terminal (rows, rate, time left),
/// one plain line per batch otherwise (logs, pipes, tests).
struct ImportProgress {
    let isTerminal: Bool
    let started: UInt64
    private var lastDraw: UInt64 = 0

    init(isTerminal: Bool = isatty(2) != 0) {
        self.isTerminal = isTerminal
        started = DispatchTime.now().uptimeNanoseconds
    }

    mutating func show(_ progress: LedgerImporter.Progress) {
        let now = DispatchTime.now().uptimeNanoseconds
        let counts = "\(progress.rowsDone)/\(progress.rowsTotal) rows (\(progress.imported) imported, \(progress.skipped) skipped)"
        guard isTerminal else {
            write("import: batch \(progress.batch)/\(progress.batches): \(counts)\n")
            return
        }
        // Redraw at most ten times a second, and always at the end.
        guard now - lastDraw >= 100_000_000 || progress.rowsDone == progress.rowsTotal else { return }
        lastDraw = now
        let elapsed = max(1, now - started)
        let done = UInt64(max(0, progress.rowsDone))
        let rate = done * 1_000_000_000 / elapsed
        let left = done == 0 ? 0 : UInt64(max(0, progress.rowsTotal - progress.rowsDone)) * elapsed / done / 1_000_000_000
        let percent = progress.rowsTotal == 0 ? 100 : progress.rowsDone * 100 / progress.rowsTotal
        let end = progress.rowsDone == progress.rowsTotal ? "\n" : ""
        write("\r\u{1B}[Kimporting: \(counts) \(percent)% · \(rate) rows/s · \(ImportProgress.duration(left)) left\(end)")
    }

    /// `42s`, `3m 05s`, `1h 02m`.
    static func duration(_ seconds: UInt64) -> String {
        if seconds < 60 { return "\(seconds)s" }
        if seconds < 3600 { return "\(seconds / 60)m \(String(format2: Int(seconds % 60)))s" }
        return "\(seconds / 3600)h \(String(format2: Int(seconds / 60 % 60)))m"
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
