/// Reading the compiled form: each part reads the keys its `Encodable` conformance writes.
extension CompiledWorkflow.Form {
    init(scanning scanner: inout JSONScanner) throws(JSONScanError) {
        var format: Int?, fingerprint: String?, id: String?, version: Int?, title: String?, calendar: String?
        var yearlyTarget: Int?, caseIDPrefix: String?, fields: [CompiledWorkflow.Field]?, stages: [CompiledWorkflow.Stage]?
        var suspendRoles: [Role]?, resumeRoles: [Role]?, withdrawRoles: [Role]?
        enum Key: String, JSONObjectKey {
            case format, fingerprint, id, version, title, calendar, yearlyTarget, caseIDPrefix, fields, stages
            case suspendRoles, resumeRoles, withdrawRoles
        }
        try scanner.object { (scanner: inout JSONScanner, key: Key) throws(JSONScanError) in
            switch key {
            case .format: format = try scanner.int()
            case .fingerprint: fingerprint = try scanner.string()
            case .id: id = try scanner.string()
            case .version: version = try scanner.int()
            case .title: title = try scanner.string()
            case .calendar: calendar = try scanner.string()
            case .yearlyTarget: yearlyTarget = try scanner.int()
            case .caseIDPrefix: caseIDPrefix = try scanner.string()
            case .fields: fields = try scanner.array { (scanner: inout JSONScanner) throws(JSONScanError) in try .init(scanning: &scanner) }
            case .stages: stages = try scanner.array { (scanner: inout JSONScanner) throws(JSONScanError) in try .init(scanning: &scanner) }
            case .suspendRoles: suspendRoles = try scanner.roles()
            case .resumeRoles: resumeRoles = try scanner.roles()
            case .withdrawRoles: withdrawRoles = try scanner.roles()
            }
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
        enum Key: String, JSONObjectKey { case name, title, type, values, requiredFrom }
        try scanner.object { (scanner: inout JSONScanner, key: Key) throws(JSONScanError) in
            switch key {
            case .name: name = try scanner.string()
            case .title: title = try scanner.string()
            case .type: type = try scanner.string()
            case .values: values = try scanner.strings()
            case .requiredFrom: requiredFrom = try scanner.optionalString()
            }
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
        enum Key: String, JSONObjectKey {
            case id, title, roles, deadline, minimum, warnBefore, milestones, isTerminal, transitions, voteTitle, voteRule
            case acceptsObjections
        }
        try scanner.object { (scanner: inout JSONScanner, key: Key) throws(JSONScanError) in
            switch key {
            case .id: id = try scanner.string()
            case .title: title = try scanner.string()
            case .roles: roles = try scanner.roles()
            case .deadline: deadline = try CompiledWorkflow.Length(scanning: &scanner)
            case .minimum: minimum = try CompiledWorkflow.Length(scanning: &scanner)
            case .warnBefore: warnBefore = try scanner.null() ? nil : scanner.int()
            case .milestones: milestones = try scanner.strings()
            case .isTerminal: isTerminal = try scanner.bool()
            case .transitions: transitions = try scanner.array { (scanner: inout JSONScanner) throws(JSONScanError) in try .init(scanning: &scanner) }
            case .voteTitle: voteTitle = try scanner.optionalString()
            case .voteRule: voteRule = try scanner.null() ? nil : scanner.strings()
            case .acceptsObjections: acceptsObjections = try scanner.bool()
            }
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
        enum Key: String, JSONObjectKey { case name, to, roles, requiredFields, guardSource, requiresVote }
        try scanner.object { (scanner: inout JSONScanner, key: Key) throws(JSONScanError) in
            switch key {
            case .name: name = try scanner.string()
            case .to: to = try scanner.string()
            case .roles: roles = try scanner.roles()
            case .requiredFields: requiredFields = try scanner.strings()
            case .guardSource: guardSource = try scanner.optionalString()
            case .requiresVote: requiresVote = try scanner.bool()
            }
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
        enum Key: String, JSONObjectKey { case unit, count }
        try scanner.object { (scanner: inout JSONScanner, key: Key) throws(JSONScanError) in
            switch key {
            case .unit: unit = try scanner.string()
            case .count: count = try scanner.int()
            }
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
