import Foundation
import RetrofitApp
import RetrofitCore
import RetrofitReports

/// The workflows and calendars in force, and the audit log's head and verification.
enum CatalogRoutes {
    static func add(to routes: RouteTable) {
        routes.add(.get, "/api/v1/workflows") { call in
            try Reply.json(try await call.app.listWorkflows(by: try call.actor()).compactMap(\.summary))
        }
        routes.add(.get, "/api/v1/workflows/{id}") { call in
            try Reply.json(WorkflowJSON(try await call.app.workflow(try call.parameter("id"), by: try call.actor())))
        }
        routes.add(.get, "/api/v1/workflows/{id}/diagram") { call in
            let definition = try await call.app.workflow(try call.parameter("id"), by: try call.actor())
            switch call.query("format") ?? "mermaid" {
            case "mermaid": return .text(WorkflowText.mermaid(definition) + "\n")
            case "dot": return .text(WorkflowText.dot(definition) + "\n")
            case let other: throw AppError(.badInput, "'format' '\(other)' is not mermaid or dot")
            }
        }
        routes.add(.get, "/api/v1/calendars/{year}") { call in
            let yearText = try call.parameter("year")
            guard yearText.count == 4, let year = Int(yearText) else { throw AppError(.badInput, "'\(yearText)' is not a year; expected e.g. 2025") }
            let request = CalendarYearRequest(calendarID: call.query("calendar") ?? defaultCalendarID, year: year)
            return try Reply.json(try await call.app.calendarYear(request, by: try call.actor()))
        }
        routes.add(.get, "/api/v1/audit/head") { call in
            try Reply.json(try await call.app.auditHead(by: try call.actor()))
        }
        routes.add(.get, "/api/v1/audit/verify") { call in
            // A verification that found problems is a successful read whose result says so.
            try Reply.json(try await call.app.verifyAudit(AuditVerifyRequest(), by: try call.actor()))
        }
    }
}
