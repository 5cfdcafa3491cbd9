import RetrofitCore

/// Record an objection; allowed only in stages whose workflow says `objections: true` (public notice).
public struct RaiseObjectionRequest: Sendable {
    public var caseID: String
    /// Who objects.
    public var from: String
    public var text: String
    public var at: Timestamp?

    public init(caseID: String, from: String, text: String, at: Timestamp? = nil) {
        self.caseID = caseID
        self.from = from
        self.text = text
        self.at = at
    }
}

public struct ObjectionRaised: Encodable, Sendable {
    public let write: ConsultationWrite
    /// The new objection's number.
    public let number: Int
    /// Objections open now, this one included.
    public let open: Int
}

/// Close an objection with its outcome.
public struct ResolveObjectionRequest: Sendable {
    public var caseID: String
    public var number: Int
    public var outcome: ObjectionOutcome
    public var note: String?
    public var at: Timestamp?

    public init(caseID: String, number: Int, outcome: ObjectionOutcome, note: String? = nil, at: Timestamp? = nil) {
        self.caseID = caseID
        self.number = number
        self.outcome = outcome
        self.note = note
        self.at = at
    }
}

public struct ObjectionClosed: Encodable, Sendable {
    public let write: ConsultationWrite
    public let number: Int
    public let outcome: ObjectionOutcome
    /// Objections still open.
    public let open: Int
}

/// A case's objections, open and resolved.
public struct ObjectionListRequest: Sendable {
    public var caseID: String

    public init(caseID: String) { self.caseID = caseID }
}

public struct ObjectionList: Encodable, Sendable {
    public let caseID: String
    /// In the order raised.
    public let objections: [ObjectionEntry]
    public let open: Int
}
