import Foundation
import RetrofitCore
import RetrofitStore

/// One line saying what an event did: the timeline's and the history's words for it.
public enum EventDetails {
    public static func text(_ stored: StoredEvent) -> String {
        guard let event = try? stored.decodedEvent() else { return stored.payload }
        switch event {
        case .opened(let opened): return "in \(opened.stage)" + fieldList(opened.fields)
        case .imported(let imported): return "from \(imported.source) row \(imported.row), in \(imported.stage)"
        case .advanced(let advanced):
            return "\(advanced.from) → \(advanced.to) (\(advanced.transition))" + fieldList(advanced.fields) + (advanced.note.map { " — \($0)" } ?? "")
        case .fieldsSet(let set): return fieldList(set.fields).trimmingCharacters(in: .whitespaces) + (set.note.map { " — \($0)" } ?? "")
        case .fieldsCleared(let cleared): return "cleared " + cleared.fields.joined(separator: ", ") + (cleared.note.map { " — \($0)" } ?? "")
        case .helperAssigned(let assigned): return "helper \(assigned.helper)" + (assigned.anyDistrict == true ? " (another district, assigned explicitly)" : "")
        case .classified(let classified): return "\(classified.priority.rawValue), \(classified.difficulty.rawValue)"
        case .suspended(let suspended): return suspended.reason.rawValue + (suspended.note.map { " — \($0)" } ?? "")
        case .resumed(let resumed): return resumed.note ?? ""
        case .withdrawn(let withdrawn): return withdrawn.reason
        case .noted(let noted): return noted.text
        case .homeRecorded(let recorded): return "home \(recorded.home.number), floor \(recorded.home.floor), \(recorded.home.area) m², \(recorded.home.owner)"
        case .homeRemoved(let removed): return "home \(removed.home)"
        case .ballotCast(let ballot): return "home \(ballot.home): \(ballot.vote.rawValue)"
        case .objectionRaised(let raised): return "#\(raised.number) from \(raised.from): \(raised.text)"
        case .objectionResolved(let resolved): return "#\(resolved.number) \(resolved.outcome.rawValue)" + (resolved.note.map { " — \($0)" } ?? "")
        }
    }

    private static func fieldList(_ fields: [String: String]) -> String {
        fields.isEmpty ? "" : " " + fields.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
    }
}
