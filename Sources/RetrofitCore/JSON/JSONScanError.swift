/// Why a JSON text could not be read as the value expected: one sentence, with where.
public struct JSONScanError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The byte offset in the text where reading stopped.
    public let offset: Int
    public let reason: String

    public init(offset: Int, reason: String) {
        self.offset = offset
        self.reason = reason
    }

    /// One line: control characters and line separators quoted from the text are shown escaped.
    public var description: String {
        var line = ""
        for scalar in reason.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .control, .lineSeparator, .paragraphSeparator: line += scalar.escaped(asASCII: false)
            default: line.unicodeScalars.append(scalar)
            }
        }
        return "\(line) (at byte \(offset))"
    }
}
