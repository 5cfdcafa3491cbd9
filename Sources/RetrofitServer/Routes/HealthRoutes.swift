import Foundation
import RetrofitApp

/// Routes anyone may call: is the process up, can it serve, its metrics, its API document.
enum HealthRoutes {
    static func add(to routes: RouteTable) {
        routes.add(.get, "/healthz", access: .anyone) { _ in
            try Reply.json(["status": "ok"])
        }
        routes.add(.get, "/readyz", access: .anyone) { call in
            try call.app.checkReady()
            return try Reply.json(["status": "ready"])
        }
        routes.add(.get, "/metrics", access: .anyone) { call in
            .text(call.server.metrics.exposition(), contentType: "text/plain; version=0.0.4; charset=utf-8")
        }
        routes.add(.get, "/api/v1/openapi.json", access: .anyone) { _ in
            Reply(contentType: "application/json; charset=utf-8", body: Data(OpenAPIDocument.json.utf8))
        }
    }
}
