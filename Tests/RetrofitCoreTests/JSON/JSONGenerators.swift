import Foundation
@testable import RetrofitCore
import RetrofitTestSupport

/// Random values of every stored type, with the texts that are hardest to write as JSON.
enum JSONGenerators {
    /// Pieces texts are built from: Chinese, quotes, backslashes, slashes, every kind of control
    /// character, DEL, combining marks, emoji (with modifiers and joiners), astral characters,
    /// line separators, BOM, the ideographic space, and JSON punctuation.
    static let pieces: [String] = [
        "a", "Z", "0", "9", " ", "-", "_", "德城区", "王伟", "新华路12号", "\"", "\\", "/", "</script>", "\\u0041", "\u{0}", "\u{1}",
        "\u{7}", "\u{8}", "\t", "\n", "\u{B}", "\u{C}", "\r", "\u{E}", "\u{1F}", "\u{7F}", "\u{80}", "\u{9F}", "é", "e\u{301}",
        "\u{2028}", "\u{2029}", "\u{FEFF}", "\u{3000}", "👍🏽", "👨‍👩‍👧", "🇨🇳", "𠀀", "\u{FFFD}", "\u{10FFFF}", "~", "{", "}", "[",
        "]", ":", ",", "null", "true", "1e3", "（一楼）", "’",
    ]

    static func text(_ random: inout LedgerRandom, maximum: Int = 6) -> String {
        (0..<Int.random(in: 0...maximum, using: &random)).map { _ in random.pick(pieces) ?? "" }.joined()
    }

    static func optionalText(_ random: inout LedgerRandom) -> String? {
        random.chance(50) ? text(&random) : nil
    }

    static func int(_ random: inout LedgerRandom) -> Int {
        switch Int.random(in: 0..<6, using: &random) {
        case 0: return Int.random(in: 0...9, using: &random)
        case 1: return Int.random(in: -1_000...1_000, using: &random)
        case 2: return [Int.min, Int.max, -1, 0, 10, 100][Int.random(in: 0..<6, using: &random)]
        default: return Int.random(in: Int.min...Int.max, using: &random)
        }
    }

    static func dictionary<Value>(_ random: inout LedgerRandom, _ value: (inout LedgerRandom) -> Value) -> [String: Value] {
        var result: [String: Value] = [:]
        for _ in 0..<Int.random(in: 0...6, using: &random) { result[text(&random, maximum: 3)] = value(&random) }
        return result
    }

    /// A date from year 1000 to 9999, or (with `anyYear`) one far outside, written differently.
    static func date(_ random: inout LedgerRandom, anyYear: Bool = false) -> CivilDate {
        let range = anyYear && random.chance(10) ? -1_000_000...4_000_000 : -354_285...2_932_896
        return CivilDate(dayNumber: Int.random(in: range, using: &random))
    }

    static func timestamp(_ random: inout LedgerRandom, anyYear: Bool = false) -> Timestamp {
        Timestamp(startOf: date(&random, anyYear: anyYear)).adding(seconds: Int64.random(in: 0..<86_400, using: &random))
    }

    static func optionalTimestamp(_ random: inout LedgerRandom, anyYear: Bool = false) -> Timestamp? {
        random.chance(50) ? timestamp(&random, anyYear: anyYear) : nil
    }

    static func home(_ random: inout LedgerRandom) -> Home? {
        guard let area = Area(hundredths: Int.random(in: 1...Area.maximumHundredths, using: &random)) else { return nil }
        let floor = random.chance(80) ? Int.random(in: 1...33, using: &random) : Int.random(in: -5...200, using: &random)
        return try? Home(number: text(&random, maximum: 3), floor: floor, area: area, owner: text(&random, maximum: 4))
    }

    static func register(_ random: inout LedgerRandom) -> HouseholdRegister {
        var register = HouseholdRegister()
        for _ in 0..<Int.random(in: 0...6, using: &random) {
            if let home = home(&random) { register.record(home) }
        }
        for home in register.homes where random.chance(60) {
            try? register.cast(home.number, random.pick(BallotChoice.allCases) ?? .agree)
        }
        return register
    }

    static func state(_ random: inout LedgerRandom, anyYear: Bool = false) -> CaseState {
        let visits = (0..<Int.random(in: 0...4, using: &random)).map { _ in
            StageVisit(stage: text(&random), enteredAt: timestamp(&random, anyYear: anyYear),
                       leftAt: optionalTimestamp(&random, anyYear: anyYear),
                       suspensions: (0..<Int.random(in: 0...2, using: &random)).map { _ in
                           Suspension(from: timestamp(&random, anyYear: anyYear), until: optionalTimestamp(&random, anyYear: anyYear),
                                      reason: random.pick(SuspensionReason.allCases) ?? .other, note: optionalText(&random))
                       })
        }
        let objections = (0..<Int.random(in: 0...3, using: &random)).map { _ in
            Objection(number: int(&random), from: text(&random), text: text(&random), raisedAt: timestamp(&random, anyYear: anyYear),
                      outcome: random.chance(50) ? random.pick(ObjectionOutcome.allCases) : nil,
                      resolvedAt: optionalTimestamp(&random, anyYear: anyYear))
        }
        return CaseState(
            id: text(&random), workflowID: text(&random), workflowVersion: int(&random), stage: text(&random),
            status: random.pick(CaseStatus.allCases) ?? .active, version: int(&random), helper: optionalText(&random),
            fields: dictionary(&random) { text(&$0) }, priority: random.pick(CasePriority.allCases) ?? .normal,
            difficulty: random.pick(CaseDifficulty.allCases) ?? .normal, openedAt: timestamp(&random, anyYear: anyYear),
            lastOccurredAt: timestamp(&random, anyYear: anyYear), visits: visits,
            milestones: dictionary(&random) { date(&$0, anyYear: anyYear) }, register: register(&random),
            objections: objections, withdrawnReason: optionalText(&random), notes: int(&random))
    }

    /// An event of the given kind with random contents, optional members sometimes absent.
    static func event(_ kind: CaseEvent.Kind, _ random: inout LedgerRandom) -> CaseEvent {
        let priority = random.pick(CasePriority.allCases) ?? .normal
        let difficulty = random.pick(CaseDifficulty.allCases) ?? .normal
        switch kind {
        case .opened:
            return .opened(.init(stage: text(&random), fields: dictionary(&random) { text(&$0) }, priority: priority,
                                 difficulty: difficulty, helper: optionalText(&random)))
        case .imported:
            let dates = (0..<Int.random(in: 0...3, using: &random)).map { _ in CaseEvent.StageDate(stage: text(&random), entered: date(&random)) }
            return .imported(.init(source: text(&random), sha256: text(&random), row: int(&random), stage: text(&random), stageDates: dates,
                                   fields: dictionary(&random) { text(&$0) }, priority: priority, difficulty: difficulty,
                                   helper: optionalText(&random)))
        case .advanced:
            return .advanced(.init(transition: text(&random), from: text(&random), to: text(&random),
                                   fields: dictionary(&random) { text(&$0) }, note: optionalText(&random)))
        case .fieldsSet: return .fieldsSet(.init(fields: dictionary(&random) { text(&$0) }, note: optionalText(&random)))
        case .fieldsCleared:
            return .fieldsCleared(.init(fields: (0..<Int.random(in: 0...3, using: &random)).map { _ in text(&random) }, note: optionalText(&random)))
        case .helperAssigned:
            return .helperAssigned(.init(helper: text(&random), anyDistrict: random.chance(50) ? random.chance(50) : nil))
        case .classified: return .classified(.init(priority: priority, difficulty: difficulty))
        case .suspended: return .suspended(.init(reason: random.pick(SuspensionReason.allCases) ?? .other, note: optionalText(&random)))
        case .resumed: return .resumed(.init(note: optionalText(&random)))
        case .withdrawn: return .withdrawn(.init(reason: text(&random)))
        case .noted: return .noted(.init(text: text(&random, maximum: 20)))
        case .homeRecorded:
            while true {
                if let home = home(&random) { return .homeRecorded(.init(home: home)) }
            }
        case .homeRemoved: return .homeRemoved(.init(home: text(&random)))
        case .ballotCast: return .ballotCast(.init(home: text(&random), vote: random.pick(BallotChoice.allCases) ?? .agree))
        case .objectionRaised: return .objectionRaised(.init(number: int(&random), from: text(&random), text: text(&random)))
        case .objectionResolved:
            return .objectionResolved(.init(number: int(&random), outcome: random.pick(ObjectionOutcome.allCases) ?? .mediated,
                                            note: optionalText(&random)))
        }
    }

    /// `JSONEncoder` as the store always configured it.
    static func foundationJSON<T: Encodable>(_ value: T) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value))
    }
}
