/// The result of evaluating a guard against a case's current field values.
///
/// A failed guard is an expected result, not an error: the transition is simply not allowed yet.
public enum GuardOutcome: Hashable, Sendable {
    /// The guard holds; the transition may be taken.
    case passed
    /// The guard does not hold (or cannot be decided because a field is not set). The text says
    /// why, for people: `consent_ratio >= 3/4 (consent_ratio is 7/10)`. The CLI prefixes
    /// `guard failed: `.
    case failed(String)
}
