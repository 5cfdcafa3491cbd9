import Metrics
import Prometheus

/// The service's counters and latency histogram, in a registry of its own (tests run many servers in one
/// process; the global `MetricsSystem` is bootstrapped at most once), exposed at `/metrics`.
public struct ServerMetrics: Sendable {
    let registry: PrometheusCollectorRegistry
    let factory: PrometheusMetricsFactory

    public init() {
        registry = PrometheusCollectorRegistry()
        factory = PrometheusMetricsFactory(registry: registry)
    }

    /// One answered request: counted by route pattern, method and status, its latency in the histogram.
    func request(route: String, method: String, status: Int, duration: Duration) {
        Counter(label: "retrofit_http_requests_total",
                dimensions: [("route", route), ("method", method), ("status", String(status))], factory: factory).increment()
        let (seconds, attoseconds) = duration.components
        CoreMetrics.Timer(label: "retrofit_http_request_duration_seconds", dimensions: [("route", route), ("method", method)], factory: factory)
            .recordNanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }

    /// A write refused because the case moved on (a 412).
    func conflict() {
        Counter(label: "retrofit_conflicts_total", factory: factory).increment()
    }

    /// A sign-in refused: wrong name or password, or throttled.
    func signInFailure(throttled: Bool) {
        Counter(label: "retrofit_sign_in_failures_total", dimensions: [("reason", throttled ? "throttled" : "refused")],
                factory: factory).increment()
    }

    /// The Prometheus text exposition of everything counted so far.
    func exposition() -> String { registry.emitToString() }
}
