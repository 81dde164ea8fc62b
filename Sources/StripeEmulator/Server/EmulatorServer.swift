import Foundation
import Hummingbird
import Logging
import NIOCore

/// The emulator over real HTTP (Hummingbird), with its state saved to a file.
///
/// ```swift
/// let server = EmulatorServer(emulator: Emulator(), port: 0, stateFile: StateFile(path: "state.json"))
/// try await server.run { address in print("listening on \(address)") }   // until SIGINT/SIGTERM
/// ```
public struct EmulatorServer: Sendable {
    /// The emulator served.
    public let emulator: Emulator
    /// The address to bind, e.g. `127.0.0.1`.
    public var host: String
    /// The port to bind; 0 picks a free one.
    public var port: Int
    /// Where state is saved after each applied write and at shutdown; nil keeps it in memory.
    public var stateFile: StateFile?
    /// Receives one line per request and per delivery attempt (stderr by default); never keys or secrets.
    public var log: @Sendable (String) -> Void
    /// Delivers the events `POST /_emulator/events` asks for.
    public var webhooks: WebhookDispatcher
    /// How long a connection may stay silent, idle or half-way through a request,
    /// before it is closed: a client that stops sending holds nothing for long.
    public var idleTimeout: Duration = .seconds(30)

    /// Creates a server; nothing listens until `run` or `makeApplication` is used. Events
    /// go out over HTTP with the local delivery policy unless `webhooks` says otherwise.
    public init(emulator: Emulator, host: String = "127.0.0.1", port: Int = 12111, stateFile: StateFile? = nil,
                webhooks: WebhookDispatcher? = nil,
                log: @escaping @Sendable (String) -> Void = EmulatorServer.standardError) {
        self.emulator = emulator
        self.host = host
        self.port = port
        self.stateFile = stateFile
        self.webhooks = webhooks ?? WebhookDispatcher(emulator: emulator)
        self.log = log
    }

    /// Writes a line to stderr.
    public static let standardError: @Sendable (String) -> Void = { line in
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// Serves until SIGINT or SIGTERM, then saves the state; `onListening` gets the actual
    /// address (`http://127.0.0.1:PORT`) once the socket is bound.
    public func run(onListening: @escaping @Sendable (String) async -> Void = { _ in }) async throws {
        let saver = stateFile.map { StateSaver(emulator: emulator, file: $0, log: log) }
        let app = makeApplication(saver: saver, onListening: onListening)
        try await app.runService()
        await saver?.save()
    }

    /// The Hummingbird application, for tests (`app.test(.live)`) or to run in a service group.
    public func makeApplication(onListening: @escaping @Sendable (String) async -> Void = { _ in }) -> some ApplicationProtocol {
        makeApplication(saver: stateFile.map { StateSaver(emulator: emulator, file: $0, log: log) }, onListening: onListening)
    }

    private func makeApplication(saver: StateSaver?, onListening: @escaping @Sendable (String) async -> Void) -> some ApplicationProtocol {
        // Hummingbird's own logging goes to stderr and only for problems: stdout carries
        // just the "listening on" line that scripts parse.
        var logger = Logger(label: "reconcile.emulator", factory: { label in StreamLogHandler.standardError(label: label) })
        logger.logLevel = .warning
        let host = host
        return Application(
            responder: EmulatorResponder(emulator: emulator, webhooks: webhooks, saver: saver, log: log),
            server: .http1(configuration: .init(idleTimeout: TimeAmount.nanoseconds(Int64(idleTimeout.seconds * 1e9)))),
            configuration: .init(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                await onListening("http://\(host):\(port)")
            },
            logger: logger
        )
    }
}
