/// The stage names a visit scan has met, numbered in order: ``StageVisitEntry`` names its stage by number.
///
/// A class so that a report can look a new number up while the scan that appends it is running.
public final class StageNames {
    public private(set) var names: [String]

    /// - Parameter known: names to number first, in order (the workflows' stages).
    public init(known: [String] = []) {
        names = []
        for name in known where !names.contains(name) { names.append(name) }
    }

    /// The number of the name spelled by `bytes`, appending it when new; `hint` is tried first.
    func number(of bytes: UnsafeBufferPointer<UInt8>, hint: Int) -> Int {
        // A case usually moves on to the stage numbered after the last one, so the hint mostly answers.
        if hint < names.count, RawStatement.holds(names[hint], bytes) { return hint }
        for index in names.indices where RawStatement.holds(names[index], bytes) { return index }
        names.append(String(decoding: bytes, as: UTF8.self))
        return names.count - 1
    }
}
