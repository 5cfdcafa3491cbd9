import Foundation
import Hummingbird
import Logging

/// One log line and one metrics observation per request: method, route pattern (never the concrete path, which
/// may carry names), status, duration and the signed-in person. Never a header or a body: no password, token,
/// cookie or CSRF token can reach the log.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = RetrofitRequestContext
    let logger: Logger
    let metrics: ServerMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let route = context.endpointPath ?? "unmatched"
        let response: Response
        do {
            response = try await next(request, context)
        } catch {
            // The problem middleware answers every error; one escaping it is the server's own failure.
            record(request, context: context, route: route, status: 500, since: start)
            throw error
        }
        record(request, context: context, route: route, status: response.status.code, since: start)
        return response
    }

    private func record(_ request: Request, context: Context, route: String, status: Int, since start: ContinuousClock.Instant) {
        let duration = ContinuousClock.now - start
        metrics.request(route: route, method: request.method.rawValue, status: status, duration: duration)
        let (seconds, attoseconds) = duration.components
        let milliseconds = Double(seconds) * 1000 + Double(attoseconds) / 1e15
        logger.info("request", metadata: [
            "method": .string(request.method.rawValue),
            "route": .string(route),
            "status": .stringConvertible(status),
            "duration_ms": .string(String(format: "%.1f", milliseconds)),
            "person": .string(context.person?.name ?? "-"),
            "request_id": .string(context.id),
        ])
    }
}
