import RetrofitCore
import RetrofitTestSupport

/// Random valid workflow definitions for the replay property test: a chain of 3–8 stages with random
/// deadlines (working days, days or months), some minimum durations, guards and back-edges, ending
/// in a terminal stage that marks `commissioned`.
enum RandomWorkflows {
    /// The fields every generated workflow has, with a valid and an invalid value for each.
    static let fields: [(name: String, type: String, valid: [String], invalid: [String])] = [
        ("f_text", "text", ["甲", "b c", "=x"], [""]),
        ("f_int", "integer", ["0", "3", "12"], ["1.5", "x", ""]),
        ("f_dec", "decimal", ["2.50", "89.53", "-1"], ["1/3", "abc"]),
        ("f_date", "date", ["2025-03-01", "2024-02-29"], ["2025-02-30", "3/1/2025"]),
        ("f_flag", "boolean", ["true", "否"], ["maybe"]),
        ("f_kind", "enum", ["a", "b"], ["z"]),
    ]

    static func yaml(id: String, using random: inout LedgerRandom) -> String {
        let count = Int.random(in: 3...8, using: &random)
        let ids = (1..<count).map { "s\($0)" } + ["done"]
        var text = "id: \(id)\nversion: 1\ntitle: Random \(id)\ncalendar: cn-mainland\nfields:\n"
        for field in fields {
            let values = field.type == "enum" ? ", values: [a, b]" : ""
            let required = random.chance(25) ? ", required_from: \(random.pick(Array(ids.dropFirst())) ?? "done")" : ""
            text += "  \(field.name): { type: \(field.type), title: \(field.name)\(values)\(required) }\n"
        }
        text += "stages:\n"
        for (index, stage) in ids.enumerated() {
            text += "  - id: \(stage)\n    title: Stage \(stage)\n"
            if stage == "done" {
                text += "    terminal: true\n    milestones: [commissioned]\n"
                continue
            }
            if random.chance(80) { text += "    deadline: \(period(using: &random))\n" }
            if random.chance(20) { text += "    minimum: { days: \(Int.random(in: 1...4, using: &random)) }\n" }
            if random.chance(20) { text += "    warn_before: { working_days: \(Int.random(in: 1...5, using: &random)) }\n" }
            text += "    transitions:\n"
            let guardText = random.chance(20) ? ", guard: \"f_int >= 3\"" : ""
            text += "      - { to: \(ids[index + 1]), name: next\(guardText) }\n"
            if index > 0, random.chance(40) {
                let back = ids[Int.random(in: 0..<index, using: &random)]
                text += "      - { to: \(back), name: back-to-\(back) }\n"
            }
        }
        return text
    }

    static func period(using random: inout LedgerRandom) -> String {
        switch Int.random(in: 0..<3, using: &random) {
        case 0: "{ working_days: \(Int.random(in: 1...20, using: &random)) }"
        case 1: "{ days: \(Int.random(in: 1...30, using: &random)) }"
        default: "{ months: \(Int.random(in: 1...6, using: &random)) }"
        }
    }

    /// Some field assignments: mostly valid, sometimes invalid or unknown.
    static func assignments(using random: inout LedgerRandom) -> [String: String] {
        var values: [String: String] = [:]
        for _ in 0..<Int.random(in: 0...3, using: &random) {
            guard let field = random.pick(fields) else { continue }
            let pool = random.chance(85) ? field.valid : field.invalid
            values[random.chance(3) ? "no_such_field" : field.name] = random.pick(pool) ?? ""
        }
        return values
    }
}
