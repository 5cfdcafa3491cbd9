import RetrofitCore

/// One objection of a case, open or resolved: an element of `consult objection list --json`.
public struct ObjectionEntry: Encodable, Sendable, Hashable {
    public let number: Int
    public let from: String
    public let text: String
    public let raisedAt: String
    /// withdrawn, mediated or overruled; left out while open.
    public let outcome: String?
    public let resolvedAt: String?
    /// The note kept with the outcome, if one was given.
    public let note: String?

    public init(_ objection: Objection, note: String?) {
        number = objection.number
        from = objection.from
        text = objection.text
        raisedAt = objection.raisedAt.description
        outcome = objection.outcome?.rawValue
        resolvedAt = objection.resolvedAt?.description
        self.note = note
    }
}
