import Foundation

/// Where a report goes while it is being written: standard output, or a file that appears whole once
/// the report is done, as `ReportRunning.emit` writes one (the text goes to a temporary file beside it,
/// renamed into place at the end; a report that fails leaves nothing behind).
final class ReportDestination {
    private let path: String?
    private let temporary: String?
    private let handle: FileHandle
    private var committed = false

    /// `path` nil or `-` is standard output.
    init(path: String?) throws(CommandFailure) {
        guard let path, path != "-" else {
            self.path = nil
            temporary = nil
            handle = FileHandle.standardOutput
            return
        }
        let temporary = "\(path).partial-\(ProcessInfo.processInfo.processIdentifier)"
        guard FileManager.default.createFile(atPath: temporary, contents: nil), let handle = FileHandle(forWritingAtPath: temporary) else {
            throw .badInput("cannot write \(path); check the folder exists and is writable")
        }
        self.path = path
        self.temporary = temporary
        self.handle = handle
    }

    func write(_ bytes: [UInt8]) throws(CommandFailure) {
        do {
            try handle.write(contentsOf: bytes)
        } catch {
            throw .badInput("cannot write \(path ?? "standard output"): \(error.localizedDescription)")
        }
    }

    /// Puts the file in place; nothing to do for standard output.
    func commit() throws(CommandFailure) {
        guard let path, let temporary else { return }
        do {
            try handle.close()
        } catch {
            throw .badInput("cannot write \(path): \(error.localizedDescription)")
        }
        guard rename(temporary, path) == 0 else {
            throw .badInput("cannot write \(path): \(String(cString: strerror(errno)))")
        }
        committed = true
    }

    deinit {
        guard let temporary, !committed else { return }
        try? handle.close()
        try? FileManager.default.removeItem(atPath: temporary)
    }
}

/// The format a report file's name implies: `--out x.csv` without `--format` writes CSV.
enum ReportFileFormat: String {
    case csv, json, html

    /// The format `path`'s extension names (any case), nil for another extension or standard output.
    static func implied(by path: String?) -> ReportFileFormat? {
        guard let path, path != "-" else { return nil }
        let name = (path as NSString).lastPathComponent
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        return ReportFileFormat(rawValue: name[name.index(after: dot)...].lowercased())
    }

    /// Refuses a file name that implies another format than `format`, the only one the report is written in.
    static func check(_ path: String?, writes format: ReportFileFormat) throws(CommandFailure) {
        guard let implied = implied(by: path), implied != format, let path else { return }
        throw .badInput("--out \(path) names a .\(implied.rawValue) file, but this report is written as \(format.rawValue.uppercased()); give a .\(format.rawValue) file name")
    }
}
