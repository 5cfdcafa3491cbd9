import Foundation
import RetrofitApp
import RetrofitCore
import RetrofitStore
import RetrofitTestSupport
import Testing

/// An application over an in-memory database with the built-in workflows and calendars and a fixed clock.
struct AppCaseBench {
    let app: RetrofitApp

    init(now: String) throws {
        app = RetrofitApp(environment: RetrofitEnvironment(databasePath: ":memory:", clock: .fixed(Fixtures.time(now))),
                          store: try CaseStore.inMemory())
    }

    func removeFolder() {}

    /// Registers people straight in the store (the people use cases are another area's).
    func register(_ people: [(String, Role, String?)], at: String) throws {
        let store = try app.store(.write)
        for (index, (name, role, district)) in people.enumerated() {
            try store.register(PersonRegistered(name: name, role: role, district: district), expectedCount: index,
                               at: Fixtures.time(at), recordedAt: Fixtures.time(at), actor: people[0].0)
        }
    }

    @discardableResult
    func open(_ caseID: String? = nil, workflow: String = "elevator-retrofit", fields: [String: String] = Fixtures.intakeFields(),
              at: String, by actor: Actor) async throws -> CaseWriteResult {
        try await app.openCase(OpenCaseRequest(workflowID: workflow, caseID: caseID, fields: fields, at: Fixtures.time(at)), by: actor)
    }

    @discardableResult
    func change(_ caseID: String, _ command: CaseCommand, at: String, by actor: Actor, expectVersion: Int? = nil) async throws -> CaseWriteResult {
        try await app.changeCase(CaseChangeRequest(caseID: caseID, command: command, at: Fixtures.time(at), expectVersion: expectVersion), by: actor)
    }

    /// Expects the command refused with `category` and a message containing `words`; nothing is written.
    func expectRefusal(_ caseID: String, _ command: CaseCommand, at: String, by actor: Actor, _ category: AppError.Category,
                       _ words: String, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let before = try await app.showCase(ShowCaseRequest(caseID: caseID), by: actor).summary.version
        do {
            let result = try await change(caseID, command, at: at, by: actor)
            Issue.record("\(command.name) was carried out: \(result.summary.stage)", sourceLocation: sourceLocation)
        } catch let error as AppError {
            #expect(error.category == category, "\(error.message)", sourceLocation: sourceLocation)
            #expect(error.message.contains(words), "\(error.message)", sourceLocation: sourceLocation)
        }
        let after = try await app.showCase(ShowCaseRequest(caseID: caseID), by: actor).summary.version
        #expect(after == before, "a refused command wrote", sourceLocation: sourceLocation)
    }
}

extension Home {
    /// A home of the walkthrough's register, from its spreadsheet row.
    static func row(_ number: String, _ floor: Int, _ area: String, _ owner: String) throws -> Home {
        try Home(number: number, floor: floor, area: try Area(parsing: area), owner: owner)
    }
}
