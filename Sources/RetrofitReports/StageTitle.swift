/// Stage and field titles are written `中文 / English`; tables show one half.
enum StageTitle {
    /// The part before ` / `, or the whole title.
    static func chinese(_ title: String) -> String {
        title.components(separatedBy: " / ").first ?? title
    }

    /// The part after ` / `, or the whole title.
    static func english(_ title: String) -> String {
        let parts = title.components(separatedBy: " / ")
        return parts.count > 1 ? parts.dropFirst().joined(separator: " / ") : title
    }
}
