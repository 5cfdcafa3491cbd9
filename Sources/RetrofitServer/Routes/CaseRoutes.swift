import Foundation
import RetrofitApp
import RetrofitCore

/// Reading cases: the list, one case, its history, its explanation.
enum CaseRoutes {
    static func add(to routes: RouteTable) {
        routes.add(.get, "/api/v1/cases") { call in
            let selection = CaseSelection(workflow: call.query("workflow"), stage: call.query("stage"),
                                          status: try FieldReading.choice(call.query("status"), field: "status"),
                                          district: call.query("district"), helper: call.query("helper"))
            let rows = try await call.app.listCases(selection, by: try call.actor()).cases
            let offset = try FieldReading.integer(call.query("offset"), field: "offset") ?? 0
            let limit = try FieldReading.integer(call.query("limit"), field: "limit")
            guard offset >= 0 else { throw AppError(.badInput, "'offset' \(offset) is negative; expected 0 or more") }
            if let limit, limit < 1 { throw AppError(.badInput, "'limit' \(limit) is less than 1") }
            let page = rows.dropFirst(offset).prefix(limit ?? .max)
            return try Reply.json(Array(page))
        }
        routes.add(.get, "/api/v1/cases/{id}") { call in
            let request = ShowCaseRequest(caseID: try call.parameter("id"), asOf: try FieldReading.date(call.query("asOf"), field: "asOf"),
                                          asKnown: call.query("asKnown") == "true")
            let view = try await call.app.showCase(request, by: try call.actor())
            return try Reply.json(view.summary, version: view.summary.version)
        }
        routes.add(.get, "/api/v1/cases/{id}/history") { call in
            let request = CaseHistoryRequest(caseID: try call.parameter("id"),
                                             after: try FieldReading.integer(call.query("after"), field: "after") ?? 0,
                                             limit: try FieldReading.integer(call.query("limit"), field: "limit") ?? 1000)
            let page = try await call.app.caseHistory(request, by: try call.actor())
            return try Reply.json(page.events)
        }
        routes.add(.get, "/api/v1/cases/{id}/explain") { call in
            let request = ExplainCaseRequest(caseID: try call.parameter("id"), asOf: try FieldReading.date(call.query("asOf"), field: "asOf"))
            return try Reply.json(try await call.app.explainCase(request, by: try call.actor()))
        }
    }
}
