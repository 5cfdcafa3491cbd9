import ArgumentParser
import RetrofitApp
import RetrofitCore

extension CaseGroup {
    struct CaseExplain: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "explain",
            abstract: "Explain, in plain words, how a case's deadline was reached and what each move waits for.",
            discussion: """
                Names the entry day, the rule, each holiday skipped, each make-up working day counted, \
                the days suspended and why, and the result: what a helper shows a manager who doubts the list. \
                Then why the case is or is not due soon, and each move out of its stage: ready, or every \
                blocker the engine finds (role, minimum duration, open objections, fields, guard, vote rule).
                Example:
                  retrofit case explain ER-2025-0001
                  retrofit case explain ER-2025-0001 --json
                """
        )
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The case id.") var caseID: String
        @Option(help: "Explain as of this day (default: today).") var asOf: String?
        @Flag(help: "Print as JSON.") var json = false

        func run() async throws {
            try await runReporting {
                let service = try global.service(.read)
                let date = try global.date(asOf, option: "--as-of") ?? global.clock().date
                let (state, workflow) = try await CaseLoading.state(caseID, service: service, asOf: asOf == nil ? nil : date, asKnown: false)
                let calendar = try service.calendar(for: workflow)
                let schedule = CaseSchedule.of(state, workflow: workflow, calendar: calendar, asOf: date)
                let stage = workflow.stage(state.stage)
                var lines = ["Case \(state.id) is in \(state.stage) — \(stage?.title ?? "") (\(state.status.rawValue))."]
                if let problem = schedule.problem {
                    lines.append("Its deadline cannot be computed: \(problem).")
                } else if let reckoning = schedule.reckoning {
                    lines += reckoning.explanation
                    if schedule.isSuspended {
                        lines.append("The case is suspended: the clock is stopped, so the deadline above assumes it resumes on \(date).")
                    } else if schedule.isOverdue(on: date) {
                        lines.append("On \(date) it is \(schedule.daysLate(on: date)) day(s) late.")
                    } else {
                        lines.append("On \(date) it is not overdue\(schedule.isDueSoon(on: date) ? " but due soon" : "").")
                    }
                } else {
                    lines.append(state.status == .active || state.status == .suspended
                                 ? "Stage \(state.stage) has no deadline." : "The case is \(state.status.rawValue); no deadline runs.")
                }
                let advice = ExplainAdvice(state: state, workflow: workflow, schedule: schedule, calendar: calendar, on: date,
                                           actor: global.actorName, people: try await service.store.people())
                lines += advice.lines
                if json {
                    try printJSON(advice.json.merging([
                        "id": JSONValue.string(state.id), "stage": .string(state.stage), "status": .string(state.status.rawValue),
                        "entered": .optional(schedule.reckoning?.entered.description),
                        "rule": .optional(schedule.reckoning?.period.description),
                        "deadline": .optional(schedule.deadline?.description),
                        "deadlineProvisional": .boolean(schedule.isProvisional),
                        "provisionalYears": .array((schedule.reckoning?.provisionalYears ?? []).map(JSONValue.integer)),
                        "holidaysSkipped": .array((schedule.reckoning?.holidaysSkipped ?? []).map {
                            .object(["date": .string($0.date.description), "name": .string($0.name)]) }),
                        "makeUpWorkingDaysCounted": .array((schedule.reckoning?.makeUpWorkingDaysCounted ?? []).map {
                            .object(["date": .string($0.date.description), "name": .string($0.name)]) }),
                        "suspendedDays": .array((schedule.reckoning?.suspendedDays ?? []).map {
                            .object(["date": .string($0.date.description), "reason": .string($0.reason)]) }),
                        "overdue": .boolean(schedule.isOverdue(on: date)), "daysLate": .integer(schedule.daysLate(on: date)),
                        "explanation": .array(lines.map(JSONValue.string)),
                    ]) { _, own in own })
                } else {
                    print(lines.joined(separator: "\n"))
                }
            }
        }
    }
}
