import HTTPTypes
import Foundation
import RetrofitApp
import RetrofitCore
import RetrofitReports

/// What is late, a helper's queue, and the reports, each as the CLI's `--json` prints it.
enum ReportRoutes {
    static func add(to routes: RouteTable) {
        routes.add(.get, "/api/v1/overdue") { call in
            let selection = CaseSelection(workflow: call.query("workflow"), stage: call.query("stage"),
                                          district: call.query("district"), helper: call.query("helper"))
            let request = OverdueRequest(asOf: try FieldReading.date(call.query("asOf"), field: "asOf"),
                                         asKnown: call.query("asKnown") == "true", dueSoon: call.query("dueSoon") == "true",
                                         selection: selection)
            return try Reply.json(try await call.app.overdue(request, by: try call.actor()).entries)
        }
        routes.add(.get, "/api/v1/queue") { call in
            let actor = try call.actor()
            // Without a helper named, a helper's own queue; a manager or auditor names the helper to see theirs.
            let helper = call.query("helper") ?? (actor.signedIn?.role == .helper ? actor.name : nil)
            let request = QueueRequest(helper: helper, district: call.query("district"),
                                       asOf: try FieldReading.date(call.query("asOf"), field: "asOf"), includeMoves: true)
            return try Reply.json(try await call.app.queue(request, by: actor).entries)
        }
        routes.add(.get, "/api/v1/reports/bottlenecks") { call in
            let request = BottleneckReportRequest(from: try FieldReading.date(call.query("from"), field: "from"),
                                                  to: try FieldReading.date(call.query("to"), field: "to"),
                                                  workflowID: call.query("workflow"),
                                                  grouping: try FieldReading.choice(call.query("by"), field: "by"))
            return try Reply.json(try await call.app.bottleneckReport(request, by: try call.actor()))
        }
        routes.add(.get, "/api/v1/reports/progress") { call in
            let request = ProgressReportRequest(year: try FieldReading.integer(call.query("year"), field: "year"),
                                                target: try FieldReading.integer(call.query("target"), field: "target"),
                                                workflowID: call.query("workflow"))
            return try Reply.json(try await call.app.progressReport(request, by: try call.actor()))
        }
        routes.add(.get, "/api/v1/reports/commissioned") { call in
            guard let year = try FieldReading.integer(call.query("year"), field: "year") else {
                throw AppError(.badInput, "give 'year', the calendar year of commissioning (e.g. year=2025)")
            }
            let request = CommissionedReportRequest(year: year, workflowID: call.query("workflow"))
            let wantsCSV = call.query("format") == "csv" || (call.query("format") == nil && (call.request.headers[.accept] ?? "").contains("text/csv"))
            if let format = call.query("format"), format != "csv", format != "json" {
                throw AppError(.badInput, "'format' '\(format)' is not json or csv")
            }
            let buffer = ByteSink()
            let actor = try call.actor()
            if wantsCSV {
                var (writer, _) = try await call.app.commissionedReport(request, by: actor) { () throws(AppError) in
                    CommissionedCSVWriter(to: BlockWriter(to: buffer.append))
                }
                try buffer.close(&writer.out)
                var reply = Reply(contentType: "text/csv; charset=utf-8", body: buffer.data)
                reply.headers.append((.contentDisposition, "attachment; filename=\"commissioned-\(year).csv\""))
                return reply
            }
            var (writer, _) = try await call.app.commissionedReport(request, by: actor) { () throws(AppError) in
                CommissionedJSONWriter(to: BlockWriter(to: buffer.append))
            }
            writer.out.write("\n")
            try buffer.close(&writer.out)
            return Reply(contentType: "application/json; charset=utf-8", body: buffer.data)
        }
    }
}

/// Collects a report writer's blocks in memory (a report of one year is a few megabytes at most).
final class ByteSink: @unchecked Sendable {
    private(set) var data = Data()

    func append(_ bytes: [UInt8]) { data.append(contentsOf: bytes) }

    func close(_ writer: inout BlockWriter) throws(AppError) {
        do { try writer.close() } catch { throw AppError(.unavailable, "the report could not be written: \(error)") }
    }
}
