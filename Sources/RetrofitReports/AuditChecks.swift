import Foundation
import RetrofitCore
import RetrofitStore

/// The checks an auditor runs on each commissioned case (DOMAIN.md §5): missing evidence,
/// duplicate claims, dates out of order, and records made long after the fact.
enum AuditChecks {
    /// Events recorded more than this many days after they occurred are listed.
    static let lateRecordingDays = 30
    /// The store hands ``recordedLate`` only the events it reads as more than this many days late: a day under
    /// the limit, because the store counts elapsed time and may read a time eight hours off (one without an
    /// offset as UTC, not China time), while more than the limit in calendar days is more than it in elapsed time.
    static let lateCandidateDays = lateRecordingDays - 1

    /// Fields the workflow requires for the case's stage (or any earlier one) that are empty.
    static func missingEvidence(_ state: CaseState, workflow: WorkflowDefinition) -> [AuditFinding] {
        workflow.fieldsRequired(in: state.stage).compactMap { field in
            guard !FieldValue.isSet(field.name, in: state.fields) else { return nil }
            return AuditFinding(caseID: state.id, kind: .missingEvidence, field: field.name, event: nil, otherCases: [],
                                text: "\(field.name) (\(field.title)) is empty; required from \(field.requiredFrom ?? "?")")
        }
    }

    /// The commissioning date lies before the supervision inspection.
    static func commissionedBeforeInspection(_ state: CaseState, commissionedOn: CivilDate) -> [AuditFinding] {
        guard let text = state.fields["inspection_date"], let inspected = CivilDate(stored: text), commissionedOn < inspected else { return [] }
        return [AuditFinding(caseID: state.id, kind: .commissionedBeforeInspection, field: "inspection_date", event: nil, otherCases: [],
                             text: "commissioned on \(commissionedOn), \(commissionedOn.days(until: inspected)) days before the inspection on \(inspected)")]
    }

    /// Events recorded more than ``lateRecordingDays`` calendar days after they occurred.
    static func recordedLate(_ events: [EventTiming], caseID: String) -> [AuditFinding] {
        events.compactMap { event in
            guard let occurred = Timestamp(stored: event.occurredAt)?.date, let recorded = Timestamp(stored: event.recordedAt)?.date else { return nil }
            let days = occurred.days(until: recorded)
            guard days > lateRecordingDays else { return nil }
            return AuditFinding(caseID: caseID, kind: .recordedLate, field: nil, event: event.sequence, otherCases: [],
                                text: "event \(event.sequence) (\(event.type)) occurred \(occurred), recorded \(recorded) by \(event.actor): \(days) days later")
        }
    }

    /// The vote counted from the case's register by the rule of the workflow's voting stage; nil without a register.
    static func vote(_ state: CaseState, workflow: WorkflowDefinition) -> VoteSummary? {
        guard let rule = workflow.stages.first(where: { $0.vote != nil })?.vote,
              let tally = try? Tally.count(state.register) else { return nil }
        return VoteSummary(passes: rule.evaluate(tally).passes, agreeingOwners: tally.agreeing.owners,
                           participatingOwners: tally.participating.owners, totalOwners: tally.total.owners)
    }

    /// Identifier values and the cases holding them.
    struct Claims {
        /// field → value → cases holding it.
        private var holders: [String: [String: [String]]] = [:]
        /// field → case → its value.
        private var values: [String: [String: String]] = [:]

        /// From the values more than one case holds: a value only one case holds is never a duplicate.
        init(_ shared: [SharedFieldValue]) {
            for item in shared {
                holders[item.field, default: [:]][item.value, default: []] += item.caseIDs
                for caseID in item.caseIDs { values[item.field, default: [:]][caseID] = item.value }
            }
        }

        /// One finding per identifier of `caseID` that another case also holds.
        func duplicates(of caseID: String, fields: [String]) -> [AuditFinding] {
            fields.compactMap { field in
                guard let value = values[field]?[caseID] else { return nil }
                let others = (holders[field]?[value] ?? []).filter { $0 != caseID }.sorted()
                guard !others.isEmpty else { return nil }
                return AuditFinding(caseID: caseID, kind: .duplicateIdentifier, field: field, event: nil, otherCases: others,
                                    text: "\(field) \(value) is also on \(others.joined(separator: ", "))")
            }
        }
    }
}
