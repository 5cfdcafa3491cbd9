import Foundation
import RetrofitApp
import RetrofitCore

/// The people register and its credentials: who may sign in, with which password or token.
enum PeopleRoutes {
    struct PersonBody: Decodable { let name: String?; let role: String?; let district: String?; let at: String? }
    struct PasswordBody: Decodable { let password: String? }
    struct TokenBody: Decodable { let label: String?; let expiresOn: String? }

    static func add(to routes: RouteTable) {
        routes.add(.get, "/api/v1/people") { call in
            try Reply.json(try await call.app.people(by: try call.actor()))
        }
        routes.add(.post, "/api/v1/people") { call in
            let body = try await call.json(PersonBody.self)
            guard let name = body.name else { throw AppError(.badInput, "the body lacks 'name', the person's name") }
            guard let role: Role = try FieldReading.choice(body.role, field: "role") else {
                throw AppError(.badInput, "the body lacks 'role': one of \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let request = RegisterPersonRequest(name: name, role: role, district: body.district, at: try FieldReading.time(body.at, field: "at"))
            let result = try await call.app.registerPerson(request, by: try call.actor())
            return try Reply.json(result.person, status: result.changed ? 201 : 200)
        }
        routes.add(.post, "/api/v1/people/{name}/password") { call in
            let name = try call.parameter("name")
            let body = try await call.json(PasswordBody.self)
            guard let password = body.password else { throw AppError(.badInput, "the body lacks 'password', the new password") }
            try await call.app.setPassword(password, for: name, by: try call.actor())
            return .noContent
        }
        routes.add(.get, "/api/v1/people/{name}/tokens") { call in
            try Reply.json(try await call.app.tokens(of: try call.parameter("name"), by: try call.actor()))
        }
        routes.add(.post, "/api/v1/people/{name}/tokens") { call in
            let name = try call.parameter("name")
            let body = try await call.json(TokenBody.self)
            let issued = try await call.app.issueToken(for: name, label: body.label,
                                                       expiresOn: try FieldReading.date(body.expiresOn, field: "expiresOn"),
                                                       by: try call.actor())
            return try Reply.json(issued, status: 201)
        }
        routes.add(.delete, "/api/v1/people/{name}/tokens/{label}") { call in
            try await call.app.revokeToken(of: try call.parameter("name"), label: try call.parameter("label"), by: try call.actor())
            return .noContent
        }
        routes.add(.post, "/api/v1/people/{name}/disable") { call in
            _ = try await call.app.setEnabled(false, person: try call.parameter("name"), by: try call.actor())
            return .noContent
        }
        routes.add(.post, "/api/v1/people/{name}/enable") { call in
            _ = try await call.app.setEnabled(true, person: try call.parameter("name"), by: try call.actor())
            return .noContent
        }
    }
}
