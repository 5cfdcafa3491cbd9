/// Reading the compiled form: each part reads the keys its `Encodable` conformance writes.
extension CompiledWorkflow.Form {
    init(scanning scanner: inout JSONScanner) throws(JSONScanError) {
        var format: Int?, fingerprint: String?, id: String?, version: Int?, title: String?, calendar: String?
        var yearlyTarget: Int?, caseIDPrefix: String?, fields: [CompiledWorkflow.Field]?, stages: [CompiledWorkflow.Stage]?
        var suspendRoles: [Role]?, resumeRoles: [Role]?, withdrawRoles: [Role]?
        try scanner.object { (scanner: inout JSONScanner, key: JSONKey) throws(JSONScanError) -> Int? in
            if key.is("format") { format = try scanner.int(); return 0 }
            if key.is("fingerprint") { fingerprint = try scanner.string(); return 1 }
            if key.is("id") { id = try scanner.string(); return 2 }
            if key.is("version") { version = try scanner.int(); return 3 }
            if key.is("title") { title = try scanner.string(); return 4 }
            if key.is("calendar") { calendar = try scanner.string(); return 5 }
            if key.is("yearlyTarget") { yearlyTarget = try scanner.int(); return 6 }
            if key.is("caseIDPrefix") { caseIDPrefix = try scanner.string(); return 7 }
            if key.is("fields") { fields = try scanner.array { (scanner: inout JSONScanner) throws(JSONScanError) in try .init(scanning: &scanner) }; return 8 }
            if key.is("stages") { stages = try scanner.array { (scanner: inout JSONScanner) throws(JSONScanError) in try .init(scanning: &scanner) }; return 9 }
            if key.is("suspendRoles") { suspendRoles = try scanner.roles(); return 10 }
            if key.is("resumeRoles") { resumeRoles = try scanner.roles(); return 11 }
            if key.is("withdrawRoles") { withdrawRoles = try scanner.roles(); return 12 }
            return nil
        }
        self.format = try required(format, "format", in: scanner)
        self.fingerprint = try required(fingerprint, "fingerprint", in: scanner)
        self.id = try required(id, "id", in: scanner)
        self.version = try required(version, "version", in: scanner)
        self.title = try required(title, "title", in: scanner)
        self.calendar = try required(calendar, "calendar", in: scanner)
        self.yearlyTarget = try required(yearlyTarget, "yearlyTarget", in: scanner)
        self.caseIDPrefix = try required(caseIDPrefix, "caseIDPrefix", in: scanner)
        self.fields = try required(fields, "fields", in: scanner)
        self.stages = try required(stages, "stages", in: scanner)
        self.suspendRoles = try required(suspendRoles, "suspendRoles", in: scanner)
        self.resumeRoles = try required(resumeRoles, "resumeRoles", in: scanner)
        self.withdrawRoles = try required(withdrawRoles, "withdrawRoles", in: scanner)
    }
}

extension CompiledWorkflow.Field {
    init(scanning scanner: inout JSONScanner) throws(JSONScanError) {
        var name: String?, title: String?, type: String?, values: [String]?, requiredFrom: String?
        try scanner.object { (scanner: inout JSONScanner, key: JSONKey) throws(JSONScanError) -> Int? in
            if key.is("name") { name = try scanner.string(); return 0 }
            if key.is("title") { title = try scanner.string(); return 1 }
            if key.is("type") { type = try scanner.string(); return 2 }
            if key.is("values") { values = try scanner.strings(); return 3 }
            if key.is("requiredFrom") { requiredFrom = try scanner.optionalString(); return 4 }
            return nil
        }
        self.name = try required(name, "name", in: scanner)
        self.title = try required(title, "title", in: scanner)
        self.type = try required(type, "type", in: scanner)
        self.values = values
        self.requiredFrom = requiredFrom
    }
}

extension CompiledWorkflow.Stage {
    init(scanning scanner: inout JSONScanner) throws(JSONScanError) {
        var id: String?, title: String?, roles: [Role]?, deadline: CompiledWorkflow.Length?, minimum: CompiledWorkflow.Length?
        var warnBefore: Int?, milestones: [String]?, isTerminal: Bool?, transitions: [CompiledWorkflow.Transition]?
        var voteTitle: String?, voteRule: [String]?, acceptsObjections: Bool?
        try scanner.object { (scanner: inout JSONScanner, key: JSONKey) throws(JSONScanError) -> Int? in
            if key.is("id") { id = try scanner.string(); return 0 }
            if key.is("title") { title = try scanner.string(); return 1 }
            if key.is("roles") { roles = try scanner.roles(); return 2 }
            if key.is("deadline") { deadline = try CompiledWorkflow.Length(scanning: &scanner); return 3 }
            if key.is("minimum") { minimum = try CompiledWorkflow.Length(scanning: &scanner); return 4 }
            if key.is("warnBefore") { warnBefore = try scanner.null() ? nil : scanner.int(); return 5 }
            if key.is("milestones") { milestones = try scanner.strings(); return 6 }
            if key.is("isTerminal") { isTerminal = try scanner.bool(); return 7 }
            if key.is("transitions") {
                transitions = try scanner.array { (scanner: inout JSONScanner) throws(JSONScanError) in try .init(scanning: &scanner) }
                return 8
            }
            if key.is("voteTitle") { voteTitle = try scanner.optionalString(); return 9 }
            if key.is("voteRule") { voteRule = try scanner.null() ? nil : scanner.strings(); return 10 }
            if key.is("acceptsObjections") { acceptsObjections = try scanner.bool(); return 11 }
            return nil
        }
        self.id = try required(id, "id", in: scanner)
        self.title = try required(title, "title", in: scanner)
        self.roles = try required(roles, "roles", in: scanner)
        self.deadline = deadline
        self.minimum = minimum
        self.warnBefore = warnBefore
        self.milestones = try required(milestones, "milestones", in: scanner)
        self.isTerminal = try required(isTerminal, "isTerminal", in: scanner)
        self.transitions = try required(transitions, "transitions", in: scanner)
        self.voteTitle = voteTitle
        self.voteRule = voteRule
        self.acceptsObjections = try required(acceptsObjections, "acceptsObjections", in: scanner)
    }
}

extension CompiledWorkflow.Transition {
    init(scanning scanner: inout JSONScanner) throws(JSONScanError) {
        var name: String?, to: String?, roles: [Role]?, requiredFields: [String]?, guardSource: String?, requiresVote: Bool?
        try scanner.object { (scanner: inout JSONScanner, key: JSONKey) throws(JSONScanError) -> Int? in
            if key.is("name") { name = try scanner.string(); return 0 }
            if key.is("to") { to = try scanner.string(); return 1 }
            if key.is("roles") { roles = try scanner.roles(); return 2 }
            if key.is("requiredFields") { requiredFields = try scanner.strings(); return 3 }
            if key.is("guardSource") { guardSource = try scanner.optionalString(); return 4 }
            if key.is("requiresVote") { requiresVote = try scanner.bool(); return 5 }
            return nil
        }
        self.name = try required(name, "name", in: scanner)
        self.to = try required(to, "to", in: scanner)
        self.roles = try required(roles, "roles", in: scanner)
        self.requiredFields = try required(requiredFields, "requiredFields", in: scanner)
        self.guardSource = guardSource
        self.requiresVote = try required(requiresVote, "requiresVote", in: scanner)
    }
}

extension CompiledWorkflow.Length {
    /// `null` (no period) reads as nil.
    init?(scanning scanner: inout JSONScanner) throws(JSONScanError) {
        if scanner.null() { return nil }
        var unit: String?, count: Int?
        try scanner.object { (scanner: inout JSONScanner, key: JSONKey) throws(JSONScanError) -> Int? in
            if key.is("unit") { unit = try scanner.string(); return 0 }
            if key.is("count") { count = try scanner.int(); return 1 }
            return nil
        }
        self.unit = try required(unit, "unit", in: scanner)
        self.count = try required(count, "count", in: scanner)
    }
}

extension JSONScanner {
    mutating func strings() throws(JSONScanError) -> [String] {
        try array { (scanner: inout JSONScanner) throws(JSONScanError) in try scanner.string() }
    }

    mutating func roles() throws(JSONScanError) -> [Role] {
        try array { (scanner: inout JSONScanner) throws(JSONScanError) in try scanner.rawValue(Role.self, "role") }
    }
}
