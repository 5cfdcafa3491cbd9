import Logging
import RetrofitApp

/// What every route and middleware shares: the application over the one open store, the configuration,
/// the metrics and the log.
public struct ServerDependencies: Sendable {
    public let app: RetrofitApp
    public let configuration: ServerConfiguration
    public let metrics: ServerMetrics
    public let logger: Logger

    public init(app: RetrofitApp, configuration: ServerConfiguration, metrics: ServerMetrics = ServerMetrics(), logger: Logger) {
        self.app = app
        self.configuration = configuration
        self.metrics = metrics
        self.logger = logger
    }
}
