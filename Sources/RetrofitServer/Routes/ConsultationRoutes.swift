import Foundation
import RetrofitApp
import RetrofitCore
import RetrofitReports

/// A case's consultation: its homes register, ballots, tally and objections. Writes answer the case
/// (`case show --json`) with its ETag, as the CLI's `--json` does.
enum ConsultationRoutes {
    struct HomeBody: Decodable { let home: String?; let floor: Int?; let area: String?; let owner: String?; let at: String? }
    struct BallotBody: Decodable { let home: String?; let owner: String?; let vote: String?; let at: String? }
    struct ObjectionBody: Decodable { let from: String?; let text: String?; let at: String? }
    struct ResolveBody: Decodable { let outcome: String?; let note: String?; let at: String? }

    static func add(to routes: RouteTable) {
        routes.add(.get, "/api/v1/cases/{id}/homes") { call in
            try Reply.json(try await call.app.homes(HomeListRequest(caseID: try call.parameter("id")), by: try call.actor()).homes)
        }
        routes.add(.post, "/api/v1/cases/{id}/homes") { call in
            let caseID = try call.parameter("id")
            try refuseIfMatch(call)
            let body = try await call.json(HomeBody.self)
            guard let number = body.home, let floor = body.floor, let areaText = body.area, let owner = body.owner else {
                throw AppError(.badInput, "a home needs 'home' (its number), 'floor', 'area' (m², e.g. \"89.53\") and 'owner'")
            }
            let area: Area
            do { area = try Area(parsing: areaText) } catch { throw AppError(.badInput, "'area': \(error)") }
            let home: Home
            do { home = try Home(number: number, floor: floor, area: area, owner: owner) } catch { throw AppError(.badInput, "\(error)") }
            let result = try await call.app.recordHome(RecordHomeRequest(caseID: caseID, home: home, at: try FieldReading.time(body.at, field: "at")),
                                                       by: try call.actor())
            return try Reply.json(result.write.summary, version: result.write.summary.version)
        }
        routes.add(.post, "/api/v1/cases/{id}/homes/import") { call in
            let caseID = try call.parameter("id")
            let rows = try await table(&call, example: "home,floor,area,owner")
            let request = HomeImportRequest(caseID: caseID, file: "upload", header: rows.header, rows: rows.rows,
                                            at: try FieldReading.time(call.query("at"), field: "at"))
            let result = try await call.app.importHomes(call.app.planHomeImport(request), by: try call.actor())
            return try Reply.json(result, version: result.write.summary.version)
        }
        routes.add(.post, "/api/v1/cases/{id}/ballots") { call in
            let caseID = try call.parameter("id")
            try refuseIfMatch(call)
            let body = try await call.json(BallotBody.self)
            guard let voteText = body.vote else { throw AppError(.badInput, "the body lacks 'vote': agree, object or abstain") }
            guard let vote = BallotChoice(parsing: voteText) else {
                throw AppError(.badInput, "'vote' '\(voteText)' is not agree, object or abstain (同意, 反对, 弃权)")
            }
            let voter: CastBallotRequest.Voter
            switch (body.home, body.owner) {
            case (let home?, nil): voter = .home(home)
            case (nil, let owner?): voter = .owner(owner)
            default: throw AppError(.badInput, "give 'home' (one home's ballot) or 'owner' (every home of an owner), not both or neither")
            }
            let result = try await call.app.castBallot(CastBallotRequest(caseID: caseID, voter: voter, vote: vote,
                                                                         at: try FieldReading.time(body.at, field: "at")),
                                                       by: try call.actor())
            return try Reply.json(result.write.summary, version: result.write.summary.version)
        }
        routes.add(.post, "/api/v1/cases/{id}/ballots/import") { call in
            let caseID = try call.parameter("id")
            let rows = try await table(&call, example: "home,vote")
            let request = BallotImportRequest(caseID: caseID, file: "upload", header: rows.header, rows: rows.rows,
                                              undatedAt: try FieldReading.time(call.query("at"), field: "at"))
            let actor = try call.actor()
            let plan = try await call.app.planBallotImport(request, by: actor)
            let result = try await CaseWriteRoutes.conflictWithVersion(caseID, call: call) {
                try await call.app.importBallots(plan, by: actor)
            }
            return try Reply.json(result, version: result.write.summary.version)
        }
        routes.add(.get, "/api/v1/cases/{id}/tally") { call in
            try Reply.json(try await call.app.tally(TallyRequest(caseID: try call.parameter("id")), by: try call.actor()))
        }
        routes.add(.get, "/api/v1/cases/{id}/objections") { call in
            try Reply.json(try await call.app.objections(ObjectionListRequest(caseID: try call.parameter("id")), by: try call.actor()).objections)
        }
        routes.add(.post, "/api/v1/cases/{id}/objections") { call in
            let caseID = try call.parameter("id")
            try refuseIfMatch(call)
            let body = try await call.json(ObjectionBody.self)
            guard let from = body.from, let text = body.text else {
                throw AppError(.badInput, "an objection needs 'from' (a home or owner) and 'text'")
            }
            let result = try await call.app.raiseObjection(RaiseObjectionRequest(caseID: caseID, from: from, text: text,
                                                                                 at: try FieldReading.time(body.at, field: "at")),
                                                           by: try call.actor())
            return try Reply.json(result.write.summary, version: result.write.summary.version)
        }
        routes.add(.post, "/api/v1/cases/{id}/objections/{number}/resolve") { call in
            let caseID = try call.parameter("id")
            try refuseIfMatch(call)
            let numberText = try call.parameter("number")
            guard let number = Int(numberText), number >= 1 else {
                throw AppError(.badInput, "objection number '\(numberText)' is not a whole number from 1")
            }
            let body = try await call.json(ResolveBody.self)
            guard let outcome: ObjectionOutcome = try FieldReading.choice(body.outcome, field: "outcome") else {
                throw AppError(.badInput, "the body lacks 'outcome': one of \(ObjectionOutcome.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let result = try await call.app.resolveObjection(ResolveObjectionRequest(caseID: caseID, number: number, outcome: outcome,
                                                                                     note: body.note, at: try FieldReading.time(body.at, field: "at")),
                                                             by: try call.actor())
            return try Reply.json(result.write.summary, version: result.write.summary.version)
        }
    }

    /// These writes do not take a version: saying one would promise a check that is not made.
    static func refuseIfMatch(_ call: RouteCall) throws(AppError) {
        if call.request.headers[.ifMatch] != nil {
            throw AppError(.badInput, "this consultation write does not check If-Match; send it without, or use the case's commands")
        }
    }

    /// The uploaded CSV's header and rows; refused when it is not CSV or has no header.
    static func table(_ call: inout RouteCall, example: String) async throws -> (header: [String], rows: [[String]]) {
        let text = try await call.csv()
        let records: [[String]]
        do { records = try CSVReader.parse(text, file: "upload") } catch { throw AppError(.badInput, "\(error)") }
        guard let header = records.first, !header.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) else {
            throw AppError(.badInput, "the upload has no header row; expected a first line such as \(example)")
        }
        return (header, Array(records.dropFirst()))
    }
}
