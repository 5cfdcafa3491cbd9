import Foundation
import RetrofitApp
import RetrofitReports

/// Reading and writing the key files of `audit keygen`, and heads given on the command line.
enum AuditKeyFile {
    /// Creates `path` (mode 0600) with the private key and `path.pub` with the public key; neither may exist.
    static func create(_ path: String, pair key: AuditKeyPair) throws(CommandFailure) {
        let publicPath = path + ".pub"
        for existing in [path, publicPath] where FileManager.default.fileExists(atPath: existing) {
            throw .badInput("\(existing) already exists; nothing was written — give --out a new path (a key is never overwritten)")
        }
        try write(key.privateKeyText, to: path, mode: 0o600)
        do {
            try write(key.publicKeyText, to: publicPath, mode: 0o644)
        } catch {
            unlink(path)
            throw error
        }
    }

    /// Writes a new file with exactly `mode` (created so, never wider for a moment).
    private static func write(_ text: String, to path: String, mode: mode_t) throws(CommandFailure) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, mode)
        guard descriptor >= 0 else { throw .badInput("cannot create \(path): \(String(cString: strerror(errno))); nothing was written") }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
        let synced = fsync(descriptor) == 0
        close(descriptor)
        guard written == bytes.count, synced, chmod(path, mode) == 0 else {
            unlink(path)
            throw .badInput("cannot write \(path); nothing was written")
        }
    }

    /// The text of the private key file `path`, refused when the file is readable by group or others.
    static func signingKeyText(_ path: String) throws(CommandFailure) -> String {
        var status = stat()
        guard stat(path, &status) == 0 else { throw .badInput("cannot read key file \(path): \(String(cString: strerror(errno)))") }
        let others = status.st_mode & 0o077
        guard others == 0 else {
            throw .badInput("key file \(path) can be read by others (mode \(String(status.st_mode & 0o777, radix: 8))); a private key must be mode 0600: run 'chmod 600 \(path)'")
        }
        return try text(path)
    }

    /// The public key in `path`.
    static func publicKey(_ path: String) throws(CommandFailure) -> AuditPublicKey {
        do { return try AuditPublicKey(text: try text(path)) } catch let error as AuditKeyError {
            throw .badInput("--public-key \(path) is not a retrofit public key: \(error)")
        } catch let failure as CommandFailure { throw failure } catch { throw .badInput("\(error)") }
    }

    private static func text(_ path: String) throws(CommandFailure) -> String {
        guard let data = FileManager.default.contents(atPath: path) else { throw .badInput("cannot read key file \(path)") }
        guard let text = String(data: data, encoding: .utf8) else { throw .badInput("key file \(path) is not UTF-8 text") }
        return text
    }

    /// `SEQ:HASH`, e.g. `77:7e35…` (64 lowercase hex digits), or the line `audit head` prints, `event 77, hash 7e35…`.
    static func head(_ text: String, option: String) throws(CommandFailure) -> AuditHead {
        var text = text.trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("event "), let comma = text.range(of: ", hash ") {
            text = text[text.index(text.startIndex, offsetBy: 6)..<comma.lowerBound] + ":" + text[comma.upperBound...]
        }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        let hexDigits = Set("0123456789abcdef")
        guard parts.count == 2, let sequence = Int64(parts[0]), sequence >= 0,
              parts[1].count == 64, parts[1].allSatisfy({ hexDigits.contains($0) }) else {
            throw .badInput("\(option) '\(text)' is not a head; expected SEQ:HASH, the event number and its 64 lowercase hex digits as 'retrofit audit head' prints them (e.g. 77:7e3557c7…)")
        }
        return AuditHead(sequence: sequence, hash: String(parts[1]))
    }
}
