import ArgumentParser
import Foundation
import Logging
import RetrofitApp
import RetrofitCore
import RetrofitServer

/// `retrofit serve`: the HTTP service over one database, for everyone who signs in.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the JSON API over HTTP: people sign in, each acting as themselves.",
        discussion: """
            Listens on loopback unless --listen names a public address. Put it behind a TLS proxy (nginx, Caddy) \
            and give --behind-proxy. Stops on SIGTERM or SIGINT after the requests in flight finish. The CLI keeps \
            working on the same database file meanwhile.
            Before the first start, create an admin who can sign in:
              retrofit people add 张伟 --role admin
              retrofit people password 张伟
            Example:
              retrofit serve --db /var/lib/retrofit/retrofit.sqlite --listen 127.0.0.1:8080 --behind-proxy
              retrofit serve --demo
            """
    )

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("HOST:PORT to listen on (env RETROFIT_LISTEN).", valueName: "host:port"))
    var listen: String?
    @Flag(help: "Trust X-Forwarded-For and X-Forwarded-Proto from the proxy in front; cookies are Secure (env RETROFIT_BEHIND_PROXY=1).")
    var behindProxy = false
    @Option(help: ArgumentHelp("A TLS certificate chain (PEM); needs --tls-key.", valueName: "path")) var tlsCert: String?
    @Option(help: ArgumentHelp("The TLS certificate's private key (PEM).", valueName: "path")) var tlsKey: String?
    @Option(help: "text or json: one log line per request (env RETROFIT_LOG_FORMAT).") var logFormat: String?
    @Flag(help: "Build a demo database (in --db, else a temporary file), give each demo person a printed password, serve it on loopback.")
    var demo = false

    func run() async throws {
        let configuration = try serverConfiguration()
        var options = global
        if demo { options = try await DemoServing.prepare(global) }
        let environment = try options.environment().preloading()
        let logger = Self.logger(configuration.logFormat, clock: environment.clock)
        let app = try RetrofitApp.service(environment, notices: { logger.notice("\($0)") })
        if demo { try await DemoServing.setPasswords(app) }
        do {
            try await RetrofitServer.run(ServerDependencies(app: app, configuration: configuration, logger: logger))
        } catch let error as AppError where error.category == .refused {
            throw CommandFailure.refused(error.message + "; create an admin who can sign in first:\n"
                                         + "  retrofit people add NAME --role admin\n  retrofit people password NAME")
        }
    }

    /// The options and their environment variables, checked.
    func serverConfiguration() throws(CommandFailure) -> ServerConfiguration {
        let tls: (String, String)?
        switch (tlsCert, tlsKey) {
        case (let cert?, let key?): tls = (cert, key)
        case (nil, nil): tls = nil
        case (_?, nil): throw .badInput("--tls-cert needs --tls-key, the certificate's private key")
        case (nil, _?): throw .badInput("--tls-key needs --tls-cert, the certificate chain")
        }
        let listenText = listen ?? GlobalOptions.environment("RETROFIT_LISTEN") ?? "127.0.0.1:8080"
        guard let (host, port) = ServerConfiguration.listenAddress(listenText) else {
            throw .badInput("--listen '\(listenText)' is not HOST:PORT; expected e.g. 127.0.0.1:8080 or [::1]:8080")
        }
        if demo, !["127.0.0.1", "::1", "localhost"].contains(host) {
            throw .badInput("--demo serves on loopback only (its passwords are printed); leave out --listen \(listenText) or use 127.0.0.1")
        }
        let formatText = logFormat ?? GlobalOptions.environment("RETROFIT_LOG_FORMAT") ?? "text"
        guard let format = ServerConfiguration.LogFormat(rawValue: formatText) else {
            throw .badInput("--log-format '\(formatText)' is not text or json")
        }
        let proxy = behindProxy || ["1", "true", "yes"].contains(GlobalOptions.environment("RETROFIT_BEHIND_PROXY") ?? "")
        return ServerConfiguration(host: host, port: port, behindProxy: proxy, tls: tls, logFormat: format)
    }

    /// The service's log: lines of text, or JSON objects, on standard error.
    static func logger(_ format: ServerConfiguration.LogFormat, clock: RetrofitEnvironment.Clock) -> Logger {
        Logger(label: "retrofit.serve") { label -> any LogHandler in
            if format == .json { return JSONLineLogHandler(label: label, time: { clock.now().description }) }
            return StreamLogHandler.standardError(label: label)
        }
    }
}
