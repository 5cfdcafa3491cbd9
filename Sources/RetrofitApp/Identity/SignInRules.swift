import Foundation
import RetrofitCore

/// How long sessions last and when sign-in locks (issue 13's numbers, decided once here).
enum SignInRules {
    /// A session nobody used for this long ends.
    static let sessionIdleSeconds: Int64 = 8 * 3600
    /// A session ends this long after sign-in, used or not.
    static let sessionAbsoluteSeconds: Int64 = 12 * 3600
    /// A session's last use is written at most this often, so that reads do not each write.
    static let sessionTouchSeconds: Int64 = 60
    /// Failures counted within this window…
    static let failureWindowSeconds: Int64 = 15 * 60
    /// …lock a name after this many…
    static let failuresPerName = 5
    /// …or an address after this many…
    static let failuresPerAddress = 20
    /// …for this long after the last of them.
    static let lockSeconds: Int64 = 15 * 60
    /// Request keys are kept this long.
    static let requestKeySeconds: Int64 = 24 * 3600
    /// Passwords have at least this many characters, and at most this many UTF-8 bytes (bcrypt reads no more).
    static let passwordMinimumCharacters = 10
    static let passwordMaximumBytes = 72

    /// When a name or address with these failures (oldest first) may try again; nil when it is not locked.
    static func lockedUntil(failures: [Timestamp], limit: Int, now: Timestamp) -> Timestamp? {
        guard let last = failures.last, failures.count >= limit else { return nil }
        let windowStart = last.adding(seconds: -failureWindowSeconds)
        guard failures.filter({ $0 >= windowStart }).count >= limit else { return nil }
        let until = last.adding(seconds: lockSeconds)
        return until > now ? until : nil
    }

    /// Refuses a password too short, too long for bcrypt, or the person's own name.
    static func check(password: String, name: String) throws(AppError) {
        if password.count < passwordMinimumCharacters {
            throw .badInput("the password has \(password.count) characters; it needs at least \(passwordMinimumCharacters)")
        }
        if password.utf8.count > passwordMaximumBytes {
            throw .badInput("the password is \(password.utf8.count) bytes long in UTF-8; at most \(passwordMaximumBytes) are used, so it may not be longer")
        }
        if password.trimmingCharacters(in: .whitespaces).lowercased() == name.trimmingCharacters(in: .whitespaces).lowercased() {
            throw .badInput("the password must not be the person's name")
        }
    }
}
