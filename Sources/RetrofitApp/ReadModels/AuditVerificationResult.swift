import RetrofitReports

/// What `audit verify` found: the JSON form (`ok`, `events`, `head`, where the chain breaks, each checkpoint,
/// the expected head, advice) and the lines of its text form.
public struct AuditVerificationResult: Encodable, Sendable {
    public let ok: Bool
    public let events: Int
    public let head: String
    @EncodeNil public var brokenAt: Int?
    @EncodeNil public var brokenCase: String?
    @EncodeNil public var brokenType: String?
    @EncodeNil public var problem: String?
    public let checkpoints: [Checkpoint]
    @EncodeNil public var expectedHead: ExpectedHead?
    @EncodeNil public var advice: String?
    /// The text form, one line each.
    public let lines: [String]

    public struct Checkpoint: Encodable, Sendable, Hashable {
        public let number: Int
        public let sequence: Int
        public let hash: String
        public let signedAt: String
        public let matches: Bool
        @EncodeNil public var problem: String?
        public let signature: String
    }

    public struct ExpectedHead: Encodable, Sendable, Hashable {
        public let sequence: Int
        public let hash: String
        public let matches: Bool
        @EncodeNil public var problem: String?
    }

    /// The findings to report when the log does not verify (the lines say why), nil when it does.
    public var findings: AppError? { ok ? nil : .findings(nil) }

    enum CodingKeys: String, CodingKey {
        case ok, events, head, brokenAt, brokenCase, brokenType, problem, checkpoints, expectedHead, advice
    }

    init(_ result: AuditVerification) {
        let chain = result.chain
        ok = result.isIntact
        events = chain.events
        head = chain.head
        brokenAt = chain.firstBroken.map { Int($0.sequence) }
        brokenCase = chain.brokenEvent?.caseID
        brokenType = chain.brokenEvent?.type
        problem = chain.firstBroken?.problem
        checkpoints = result.checkpoints.map { check in
            Checkpoint(number: Int(check.checkpoint.number), sequence: Int(check.checkpoint.content.sequence), hash: check.checkpoint.content.hash,
                       signedAt: check.checkpoint.content.signedAt, matches: check.problem == nil, problem: check.problem,
                       signature: check.signature.rawValue)
        }
        expectedHead = result.expectedHead.map { check in
            ExpectedHead(sequence: Int(check.head.sequence), hash: check.head.hash, matches: check.problem == nil, problem: check.problem)
        }
        advice = result.isIntact ? nil : AuditVerification.advice
        lines = result.lines
    }
}
