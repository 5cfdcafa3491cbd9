import Foundation
import Testing

/// The committed OpenAPI document (Sources/RetrofitServer/OpenAPI/openapi.json) read as plain JSON: it is well
/// formed and documents exactly the route table of the HTTP API. Independent of the server's code on purpose.
@Suite struct OpenAPIDocumentTests {
    /// One route of the API's table: method and path template as the document spells them.
    struct Route: Hashable, CustomStringConvertible, Sendable {
        let method: String
        let path: String
        var description: String { "\(method.uppercased()) \(path)" }
    }

    /// The route table of the HTTP API, as data: the document must hold exactly these operations.
    static let routeTable: [(method: String, path: String)] = [
        ("get", "/healthz"), ("get", "/readyz"), ("get", "/metrics"), ("get", "/api/v1/openapi.json"),
        ("post", "/api/v1/session"), ("get", "/api/v1/session"), ("delete", "/api/v1/session"),
        ("get", "/api/v1/cases"), ("post", "/api/v1/cases"), ("get", "/api/v1/cases/{id}"),
        ("get", "/api/v1/cases/{id}/history"), ("get", "/api/v1/cases/{id}/explain"),
        ("post", "/api/v1/cases/{id}/advance"), ("post", "/api/v1/cases/{id}/set"), ("post", "/api/v1/cases/{id}/clear"),
        ("post", "/api/v1/cases/{id}/assign"), ("post", "/api/v1/cases/{id}/classify"),
        ("post", "/api/v1/cases/{id}/suspend"), ("post", "/api/v1/cases/{id}/resume"),
        ("post", "/api/v1/cases/{id}/withdraw"), ("post", "/api/v1/cases/{id}/note"),
        ("get", "/api/v1/cases/{id}/homes"), ("post", "/api/v1/cases/{id}/homes"), ("post", "/api/v1/cases/{id}/homes/import"),
        ("post", "/api/v1/cases/{id}/ballots"), ("post", "/api/v1/cases/{id}/ballots/import"),
        ("get", "/api/v1/cases/{id}/tally"), ("get", "/api/v1/cases/{id}/objections"),
        ("post", "/api/v1/cases/{id}/objections"), ("post", "/api/v1/cases/{id}/objections/{number}/resolve"),
        ("get", "/api/v1/overdue"), ("get", "/api/v1/queue"),
        ("get", "/api/v1/reports/bottlenecks"), ("get", "/api/v1/reports/progress"), ("get", "/api/v1/reports/commissioned"),
        ("get", "/api/v1/audit/head"), ("get", "/api/v1/audit/verify"),
        ("get", "/api/v1/workflows"), ("get", "/api/v1/workflows/{id}"), ("get", "/api/v1/workflows/{id}/diagram"),
        ("get", "/api/v1/calendars/{year}"),
        ("get", "/api/v1/people"), ("post", "/api/v1/people"), ("post", "/api/v1/people/{name}/password"),
        ("get", "/api/v1/people/{name}/tokens"), ("post", "/api/v1/people/{name}/tokens"),
        ("delete", "/api/v1/people/{name}/tokens/{label}"),
        ("post", "/api/v1/people/{name}/disable"), ("post", "/api/v1/people/{name}/enable"),
    ]

    static let routes: [Route] = routeTable.map { Route(method: $0.method, path: $0.path) }

    /// The routes anyone may call without signing in.
    static let publicRoutes: Set<Route> = [
        Route(method: "get", path: "/healthz"), Route(method: "get", path: "/readyz"), Route(method: "get", path: "/metrics"),
        Route(method: "get", path: "/api/v1/openapi.json"), Route(method: "post", path: "/api/v1/session"),
    ]

    static let methods: Set<String> = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]

    static var documentURL: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/RetrofitServer/OpenAPI/openapi.json")
    }

    /// The document as JSON objects; a test that cannot read it fails with the reason.
    static func document() throws -> [String: Any] {
        let data = try Data(contentsOf: documentURL)
        let object = try JSONSerialization.jsonObject(with: data)
        return try #require(object as? [String: Any], "the document's top level is not a JSON object")
    }

    /// Every operation of the document, by route.
    static func operations(_ document: [String: Any]) throws -> [Route: [String: Any]] {
        let paths = try #require(document["paths"] as? [String: Any], "the document has no paths object")
        var operations: [Route: [String: Any]] = [:]
        for (path, item) in paths {
            let pathItem = try #require(item as? [String: Any], "path \(path) is not an object")
            for (key, value) in pathItem where methods.contains(key) {
                operations[Route(method: key, path: path)] = try #require(value as? [String: Any], "\(key) \(path) is not an object")
            }
        }
        return operations
    }

    /// Every `$ref` string anywhere under the value, with where it was found.
    static func references(in value: Any, at location: String = "#") -> [(reference: String, location: String)] {
        if let object = value as? [String: Any] {
            return object.sorted { $0.key < $1.key }.flatMap { key, child -> [(reference: String, location: String)] in
                if key == "$ref", let reference = child as? String { return [(reference, location)] }
                return references(in: child, at: location + "/" + key)
            }
        }
        if let array = value as? [Any] {
            return array.enumerated().flatMap { references(in: $0.element, at: location + "/\($0.offset)") }
        }
        return []
    }

    /// Follows a local JSON pointer (`#/components/schemas/CaseSummary`) through the document.
    static func resolve(_ pointer: String, in document: [String: Any]) -> Any? {
        guard pointer.hasPrefix("#/") else { return nil }
        var current: Any = document
        for token in pointer.dropFirst(2).split(separator: "/", omittingEmptySubsequences: false) {
            let key = token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            guard let object = current as? [String: Any], let next = object[key] else { return nil }
            current = next
        }
        return current
    }

    @Test func theDocumentIsOpenAPIThreeOneWithATitleAndVersion() throws {
        let document = try Self.document()
        let version = try #require(document["openapi"] as? String)
        #expect(version.hasPrefix("3.1."), "openapi is \(version), expected 3.1.x")
        let info = try #require(document["info"] as? [String: Any], "the document has no info")
        #expect((info["title"] as? String)?.isEmpty == false)
        #expect((info["version"] as? String)?.isEmpty == false)
    }

    @Test func theDocumentHoldsExactlyTheRoutesOfTheTable() throws {
        let documented = Set(try Self.operations(try Self.document()).keys)
        let table = Set(Self.routes)
        #expect(Self.routes.count == table.count, "the route table lists a route twice")
        let missing = table.subtracting(documented).map(\.description).sorted()
        let extra = documented.subtracting(table).map(\.description).sorted()
        #expect(missing.isEmpty, "routes of the table missing from the document: \(missing)")
        #expect(extra.isEmpty, "operations in the document that are not in the table: \(extra)")
    }

    @Test(arguments: routes)
    func everyOperationHasAnIdAndASuccessResponse(_ route: Route) throws {
        let operations = try Self.operations(try Self.document())
        let operation = try #require(operations[route], "\(route) is not documented")
        #expect((operation["operationId"] as? String)?.isEmpty == false, "\(route) has no operationId")
        let responses = try #require(operation["responses"] as? [String: Any], "\(route) has no responses")
        #expect(responses.keys.contains { $0.hasPrefix("2") }, "\(route) documents no 2xx response")
        for (status, response) in responses {
            #expect(Int(status).map { (100...599).contains($0) } == true, "\(route): response key \(status) is not a status code")
            let object = try #require(response as? [String: Any], "\(route) \(status) is not an object")
            #expect((object["description"] as? String)?.isEmpty == false, "\(route) \(status) has no description")
        }
    }

    @Test(arguments: routes)
    func signedInRoutesRequireSecurityAndDocumentTheProblems(_ route: Route) throws {
        let operations = try Self.operations(try Self.document())
        let operation = try #require(operations[route], "\(route) is not documented")
        let security = try #require(operation["security"] as? [[String: Any]], "\(route) states no security")
        let responses = try #require(operation["responses"] as? [String: Any])
        if Self.publicRoutes.contains(route) {
            #expect(security.isEmpty, "\(route) is public but asks for credentials")
            return
        }
        let schemes = Set(security.flatMap(\.keys))
        #expect(schemes.contains("bearerToken") && schemes.contains("sessionCookie"), "\(route) accepts \(schemes.sorted())")
        if route.method != "get" {
            let cookieRequirement = security.first { $0.keys.contains("sessionCookie") }
            #expect(cookieRequirement?.keys.contains("csrfToken") == true, "\(route) writes without asking for X-CSRF-Token")
        }
        for status in ["401", "403", "503"] {
            let response = try #require(responses[status] as? [String: Any], "\(route) does not document \(status)")
            let content = try #require(response["content"] as? [String: Any], "\(route) \(status) has no content")
            #expect(content.keys.contains("application/problem+json"), "\(route) \(status) is not a problem")
        }
    }

    @Test(arguments: routes.filter { $0.path.contains("{") })
    func everyPathParameterIsDeclared(_ route: Route) throws {
        let operation = try #require(try Self.operations(try Self.document())[route])
        let parameters = (operation["parameters"] as? [[String: Any]]) ?? []
        let declared = Set(parameters.filter { $0["in"] as? String == "path" }.compactMap { $0["name"] as? String })
        let inPath = Set(route.path.split(separator: "/").filter { $0.hasPrefix("{") }.map { String($0.dropFirst().dropLast()) })
        #expect(declared == inPath, "\(route) declares path parameters \(declared.sorted()), its path has \(inPath.sorted())")
        #expect((operation["responses"] as? [String: Any])?["404"] != nil, "\(route) names something but documents no 404")
    }

    @Test func everyReferenceResolves() throws {
        let document = try Self.document()
        let references = Self.references(in: document)
        #expect(references.count > 100, "only \(references.count) references: the walk is not reaching the schemas")
        let unresolved = references.filter { Self.resolve($0.reference, in: document) == nil }
            .map { "\($0.reference) at \($0.location)" }
        #expect(unresolved.isEmpty, "references that resolve to nothing: \(unresolved)")
    }

    @Test func theProblemSchemaHasTheFieldsOfTheContract() throws {
        let document = try Self.document()
        let problem = try #require(Self.resolve("#/components/schemas/Problem", in: document) as? [String: Any])
        let properties = try #require(problem["properties"] as? [String: Any])
        for key in ["type", "title", "status", "detail", "category", "hints", "currentVersion"] {
            #expect(properties[key] != nil, "the problem schema has no \(key)")
        }
        let required = Set((problem["required"] as? [String]) ?? [])
        #expect(required == ["type", "title", "status", "detail", "category", "hints"])
    }

    @Test func theSecuritySchemesAreTheCookieTheCSRFHeaderAndTheBearerToken() throws {
        let document = try Self.document()
        let schemes = try #require(Self.resolve("#/components/securitySchemes", in: document) as? [String: [String: Any]])
        #expect(schemes["sessionCookie"]?["in"] as? String == "cookie")
        #expect(schemes["sessionCookie"]?["name"] as? String == "retrofit_session")
        #expect(schemes["csrfToken"]?["in"] as? String == "header")
        #expect(schemes["csrfToken"]?["name"] as? String == "X-CSRF-Token")
        #expect(schemes["bearerToken"]?["scheme"] as? String == "bearer")
    }
}
