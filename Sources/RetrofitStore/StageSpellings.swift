/// The bytes of stage names one after another, so that a row's stage is found by comparing bytes
/// (a `String` compared per visit costs a retain and a release).
struct StageSpellings {
    private var bytes: [UInt8] = []
    private var ranges: [Range<Int>] = []

    var count: Int { ranges.count }

    mutating func append(_ name: String) {
        ranges.append(bytes.count..<(bytes.count + name.utf8.count))
        bytes.append(contentsOf: name.utf8)
    }

    /// The number of the name spelled by `text`, `hint` tried first; nil when none is.
    func number(of text: UnsafeBufferPointer<UInt8>, hint: Int) -> Int? {
        bytes.withUnsafeBufferPointer { all in
            if hint < ranges.count, CaseStore.same(UnsafeBufferPointer(rebasing: all[ranges[hint]]), text) { return hint }
            return ranges.firstIndex { CaseStore.same(UnsafeBufferPointer(rebasing: all[$0]), text) }
        }
    }
}
