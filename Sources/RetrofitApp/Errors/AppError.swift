import RetrofitCore
import RetrofitReports
import RetrofitStore

/// Why a use case was not carried out, by category, whatever the front end.
///
/// The CLI turns a category into an exit code, the server into an HTTP status; both show `message`,
/// the same sentence. A refusal is an expected answer, not a crash: nothing was written.
public struct AppError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Category: String, Sendable, Hashable, Codable, CaseIterable {
        /// The request itself is wrong: an unknown field, a malformed date, a value of the wrong type.
        case badInput = "bad-input"
        /// What the request names does not exist (a case, a person, a workflow version).
        case notFound = "not-found"
        /// The actor's role or district does not allow it.
        case forbidden
        /// Well-formed, allowed to the actor, but the workflow does not allow it now.
        case refused
        /// The case changed since the version the request was decided on.
        case conflict
        /// The database cannot be used: missing, locked past the busy timeout, damaged, full, of a newer retrofit.
        case unavailable
        /// A check ran and found problems, which its result lists (verify, check, validate).
        case findings
        /// No one is signed in, or the name, password, token or session does not hold (a server's requests only).
        case unauthenticated
        /// Too many failed sign-ins: the name or address is locked until `retryAfterSeconds` have passed.
        case throttled
    }

    public let category: Category
    /// One plain sentence naming the bad value and what was expected, in no front end's words.
    public let message: String
    /// What the person can do about it, as structure each front end words its own way
    /// (an option to give on the command line, a list of buttons on a page).
    public let hints: [InputHint]
    /// Text that follows the sentence and its hints: a list of problems, the columns needed.
    public let detail: String
    /// For `throttled` and `unavailable`: when trying again may succeed, in whole seconds from now.
    public let retryAfterSeconds: Int?

    public init(_ category: Category, _ message: String, hints: [InputHint] = [], detail: String = "", retryAfterSeconds: Int? = nil) {
        self.category = category
        self.message = message
        self.hints = hints
        self.detail = detail
        self.retryAfterSeconds = retryAfterSeconds
    }

    public var description: String { message + detail }

    public static func badInput(_ message: String) -> AppError { AppError(.badInput, message) }
    public static func notFound(_ message: String) -> AppError { AppError(.notFound, message) }
    public static func forbidden(_ message: String) -> AppError { AppError(.forbidden, message) }
    public static func refused(_ message: String) -> AppError { AppError(.refused, message) }
    public static func conflict(_ message: String) -> AppError { AppError(.conflict, message) }
    public static func unavailable(_ message: String) -> AppError { AppError(.unavailable, message) }
    public static func unauthenticated(_ message: String) -> AppError { AppError(.unauthenticated, message) }
    /// A check's problems, already in its result; `message` is the one-line summary (empty when there is none to add).
    public static func findings(_ message: String?) -> AppError { AppError(.findings, message ?? "") }
}

extension AppError {
    /// A refusal of the engine: bad input, forbidden by role, or not allowed by the workflow now.
    public init(_ rejection: Rejection) {
        switch rejection.kind {
        case .invalidInput: self.init(.badInput, rejection.message, hints: rejection.hints)
        case .forbidden: self.init(.forbidden, rejection.message, hints: rejection.hints)
        case .notAllowed: self.init(.refused, rejection.message, hints: rejection.hints)
        }
    }

    public init(_ error: StoreError) {
        let category: Category = switch error {
        case .conflict: .conflict
        case .unknownCase: .notFound
        case .workflowChanged, .requestAlreadyCarriedOut: .refused
        default: .unavailable
        }
        self.init(category, error.message, hints: error.hints)
    }

    public init(_ error: WorkflowLookupError) { self.init(.badInput, error.message, hints: error.hints, detail: error.detail) }

    public init(_ error: ReportInputError) { self.init(.badInput, error.message, hints: error.hints) }

    public init(_ error: CalendarError) { self.init(.refused, error.description) }

    /// Any error of a lower layer, by its type; an error of no known type is reported as bad input with its own text.
    public init(any error: any Error) {
        self = AppError(known: error) ?? AppError(.badInput, "\(error)")
    }

    /// The error of a lower layer by its type; nil for an error no layer of retrofit throws (a front end's own).
    public init?(known error: any Error) {
        switch error {
        case let error as AppError: self = error
        case let error as Rejection: self.init(error)
        case let error as StoreError: self.init(error)
        case let error as WorkflowLookupError: self.init(error)
        case let error as CalendarError: self.init(error)
        case let error as ReportInputError: self.init(error)
        default: return nil
        }
    }
}

/// Runs `body`, turning whatever a lower layer throws into an ``AppError``.
func translatingErrors<T>(_ body: () throws -> T) throws(AppError) -> T {
    do { return try body() } catch { throw AppError(any: error) }
}

/// Runs async `body`, turning whatever a lower layer throws into an ``AppError``.
func translatingErrors<T>(_ body: () async throws -> T) async throws(AppError) -> T {
    do { return try await body() } catch { throw AppError(any: error) }
}
