extension CaseEvent.Imported {
    /// A case as the bureau's ledger has it, brought in from row `row` of the file `source`.
    ///
    /// - Parameters:
    ///   - sha256: the SHA-256 (hex) of the whole file, so the event names the exact file it came from.
    ///   - stageDates: the stages the case has been in, oldest first, ending with `stage`.
    public init(ledgerFile source: String, sha256: String, row: Int, stage: String, stageDates: [CaseEvent.StageDate],
                fields: [String: String], priority: CasePriority, difficulty: CaseDifficulty, helper: String?) {
        self.source = source
        self.sha256 = sha256
        self.row = row
        self.stage = stage
        self.stageDates = stageDates
        self.fields = fields
        self.priority = priority
        self.difficulty = difficulty
        self.helper = helper
    }
}

extension CaseEvent.StageDate {
    /// The day a case entered `stage`.
    public init(_ stage: String, entered: CivilDate) {
        self.stage = stage
        self.entered = entered
    }
}
