/// An event as the log records it, with when it happened.
public struct EventEnvelope: Sendable, Hashable {
    public let event: CaseEvent
    public let occurredAt: Timestamp

    public init(event: CaseEvent, occurredAt: Timestamp) {
        self.event = event
        self.occurredAt = occurredAt
    }
}

extension CaseState {
    /// The state of a case after its first event; nil if the event cannot start a case.
    public static func start(id: String, workflow: WorkflowDefinition, with envelope: EventEnvelope) -> CaseState? {
        let at = envelope.occurredAt
        let workflowID = workflow.id, workflowVersion = workflow.version
        switch envelope.event {
        case .opened(let opened):
            var milestones: [String: CivilDate] = [:]
            for milestone in workflow.stage(opened.stage)?.milestones ?? [] { milestones[milestone] = at.date }
            return CaseState(
                id: id, workflowID: workflowID, workflowVersion: workflowVersion, stage: opened.stage,
                status: .active, version: 1, helper: opened.helper, fields: FieldValue.withoutBlanks(opened.fields),
                priority: opened.priority, difficulty: opened.difficulty, openedAt: at, lastOccurredAt: at,
                visits: [StageVisit(stage: opened.stage, enteredAt: at, leftAt: nil, suspensions: [])],
                milestones: milestones, register: HouseholdRegister(), objections: [], withdrawnReason: nil, notes: 0)
        case .imported(let imported):
            var visits: [StageVisit] = []
            for (index, stageDate) in imported.stageDates.enumerated() {
                let entered = Timestamp(startOf: stageDate.entered)
                if index > 0 { visits[index - 1].leftAt = entered }
                visits.append(StageVisit(stage: stageDate.stage, enteredAt: entered, leftAt: nil, suspensions: []))
            }
            let opened = visits.first?.enteredAt ?? at
            var milestones: [String: CivilDate] = [:]
            for visit in visits {
                for milestone in workflow.stage(visit.stage)?.milestones ?? [] where milestones[milestone] == nil {
                    milestones[milestone] = visit.enteredAt.date
                }
            }
            let terminal = workflow.stage(imported.stage)?.isTerminal ?? false
            if terminal, !visits.isEmpty { visits[visits.count - 1].leftAt = nil }
            return CaseState(
                id: id, workflowID: workflowID, workflowVersion: workflowVersion, stage: imported.stage,
                status: terminal ? .completed : .active, version: 1, helper: imported.helper, fields: FieldValue.withoutBlanks(imported.fields),
                priority: imported.priority, difficulty: imported.difficulty, openedAt: opened, lastOccurredAt: at,
                visits: visits, milestones: milestones, register: HouseholdRegister(), objections: [],
                withdrawnReason: nil, notes: 0)
        default:
            return nil
        }
    }

    /// Applies one event that follows the case's current version.
    ///
    /// Milestones and terminal status need the workflow; the engine never rejects here:
    /// events in the log have already been decided.
    public mutating func apply(_ envelope: EventEnvelope, workflow: WorkflowDefinition) {
        let at = envelope.occurredAt
        version += 1
        lastOccurredAt = max(lastOccurredAt, at)
        switch envelope.event {
        case .opened, .imported:
            break
        case .advanced(let advanced):
            FieldValue.merge(advanced.fields, into: &fields)
            if !visits.isEmpty { visits[visits.count - 1].leftAt = at }
            visits.append(StageVisit(stage: advanced.to, enteredAt: at, leftAt: nil, suspensions: []))
            stage = advanced.to
            if let target = workflow.stage(advanced.to) {
                for milestone in target.milestones where milestones[milestone] == nil { milestones[milestone] = at.date }
                if target.isTerminal {
                    status = .completed
                    visits[visits.count - 1].leftAt = nil
                }
            }
        case .fieldsSet(let set):
            FieldValue.merge(set.fields, into: &fields)
        case .fieldsCleared(let cleared):
            for name in cleared.fields { fields.removeValue(forKey: name) }
        case .helperAssigned(let assigned):
            helper = assigned.helper
        case .classified(let classified):
            priority = classified.priority
            difficulty = classified.difficulty
        case .suspended(let suspended):
            status = .suspended
            if !visits.isEmpty {
                visits[visits.count - 1].suspensions.append(Suspension(from: at, until: nil, reason: suspended.reason, note: suspended.note))
            }
        case .resumed:
            status = .active
            if let last = visits.indices.last, let open = visits[last].suspensions.indices.last {
                visits[last].suspensions[open].until = at
            }
        case .withdrawn(let withdrawn):
            status = .withdrawn
            withdrawnReason = withdrawn.reason
            if let last = visits.indices.last {
                if let open = visits[last].suspensions.indices.last, visits[last].suspensions[open].until == nil {
                    visits[last].suspensions[open].until = at
                }
                visits[last].leftAt = at
            }
        case .noted:
            notes += 1
        case .homeRecorded(let recorded):
            register.record(recorded.home)
        case .homeRemoved(let removed):
            try? register.remove(removed.home)
        case .ballotCast(let ballot):
            try? register.cast(ballot.home, ballot.vote)
        case .objectionRaised(let raised):
            objections.append(Objection(number: raised.number, from: raised.from, text: raised.text, raisedAt: at, outcome: nil, resolvedAt: nil))
        case .objectionResolved(let resolved):
            if let index = objections.firstIndex(where: { $0.number == resolved.number }) {
                objections[index].outcome = resolved.outcome
                objections[index].resolvedAt = at
            }
        }
    }

    /// The state after `events`, all happening at `at`: what a decided command does to a case.
    /// Starts the case when `state` is nil; nil if the events cannot start one.
    public static func after(_ events: [CaseEvent], on state: CaseState?, caseID: String, at: Timestamp,
                             workflow: WorkflowDefinition) -> CaseState? {
        var current = state
        for event in events {
            let envelope = EventEnvelope(event: event, occurredAt: at)
            if var existing = current {
                existing.apply(envelope, workflow: workflow)
                current = existing
            } else {
                current = start(id: caseID, workflow: workflow, with: envelope)
            }
        }
        return current
    }

    /// Replays a whole history; nil when the first event cannot start a case.
    public static func replay(id: String, workflow: WorkflowDefinition, events: [EventEnvelope]) -> CaseState? {
        guard let first = events.first,
              var state = start(id: id, workflow: workflow, with: first) else { return nil }
        for envelope in events.dropFirst() { state.apply(envelope, workflow: workflow) }
        return state
    }
}
