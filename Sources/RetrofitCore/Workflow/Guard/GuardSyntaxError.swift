/// Why a guard's text could not be read, and where.
///
/// `offset` counts characters (Swift `Character`s, so `德` is one) from the start of the
/// source, starting at 0. `description` reports it as a 1-based column for people:
/// `expected a value after '>=' at column 10`.
public struct GuardSyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
    /// 0-based character offset into the guard's source where the problem was found.
    public let offset: Int
    /// What was expected or what is wrong, as one plain phrase without the position.
    public let message: String

    public init(offset: Int, message: String) {
        self.offset = offset
        self.message = message
    }

    /// The message followed by the 1-based column: `expected a value after '>=' at column 9`.
    public var description: String { "\(message) at column \(offset + 1)" }
}
