import Dispatch
import Foundation
import HummingbirdBcrypt
import RetrofitStore

/// Random secrets, their digests, and password hashing off the caller's thread.
enum Secrets {
    /// bcrypt's work factor for passwords.
    static let passwordCost: UInt8 = 12

    /// 32 random bytes as base64url without padding (43 characters), from the system's secure generator.
    static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// The SHA-256 of a token or session id, hex: what the store keeps instead of the secret.
    static func digest(_ secret: String) -> String { EventHash.digest(Data(secret.utf8)) }

    /// bcrypt of `password`, computed on a global queue: a quarter of a second of work must not hold a thread of
    /// the concurrency runtime, which a server's requests share.
    static func hashPassword(_ password: String) async -> String {
        await offThread { Bcrypt.hash(password, cost: passwordCost) }
    }

    /// Whether `password` matches `hash`; with no hash (an unknown name, a person without a password) it is
    /// checked against a hash nothing matches, so that the refusal takes as long either way.
    static func verifyPassword(_ password: String, hash: String?) async -> Bool {
        await offThread {
            let matches = Bcrypt.verify(password, hash: hash ?? unknownPersonHash)
            return hash != nil && matches
        }
    }

    private static let unknownPersonHash = Bcrypt.hash(random(), cost: passwordCost)

    private static func offThread<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: work()) }
        }
    }
}
