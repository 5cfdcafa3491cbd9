/// Something an auditor should look at.
public struct AuditFinding: Sendable, Encodable {
    public enum Kind: String, Sendable, Encodable, CaseIterable {
        /// A field the workflow requires by the case's stage is empty.
        case missingEvidence = "missing-evidence"
        /// A registration code, certificate number or equipment code is on another case too.
        case duplicateIdentifier = "duplicate-identifier"
        /// The commissioning date is before the inspection date.
        case commissionedBeforeInspection = "commissioned-before-inspection"
        /// An event was recorded more than 30 days after it occurred.
        case recordedLate = "recorded-late"
    }

    public let caseID: String
    public let kind: Kind
    /// The field concerned, if any.
    public let field: String?
    /// The event concerned (its sequence in the log), if any.
    public let event: Int64?
    /// The other cases sharing the identifier, for duplicates.
    public let otherCases: [String]
    /// One sentence.
    public let text: String

    private enum CodingKeys: String, CodingKey { case caseID = "case", kind, field, event, otherCases, text }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(caseID, forKey: .caseID)
        try container.encode(kind, forKey: .kind)
        try container.encode(field, forKey: .field)
        try container.encode(event, forKey: .event)
        try container.encode(otherCases, forKey: .otherCases)
        try container.encode(text, forKey: .text)
    }
}
