import Hummingbird
import HummingbirdCore
import Logging
import HummingbirdTLS
import NIOCore
import RetrofitApp

/// The router of the whole API, with its middleware, over one application.
public enum RetrofitServer {
    /// The router and the table of its routes.
    public static func router(_ server: ServerDependencies) -> (Router<RetrofitRequestContext>, RouteTable) {
        let router = Router(context: RetrofitRequestContext.self)
        let routes = RouteTable(router: router, server: server)
        // Outermost first: every response gets the security headers; the person is known before the log line is
        // written; the log sees the status the problem middleware chose.
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: AuthenticationMiddleware(server: server))
        router.add(middleware: RequestLogMiddleware(logger: server.logger, metrics: server.metrics))
        router.add(middleware: ProblemMiddleware(routes: routes, metrics: server.metrics))
        HealthRoutes.add(to: routes)
        SessionRoutes.add(to: routes)
        CaseRoutes.add(to: routes)
        CaseWriteRoutes.add(to: routes)
        ConsultationRoutes.add(to: routes)
        ReportRoutes.add(to: routes)
        CatalogRoutes.add(to: routes)
        PeopleRoutes.add(to: routes)
        return (router, routes)
    }

    /// The application: the router served on the configured address, with a cap on open connections and an
    /// idle timeout; stopped gracefully by the service group that runs it.
    ///
    /// - Throws: ``AppError`` bad input when the TLS certificate or key cannot be read.
    public static func application(_ server: ServerDependencies) throws(AppError) -> some ApplicationProtocol {
        let (router, _) = router(server)
        let configuration = server.configuration
        let http1 = HTTPServerBuilder.http1(configuration: HTTP1Channel.Configuration(idleTimeout: .seconds(configuration.idleTimeoutSeconds)))
        var builder = http1
        if let files = configuration.tls {
            let tls = try TLSFiles.configuration(files)
            do { builder = try .tls(http1, tlsConfiguration: tls) } catch { throw AppError(.badInput, "the TLS configuration is refused: \(error)") }
        }
        return Application(
            router: router,
            server: builder,
            configuration: ApplicationConfiguration(
                address: .hostname(configuration.host, port: configuration.port),
                serverName: "retrofit",
                availableConnectionsDelegate: MaximumAvailableConnections(configuration.maximumConnections)),
            logger: server.logger)
    }
}

extension RetrofitServer {
    /// Serves until SIGTERM or SIGINT, then stops accepting connections, lets the requests in flight finish and
    /// returns; the caller then releases the application, which closes the database.
    ///
    /// - Throws: ``AppError`` refused when no enabled admin with a password exists (no one could sign in to manage
    ///   the register), before anything listens.
    public static func run(_ server: ServerDependencies) async throws {
        guard try await server.app.hasAdminWhoCanSignIn() else {
            throw AppError(.refused, "the people register has no enabled admin with a password, so no one could sign in to manage it; nothing was started")
        }
        let application = try application(server)
        server.logger.info("retrofit serve listening", metadata: [
            "address": .string("\(server.configuration.host):\(server.configuration.port)"),
            "behind_proxy": .stringConvertible(server.configuration.behindProxy),
        ])
        // Hummingbird runs the server in a ServiceGroup with these signals as graceful shutdown: it stops
        // accepting, finishes the requests in flight, then returns.
        try await application.runService()
        server.logger.info("retrofit serve stopped")
    }
}
