import HTTPTypes
import Foundation
import RetrofitApp
import RetrofitCore

/// Opening a case and every command on one: each answers the case as `case show --json` prints it, with its ETag.
enum CaseWriteRoutes {
    struct OpenBody: Decodable {
        let workflow: String?
        let id: String?
        let fields: [String: String]?
        let priority: String?
        let difficulty: String?
        let helper: String?
        let at: String?
    }

    struct AdvanceBody: Decodable { let to: String?; let fields: [String: String]?; let note: String?; let at: String?; let expectedVersion: Int? }
    struct SetBody: Decodable { let fields: [String: String]?; let note: String?; let at: String?; let expectedVersion: Int? }
    struct ClearBody: Decodable { let fields: [String]?; let note: String?; let at: String?; let expectedVersion: Int? }
    struct AssignBody: Decodable { let helper: String?; let anyDistrict: Bool?; let at: String?; let expectedVersion: Int? }
    struct ClassifyBody: Decodable { let priority: String?; let difficulty: String?; let at: String?; let expectedVersion: Int? }
    struct ReasonBody: Decodable { let reason: String?; let note: String?; let at: String?; let expectedVersion: Int? }
    struct NoteBody: Decodable { let text: String?; let note: String?; let at: String?; let expectedVersion: Int? }

    static func add(to routes: RouteTable) {
        routes.add(.post, "/api/v1/cases") { call in
            let body = try await call.json(OpenBody.self)
            guard let workflow = body.workflow else {
                throw AppError(.badInput, "the body lacks 'workflow', the workflow to open the case in (e.g. elevator-retrofit)")
            }
            let request = OpenCaseRequest(workflowID: workflow, caseID: body.id, fields: body.fields ?? [:],
                                          priority: try FieldReading.choice(body.priority, field: "priority") ?? .normal,
                                          difficulty: try FieldReading.choice(body.difficulty, field: "difficulty") ?? .normal,
                                          helper: body.helper, at: try FieldReading.time(body.at, field: "at"))
            let result = try await call.app.openCase(request, by: try call.actor())
            var reply = try Reply.json(result.summary, status: 201, version: result.summary.version)
            reply.headers.append((.location, "/api/v1/cases/\(percentEncoded(result.caseID))"))
            return reply
        }
        command("advance", AdvanceBody.self, routes) { body in
            (.advance(to: body.to, fields: body.fields ?? [:], note: body.note), body.at, body.expectedVersion)
        }
        command("set", SetBody.self, routes) { body in
            (.setFields(body.fields ?? [:], note: body.note), body.at, body.expectedVersion)
        }
        command("clear", ClearBody.self, routes) { body in
            (.clearFields(body.fields ?? [], note: body.note), body.at, body.expectedVersion)
        }
        command("assign", AssignBody.self, routes) { body in
            guard let helper = body.helper else { throw AppError(.badInput, "the body lacks 'helper', the helper to assign") }
            return (.assign(helper: helper, anyDistrict: body.anyDistrict ?? false), body.at, body.expectedVersion)
        }
        command("classify", ClassifyBody.self, routes) { body in
            let priority: CasePriority? = try FieldReading.choice(body.priority, field: "priority")
            let difficulty: CaseDifficulty? = try FieldReading.choice(body.difficulty, field: "difficulty")
            if priority == nil, difficulty == nil { throw AppError(.badInput, "give 'priority', 'difficulty' or both") }
            return (.classify(priority: priority, difficulty: difficulty), body.at, body.expectedVersion)
        }
        command("suspend", ReasonBody.self, routes) { body in
            guard let reason: SuspensionReason = try FieldReading.choice(body.reason, field: "reason") else {
                throw AppError(.badInput, "the body lacks 'reason': one of \(SuspensionReason.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return (.suspend(reason: reason, note: body.note), body.at, body.expectedVersion)
        }
        command("resume", ReasonBody.self, routes) { body in
            (.resume(note: body.note), body.at, body.expectedVersion)
        }
        command("withdraw", ReasonBody.self, routes) { body in
            guard let reason = body.reason else { throw AppError(.badInput, "the body lacks 'reason', why the case is withdrawn") }
            return (.withdraw(reason: reason), body.at, body.expectedVersion)
        }
        command("note", NoteBody.self, routes) { body in
            guard let text = body.text ?? body.note else { throw AppError(.badInput, "the body lacks 'text', the note to keep") }
            return (.note(text), body.at, body.expectedVersion)
        }
    }

    /// `POST /api/v1/cases/{id}/NAME`: the body read as `Body`, turned into the command, run as one transaction.
    static func command<Body: Decodable & Sendable>(
        _ name: String, _ type: Body.Type, _ routes: RouteTable,
        _ make: @escaping @Sendable (Body) throws -> (CaseCommand, String?, Int?)
    ) {
        routes.add(.post, "/api/v1/cases/{id}/\(name)") { call in
            let caseID = try call.parameter("id")
            let body = try await call.json(type)
            let (command, at, bodyVersion) = try make(body)
            let request = CaseChangeRequest(caseID: caseID, command: command, at: try FieldReading.time(at, field: "at"),
                                            expectVersion: try call.expectedVersion(body: bodyVersion))
            let result = try await CaseWriteRoutes.conflictWithVersion(caseID, call: call) {
                try await call.app.changeCase(request, by: try call.actor())
            }
            return try Reply.json(result.summary, version: result.summary.version)
        }
    }

    /// Runs a case write; a conflict answers 412 with the version the case is at now.
    static func conflictWithVersion<T>(_ caseID: String, call: RouteCall, _ write: () async throws -> T) async throws -> T {
        do {
            return try await write()
        } catch let error as AppError where error.category == .conflict {
            let current = try? await call.server.app.showCase(ShowCaseRequest(caseID: caseID), by: try call.actor()).summary.version
            throw Problem(error, currentVersion: current)
        }
    }

    static func percentEncoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))) ?? text
    }
}
