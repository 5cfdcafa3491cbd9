/// Text handed on in blocks as it is written, so a long report is never held whole; or, made without
/// a destination, kept whole for the caller (``text``).
///
/// A destination that fails is remembered rather than thrown from each write (report writers render
/// without `try`): nothing more is handed on after it, and ``close()`` throws it.
public struct BlockWriter {
    public typealias Destination = ([UInt8]) throws -> Void

    private var buffer: [UInt8] = []
    private let destination: Destination?
    private let blockSize: Int
    private var failure: (any Error)?

    /// Keeps everything written.
    public init() {
        destination = nil
        blockSize = .max
    }

    /// Hands the text to `destination` each time `blockSize` bytes have built up, and the rest on ``close()``.
    public init(blockSize: Int = 1 << 16, to destination: @escaping Destination) {
        self.destination = destination
        self.blockSize = blockSize
        buffer.reserveCapacity(blockSize)
    }

    public mutating func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= blockSize { handOn() }
    }

    public mutating func write(bytes: some Collection<UInt8>) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= blockSize { handOn() }
    }

    /// Hands on what is left, and throws the destination's first failure, if any.
    public mutating func close() throws {
        handOn()
        if let failure { throw failure }
    }

    /// Everything written, when there is no destination.
    public var text: String { String(decoding: buffer, as: UTF8.self) }

    private mutating func handOn() {
        guard let destination, !buffer.isEmpty else { return }
        if failure == nil {
            do { try destination(buffer) } catch { failure = error }
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
