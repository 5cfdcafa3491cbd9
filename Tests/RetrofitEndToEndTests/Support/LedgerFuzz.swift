import Foundation
import RetrofitTestSupport

/// Generators of random and mutated input for the fuzz tests.
enum LedgerFuzz {
    /// The shipped elevator-retrofit workflow file, found from this file's location.
    static var workflowFile: URL {
        LedgerCLI.binary.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("workflows/elevator-retrofit.yaml")
    }

    static let specials = [":", "- ", "{", "}", "[", "]", "&a", "*a", "!!int", "%", "#", "\"", "'", "\t", "\n", "  ", "|",
                           ">", "?", ",", "\u{0}", "é", "德", "🛗", "9999999999999999999999", "-1", "0", "null", "~", "true"]

    /// `text` changed `times` times: lines deleted, duplicated or swapped, characters inserted, cut short.
    static func mutate(_ text: String, times: Int, using random: inout LedgerRandom) -> String {
        var lines = text.components(separatedBy: "\n")
        for _ in 0..<times where !lines.isEmpty {
            let index = Int.random(in: 0..<lines.count, using: &random)
            switch Int.random(in: 0..<7, using: &random) {
            case 0: lines.remove(at: index)
            case 1: lines.insert(lines[index], at: index)
            case 2: lines.swapAt(index, Int.random(in: 0..<lines.count, using: &random))
            case 3:
                var line = Array(lines[index])
                line.insert(contentsOf: Array(random.pick(specials) ?? ":"), at: Int.random(in: 0...line.count, using: &random))
                lines[index] = String(line)
            case 4: lines[index] = String(repeating: " ", count: Int.random(in: 0...6, using: &random)) + lines[index].trimmingCharacters(in: .whitespaces)
            case 5: lines = Array(lines.prefix(index))
            default:
                let words = lines[index].split(separator: " ", omittingEmptySubsequences: false).map(String.init)
                var changed = words
                if !changed.isEmpty { changed[Int.random(in: 0..<changed.count, using: &random)] = random.pick(specials) ?? "x" }
                lines[index] = changed.joined(separator: " ")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// A short random text mixing plain, Chinese, special and control characters.
    static func text(maxLength: Int, using random: inout LedgerRandom) -> String {
        let pieces = ["a", "Z", "0", "9", ".", "-", "=", "'", "\"", ",", " ", "\n", "德", "州", "🛗", "2025-02-29", "2025-06-01",
                      "3.14", "1/3", "12", "-5", "true", "是", "德城区", "\u{7}", "\u{202E}", "%s", "$(x)", "\\"]
        let count = Int.random(in: 0...maxLength, using: &random)
        return (0..<count).map { _ in random.pick(pieces) ?? "" }.joined()
    }

    static let commands: [[String]] = [
        ["case", "open"], ["case", "advance"], ["case", "set"], ["case", "note"], ["case", "show"], ["case", "history"],
        ["case", "list"], ["case", "suspend"], ["case", "resume"], ["case", "withdraw"], ["case", "assign"],
        ["case", "classify"], ["overdue"], ["queue"], ["import"], ["export"], ["workflow", "validate"], ["workflow", "list"],
        ["workflow", "show"], ["admin", "check"], ["admin", "rebuild"], ["admin", "backup"], ["people", "list"], ["case"], [],
    ]

    static let options = ["--workflow", "--to", "--field", "--at", "--expect-version", "--json", "--limit", "--after", "--stage",
                          "--reason", "--helper", "--priority", "--difficulty", "--note", "--as-of", "--check", "--dry-run",
                          "--batch", "--force", "--id", "--status", "--district", "--due-soon", "--now", "--bogus", "-h"]

    static let values = ["LG-00000", "LG-00001", "nope", "", "-1", "0", "7", "99999999999999999999", "2025-02-30", "2025-06-01",
                         "2030-01-01", "elevator-retrofit", "elevator-renewal", "intake", "helper-assignment", "design",
                         "mediation", "urgent", "easy", "x=y", "homes=abc", "floors=7", "ledger.csv", "out.csv", "copy.sqlite",
                         "中文", "'; DROP TABLE event;--", "--", "-", "..", "%n%n%n"]

    /// A command line made of real commands, options and values in random order.
    static func commandLine(using random: inout LedgerRandom) -> [String] {
        var arguments = random.pick(commands) ?? []
        for _ in 0..<Int.random(in: 0...5, using: &random) {
            if random.chance(50) { arguments.append(random.pick(options) ?? "--json") }
            arguments.append(random.chance(15) ? text(maxLength: 6, using: &random) : random.pick(values) ?? "")
        }
        return arguments
    }

    /// A CSV file: `valid` with bytes flipped, inserted or cut, sometimes a 1 MB field, or noise.
    static func csvBytes(from valid: [UInt8], using random: inout LedgerRandom) -> [UInt8] {
        if random.chance(10) { return (0..<Int.random(in: 0...2000, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) } }
        var bytes = valid
        let interesting: [UInt8] = [0x00, 0xFF, 0xFE, 0xC3, 0xE5, 0x80, 0xBF, 0x22, 0x2C, 0x0D, 0x0A, 0x27, 0x3D, 0x20]
        for _ in 0..<Int.random(in: 1...6, using: &random) where !bytes.isEmpty {
            let index = Int.random(in: 0..<bytes.count, using: &random)
            switch Int.random(in: 0..<5, using: &random) {
            case 0: bytes[index] = random.pick(interesting) ?? 0
            case 1: bytes.insert(random.pick(interesting) ?? 0, at: index)
            case 2: bytes.removeSubrange(index..<min(bytes.count, index + Int.random(in: 1...40, using: &random)))
            case 3: bytes = Array(bytes.prefix(index))
            default: bytes.insert(contentsOf: [0xEF, 0xBB, 0xBF], at: 0)
            }
        }
        if random.chance(15), let comma = bytes.firstIndex(of: 0x0A).flatMap({ bytes[$0...].firstIndex(of: 0x2C) }) {
            let quoted = random.chance(50)
            let field = (quoted ? [0x22] : []) + [UInt8](repeating: quoted ? 0x2C : 0x41, count: 1 << 20) + (quoted ? [0x22] : [])
            bytes.insert(contentsOf: field, at: comma + 1)
        }
        return bytes
    }
}
