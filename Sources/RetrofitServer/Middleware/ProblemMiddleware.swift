import Hummingbird
import Logging
import RetrofitApp

/// Turns whatever a route or guard threw into its problem response, in one place: an application error by its
/// category, the router's "no such route" into 404 or 405, anything unexpected into a 500 that is logged.
struct ProblemMiddleware: RouterMiddleware {
    typealias Context = RetrofitRequestContext
    let routes: RouteTable
    let metrics: ServerMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let problem = problem(for: error, request: request, context: context)
            if problem.status == 412 { metrics.conflict() }
            return problem.response()
        }
    }

    func problem(for error: any Error, request: Request, context: Context) -> Problem {
        switch error {
        case let problem as Problem:
            return problem
        case let error as AppError:
            return Problem(error)
        case let error as HTTPError where error.status == .notFound:
            let path = request.uri.path
            let allowed = routes.methods(matching: path)
            if allowed.isEmpty { return .routeNotFound(path) }
            return .methodNotAllowed(request.method.rawValue, path, allowed: allowed)
        case let error as any HTTPResponseError:
            if error.status == .contentTooLarge { return .tooLarge(limit: context.maxUploadSize, what: "body") }
            return Problem(status: error.status.code, category: "http", title: error.status.reasonPhrase,
                           detail: (error as? HTTPError)?.body ?? error.status.reasonPhrase)
        default:
            context.logger.error("unexpected error", metadata: ["error": "\(String(reflecting: type(of: error)))"])
            return Problem(status: 500, category: "internal", title: "Internal error",
                           detail: "the service failed on this request; it is logged (request \(context.id))")
        }
    }
}
