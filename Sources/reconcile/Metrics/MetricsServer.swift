import Hummingbird
import Logging
import Prometheus
import Reconciler

/// `--metrics-port`: Prometheus text at `/metrics` and the controller's health at
/// `/healthz`, served beside the loop until the process ends.
struct MetricsServer: Sendable {
    let host: String
    let port: Int
    let registry: PrometheusCollectorRegistry
    let health: HealthState

    /// Starts serving in the background; `onListening` gets the bound port (useful with port 0).
    func start(logger: Logger, onListening: @escaping @Sendable (Int) -> Void) -> Task<Void, any Error> {
        let router = Router()
        let registry = registry, health = health
        router.get("/metrics") { _, _ -> Response in
            var headers = HTTPFields()
            headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: registry.emitToBuffer())))
        }
        router.get("/healthz") { _, _ -> Response in
            let healthy = health.isHealthy()
            let text = healthy
                ? "ok\n"
                : "no successful tick in the last \(health.rule.intervals) intervals\n"
            return Response(status: healthy ? .ok : .serviceUnavailable, body: .init(byteBuffer: ByteBuffer(string: text)))
        }
        // Hummingbird's own logs only for its problems, in the run's format.
        var serverLogger = logger
        serverLogger.logLevel = .warning
        let app = Application(
            router: router,
            configuration: .init(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in onListening(channel.localAddress?.port ?? 0) },
            logger: serverLogger)
        // The loop's own signal trap handles SIGINT and SIGTERM; the server ends with the process.
        return Task { try await app.runService(gracefulShutdownSignals: []) }
    }
}
