/// A problem found when checking a well-formed guard against the workflow's declared field types,
/// such as an unknown field or a date compared with a number.
///
/// A guard with problems still parses and evaluates without trapping (it simply fails where it
/// cannot decide), but a workflow that declares it should be rejected when it is loaded.
public struct GuardProblem: Hashable, Sendable, CustomStringConvertible {
    /// 0-based character offset into the guard's source of the part the problem is about.
    public let offset: Int
    /// The problem as one plain sentence without the position: `unknown field 'flors'`.
    public let message: String

    public init(offset: Int, message: String) {
        self.offset = offset
        self.message = message
    }

    /// The message followed by the 1-based column: `unknown field 'flors' at column 1`.
    public var description: String { "\(message) at column \(offset + 1)" }
}
