/// The stage names a visit scan has met, numbered in order: ``StageVisitEntry`` names its stage by number.
///
/// A class so that a report can look a new number up while the scan that appends it is running.
public final class StageNames {
    public private(set) var names: [String]

    /// - Parameter known: names to number first, in order (the workflows' stages).
    public init(known: [String] = []) {
        names = []
        for name in known { _ = number(of: name) }
    }

    /// The number of `name`, appending it when new.
    func number(of name: String) -> Int {
        if let found = names.firstIndex(of: name) { return found }
        names.append(name)
        return names.count - 1
    }
}
