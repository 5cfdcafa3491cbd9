import RetrofitCore

/// The cases one person may see: those in their districts and those assigned to them.
///
/// A listing filtered by it (``CaseFilter/visibleTo``) answers the same cases as asking ``includes(district:helper:)``
/// of each case, in SQL rather than after reading every row.
public struct CaseVisibility: Sendable, Hashable {
    /// The districts whose cases are seen; empty for none.
    public var districts: [String]
    /// The helper whose assigned cases are seen, whatever their district.
    public var helper: String

    public init(districts: [String], helper: String) {
        self.districts = districts
        self.helper = helper
    }

    /// Whether a case in `district` (nil: none) with `helper` (nil: none) is seen.
    public func includes(district: String?, helper caseHelper: String?) -> Bool {
        if let caseHelper, caseHelper == helper { return true }
        guard let district else { return false }
        return districts.contains(district)
    }

    /// The SQL condition over `case_state`'s district and helper columns, with its arguments.
    func sql() -> (clause: String, arguments: [String]) {
        guard !districts.isEmpty else { return ("helper = ?", [helper]) }
        let marks = Array(repeating: "?", count: districts.count).joined(separator: ", ")
        return ("(district IN (\(marks)) OR helper = ?)", districts + [helper])
    }
}
